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
/// walk order), each tagged with its source group.
pub fn read_records(specs: &[InputSpec]) -> Vec<Record> {
    let mut out = Vec::new();
    for spec in specs {
        match spec {
            InputSpec::Stdin => push_group(&mut out, read_stdin()),
            InputSpec::Path(p) => read_path_ordered(p, &mut out),
        }
    }
    out
}

fn push_group(out: &mut Vec<Record>, g: Group) {
    out.extend(g.records.into_iter().map(|input| Record {
        group: g.source.clone(),
        input,
    }));
}

fn read_path_ordered(path: &Path, out: &mut Vec<Record>) {
    if !path.is_dir() {
        let mut groups = Vec::new();
        read_path(path, &mut groups);
        groups.into_iter().for_each(|g| push_group(out, g));
        return;
    }
    let display = path.display().to_string();
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            let why = format!("cannot list {display}: {e}");
            out.push(Record {
                group: display.clone(),
                input: unreadable(&file_id(path), &display, why),
            });
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
            read_path_ordered(&p, out);
        } else if is_jsonl(&p) {
            out.extend(read_jsonl_file(&p).into_iter().map(|input| Record {
                group: p.display().to_string(),
                input,
            }));
        } else {
            out.push(Record {
                group: display.clone(),
                input: read_raw_file(&p),
            });
        }
    }
}

/// Biggest document accepted, to keep one broken input from exhausting
/// memory; larger files yield an error record.
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;

/// Reads every input into groups, in order.
pub fn read_all(specs: &[InputSpec]) -> Vec<Group> {
    let mut groups = Vec::new();
    for spec in specs {
        match spec {
            InputSpec::Stdin => groups.push(read_stdin()),
            InputSpec::Path(p) => read_path(p, &mut groups),
        }
    }
    groups
}

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
            records: parse_jsonl(BufReader::new(&bytes[..]), "stdin", &source),
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

fn read_path(path: &Path, groups: &mut Vec<Group>) {
    let display = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            let id = file_id(path);
            groups.push(Group {
                source: display.clone(),
                records: vec![unreadable(
                    &id,
                    &display,
                    format!("cannot read {display}: {e}"),
                )],
            });
            return;
        }
    };
    if meta.is_dir() {
        read_dir(path, groups);
    } else if is_jsonl(path) {
        groups.push(Group {
            source: display.clone(),
            records: read_jsonl_file(path),
        });
    } else {
        groups.push(Group {
            source: display.clone(),
            records: vec![read_raw_file(path)],
        });
    }
}

/// Plain files of a directory form one group; JSONL files and
/// subdirectories form their own.
fn read_dir(dir: &Path, groups: &mut Vec<Group>) {
    let display = dir.display().to_string();
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            groups.push(Group {
                source: display.clone(),
                records: vec![unreadable(
                    &file_id(dir),
                    &display,
                    format!("cannot list {display}: {e}"),
                )],
            });
            return;
        }
    };
    entries.sort();
    let mut plain = Group {
        source: display,
        records: Vec::new(),
    };
    let mut nested = Vec::new();
    for p in entries {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            read_dir(&p, &mut nested);
        } else if is_jsonl(&p) {
            nested.push(Group {
                source: p.display().to_string(),
                records: read_jsonl_file(&p),
            });
        } else {
            plain.records.push(read_raw_file(&p));
        }
    }
    if !plain.records.is_empty() {
        groups.push(plain);
    }
    groups.extend(nested);
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

fn read_jsonl_file(p: &Path) -> Vec<RawInput> {
    let source = p.display().to_string();
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| source.clone());
    let file = match std::fs::File::open(p) {
        Ok(f) => f,
        Err(e) => {
            return vec![unreadable(
                &name,
                &source,
                format!("cannot read {source}: {e}"),
            )]
        }
    };
    if name.to_lowercase().ends_with(".gz") {
        parse_jsonl(BufReader::new(MultiGzDecoder::new(file)), &name, &source)
    } else {
        parse_jsonl(BufReader::new(file), &name, &source)
    }
}

/// Parses JSONL: one object per line with a string `text` and an optional
/// `id` (string or number). Blank lines are skipped. A line that is not
/// such an object yields an unreadable record with id `FILE:LINE`; a read
/// error (broken gzip, I/O) yields one record saying where reading stopped.
pub fn parse_jsonl<R: BufRead>(mut reader: R, name: &str, source: &str) -> Vec<RawInput> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                out.push(unreadable(
                    &format!("{name}:{}", line_no + 1),
                    source,
                    format!("input ends after line {line_no}: {e}"),
                ));
                break;
            }
        }
        line_no += 1;
        let line = String::from_utf8_lossy(&buf);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let fallback_id = format!("{name}:{line_no}");
        let value: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                out.push(unreadable(
                    &fallback_id,
                    source,
                    format!("line {line_no} is not JSON: {e}"),
                ));
                continue;
            }
        };
        let id = match value.get("id") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => fallback_id.clone(),
        };
        match value.get("text") {
            Some(serde_json::Value::String(t)) => out.push(RawInput {
                id,
                source: source.to_string(),
                content: RawContent::Text(t.clone()),
            }),
            _ => out.push(unreadable(
                &id,
                source,
                format!("line {line_no} has no string field \"text\""),
            )),
        }
    }
    out
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
        let cut = &gz[..gz.len() / 2];
        let recs = parse_jsonl(
            BufReader::new(MultiGzDecoder::new(cut)),
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
