//! Readers: files, directories (walked recursively in sorted order), JSONL
//! and gzipped JSONL, and standard input. Every record that can be told
//! apart yields a [`RawInput`]; one that cannot be read yields a
//! [`RawContent::Unreadable`] record, so that no input is silently lost.

use flate2::read::MultiGzDecoder;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use taojin_core::{RawContent, RawInput};

/// Where input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSpec {
    Path(PathBuf),
    Stdin,
}

impl InputSpec {
    pub fn parse(arg: &str) -> Self {
        if arg == "-" {
            InputSpec::Stdin
        } else {
            InputSpec::Path(PathBuf::from(arg))
        }
    }
}

/// Records that share a source (one file, or the plain files of one
/// directory): line repetition is counted within a group.
#[derive(Debug, Clone, Default)]
pub struct Group {
    pub source: String,
    pub records: Vec<RawInput>,
}

/// One input record and the source group it belongs to.
#[derive(Debug, Clone)]
pub struct Record {
    pub group: String,
    pub input: RawInput,
}

/// Reads every input into records, in input order (directories in sorted
/// walk order), each tagged with its source group. Holds everything in
/// memory: for large inputs use [`stream_records`].
pub fn read_records(specs: &[InputSpec]) -> Vec<Record> {
    stream_records(specs).collect()
}

/// The records of every input, read lazily in input order: directories are
/// listed up front (paths only), files are read and JSONL lines parsed one
/// at a time as the iterator advances, so memory stays bounded by what the
/// caller holds.
pub fn stream_records(specs: &[InputSpec]) -> impl Iterator<Item = Record> {
    let mut sources: Vec<Source> = Vec::new();
    for spec in specs {
        match spec {
            InputSpec::Stdin => sources.push(Source::Stdin),
            InputSpec::Path(p) => list_sources(p, &mut sources),
        }
    }
    sources.into_iter().flat_map(Source::records)
}

/// One thing to read: a file, standard input, or a path that failed.
enum Source {
    Stdin,
    Raw { path: PathBuf, group: String },
    Jsonl(PathBuf),
    Failed(Record),
}

impl Source {
    fn records(self) -> Box<dyn Iterator<Item = Record>> {
        match self {
            Source::Stdin => Box::new(read_stdin_records()),
            Source::Raw { path, group } => Box::new(std::iter::once_with(move || Record {
                group,
                input: read_raw_file(&path),
            })),
            Source::Jsonl(path) => {
                let group = path.display().to_string();
                Box::new(jsonl_file_iter(&path).map(move |input| Record {
                    group: group.clone(),
                    input,
                }))
            }
            Source::Failed(r) => Box::new(std::iter::once(r)),
        }
    }
}

fn list_sources(path: &Path, out: &mut Vec<Source>) {
    let display = path.display().to_string();
    match std::fs::metadata(path) {
        Err(e) => {
            let why = format!("cannot read {display}: {e}");
            out.push(Source::Failed(Record {
                group: display.clone(),
                input: unreadable(&file_id(path), &display, why),
            }));
        }
        Ok(m) if m.is_dir() => {
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
                Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
                Err(e) => {
                    let why = format!("cannot list {display}: {e}");
                    out.push(Source::Failed(Record {
                        group: display.clone(),
                        input: unreadable(&file_id(path), &display, why),
                    }));
                    return;
                }
            };
            entries.sort();
            for p in entries {
                let hidden = p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'));
                if hidden {
                    continue;
                }
                if p.is_dir() {
                    list_sources(&p, out);
                } else if is_jsonl(&p) {
                    out.push(Source::Jsonl(p));
                } else {
                    out.push(Source::Raw {
                        path: p,
                        group: display.clone(),
                    });
                }
            }
        }
        Ok(_) if is_jsonl(path) => out.push(Source::Jsonl(path.to_path_buf())),
        Ok(_) => out.push(Source::Raw {
            path: path.to_path_buf(),
            group: display,
        }),
    }
}

fn read_stdin_records() -> impl Iterator<Item = Record> {
    let g = read_stdin();
    let group = g.source.clone();
    g.records.into_iter().map(move |input| Record {
        group: group.clone(),
        input,
    })
}

/// JSONL records of one file, parsed lazily.
fn jsonl_file_iter(p: &Path) -> Box<dyn Iterator<Item = RawInput>> {
    let source = p.display().to_string();
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| source.clone());
    let file = match std::fs::File::open(p) {
        Ok(f) => f,
        Err(e) => {
            return Box::new(std::iter::once(unreadable(
                &name,
                &source,
                format!("cannot read {source}: {e}"),
            )))
        }
    };
    let reader: Box<dyn BufRead> = if name.to_lowercase().ends_with(".gz") {
        Box::new(BufReader::new(MultiGzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    Box::new(JsonlIter {
        reader,
        name,
        source,
        line_no: 0,
        done: false,
        buf: Vec::new(),
    })
}

/// Parses one JSONL record per call, skipping blank lines.
struct JsonlIter {
    reader: Box<dyn BufRead>,
    name: String,
    source: String,
    line_no: usize,
    done: bool,
    buf: Vec<u8>,
}

impl Iterator for JsonlIter {
    type Item = RawInput;

    fn next(&mut self) -> Option<RawInput> {
        while !self.done {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line_no += 1;
                    if let Some(r) =
                        parse_jsonl_line(&self.buf, self.line_no, &self.name, &self.source)
                    {
                        return Some(r);
                    }
                }
                Err(e) => {
                    self.done = true;
                    let id = format!("{}:{}", self.name, self.line_no + 1);
                    let why = format!("input ends after line {}: {e}", self.line_no);
                    return Some(unreadable(&id, &self.source, why));
                }
            }
        }
        None
    }
}

/// Biggest document accepted, to keep one broken input from exhausting
/// memory; larger files yield an error record.
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;

fn read_stdin() -> Group {
    let mut bytes = Vec::new();
    let source = "-".to_string();
    if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
        return Group {
            source: source.clone(),
            records: vec![unreadable(
                "stdin",
                &source,
                format!("cannot read standard input: {e}"),
            )],
        };
    }
    // Standard input holds JSONL when it starts with an object, otherwise
    // it is one document of raw bytes.
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        Group {
            source: source.clone(),
            records: parse_jsonl(std::io::Cursor::new(bytes), "stdin", &source),
        }
    } else {
        Group {
            source: source.clone(),
            records: vec![RawInput {
                id: "stdin".into(),
                source,
                content: RawContent::Bytes(bytes),
            }],
        }
    }
}

fn is_jsonl(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")
}

/// A file document's id: its file name without the extension.
pub fn file_id(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| p.display().to_string())
}

fn unreadable(id: &str, source: &str, why: String) -> RawInput {
    RawInput {
        id: id.to_string(),
        source: source.to_string(),
        content: RawContent::Unreadable(why),
    }
}

fn read_raw_file(p: &Path) -> RawInput {
    let id = file_id(p);
    let source = p.display().to_string();
    let content = match std::fs::metadata(p) {
        Ok(m) if m.len() > MAX_DOCUMENT_BYTES => RawContent::Unreadable(format!(
            "file is {} bytes, over the {} byte limit",
            m.len(),
            MAX_DOCUMENT_BYTES
        )),
        _ => match std::fs::read(p) {
            Ok(bytes) => RawContent::Bytes(bytes),
            Err(e) => RawContent::Unreadable(format!("cannot read {source}: {e}")),
        },
    };
    RawInput {
        id,
        source,
        content,
    }
}

/// Parses JSONL: one object per line with a string `text` and an optional
/// `id` (string or number). Blank lines are skipped. A line that is not
/// such an object yields an unreadable record with id `FILE:LINE`; a read
/// error (broken gzip, I/O) yields one record saying where reading stopped.
pub fn parse_jsonl<R: BufRead + 'static>(reader: R, name: &str, source: &str) -> Vec<RawInput> {
    JsonlIter {
        reader: Box::new(reader),
        name: name.to_string(),
        source: source.to_string(),
        line_no: 0,
        done: false,
        buf: Vec::new(),
    }
    .collect()
}

/// One JSONL line to a record; `None` for a blank line.
fn parse_jsonl_line(bytes: &[u8], line_no: usize, name: &str, source: &str) -> Option<RawInput> {
    let line = String::from_utf8_lossy(bytes);
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    let fallback_id = format!("{name}:{line_no}");
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return Some(unreadable(
                &fallback_id,
                source,
                format!("line {line_no} is not JSON: {e}"),
            ))
        }
    };
    let id = match value.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => fallback_id,
    };
    Some(match value.get("text") {
        Some(serde_json::Value::String(t)) => RawInput {
            id,
            source: source.to_string(),
            content: RawContent::Text(t.clone()),
        },
        _ => unreadable(
            &id,
            source,
            format!("line {line_no} has no string field \"text\""),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_records_ids_and_errors() {
        let data = "{\"id\":\"a\",\"text\":\"你好。\"}\n\nnot json\n{\"text\":\"无编号\"}\n{\"id\":7,\"body\":\"x\"}\n";
        let recs = parse_jsonl(BufReader::new(data.as_bytes()), "f.jsonl", "dir/f.jsonl");
        let ids: Vec<&str> = recs.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "f.jsonl:3", "f.jsonl:4", "7"]);
        assert_eq!(recs[0].content, RawContent::Text("你好。".into()));
        assert!(matches!(&recs[1].content, RawContent::Unreadable(e) if e.contains("not JSON")));
        assert!(matches!(&recs[3].content, RawContent::Unreadable(e) if e.contains("\"text\"")));
    }

    #[test]
    fn broken_gzip_yields_an_error_record() {
        let mut gz = Vec::new();
        {
            use std::io::Write;
            let mut enc = flate2::write::GzEncoder::new(&mut gz, flate2::Compression::default());
            for i in 0..200 {
                writeln!(
                    enc,
                    "{{\"id\":\"{i}\",\"text\":\"第{i}篇文章的正文内容。\"}}"
                )
                .unwrap_or(());
            }
            enc.finish().map(|_| ()).unwrap_or(());
        }
        let cut = gz[..gz.len() / 2].to_vec();
        let recs = parse_jsonl(
            BufReader::new(MultiGzDecoder::new(std::io::Cursor::new(cut))),
            "f.jsonl.gz",
            "f.jsonl.gz",
        );
        let last = recs.last().map(|r| r.content.clone());
        assert!(
            matches!(last, Some(RawContent::Unreadable(ref e)) if e.contains("input ends")),
            "{last:?}"
        );
        assert!(recs.len() > 1, "records before the break are kept");
    }
}
