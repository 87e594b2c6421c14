//! Bad input yields an error record (or a clean empty result), never a
//! panic, and every input record yields exactly one output record.

use std::io::Write;
use taojin_core::{Config, RawContent, RawInput};
use taojin_pipeline::input::{read_records, stream_records, InputSpec};
use taojin_pipeline::Pipeline;

fn raw(id: &str, bytes: &[u8]) -> RawInput {
    RawInput {
        id: id.into(),
        source: id.into(),
        content: RawContent::Bytes(bytes.to_vec()),
    }
}

#[test]
fn bad_documents_become_error_records() {
    let p = Pipeline::new(Config::default());
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66";
    let cases: Vec<(RawInput, &str)> = vec![
        (raw("empty", b""), "empty"),
        (raw("spaces", b"  \n\t\n"), "empty"),
        (raw("png", png), "PNG"),
        (
            RawInput {
                id: "x".into(),
                source: "x".into(),
                content: RawContent::Unreadable("cannot read x".into()),
            },
            "cannot read",
        ),
    ];
    for (input, want) in cases {
        let id = input.id.clone();
        let d = p.process(input, None);
        let err = d.error.clone().unwrap_or_default();
        assert!(
            err.contains(want),
            "{id}: error {err:?} should mention {want}"
        );
        assert_eq!(d.id, id);
        assert!(d.text.is_empty() && d.tokens.is_empty());
    }
}

#[test]
fn invalid_utf8_and_truncated_gbk_still_produce_text() {
    let p = Pipeline::new(Config::default());
    let mut bytes = "远安县政协组织部分政协委员开展专题视察。"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"\xff\xfe\xfa");
    let d = p.process(raw("bad-utf8", &bytes), None);
    assert!(d.error.is_none(), "{:?}", d.error);
    assert!(d.text.contains("政协委员"));
    let (gbk, _, _) =
        encoding_rs::GBK.encode("远安县政协组织部分政协委员开展专题视察并进行现场协商。");
    let cut = &gbk[..gbk.len() - 1];
    let d = p.process(raw("cut-gbk", cut), None);
    assert!(d.error.is_none(), "{:?}", d.error);
    assert!(d.text.contains("政协委员"), "{}", d.text);
}

#[test]
fn a_directory_with_bad_files_yields_one_record_per_input() {
    let dir = std::env::temp_dir().join(format!("taojin-bad-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).expect("temp dir");
    std::fs::write(
        dir.join("a.txt"),
        "浙江在线讯，衢州市政协又走过了不平凡的一年。",
    )
    .expect("write");
    std::fs::write(dir.join("b.txt"), b"").expect("write");
    std::fs::write(dir.join("sub/c.bin"), b"\x89PNG\r\n\x1a\nxxxx").expect("write");
    let mut f = std::fs::File::create(dir.join("d.jsonl")).expect("write");
    writeln!(f, "{{\"id\":\"ok\",\"text\":\"正文第一段，内容完整。\"}}").expect("write");
    writeln!(f, "this is not json").expect("write");
    writeln!(f, "{{\"id\":\"notext\"}}").expect("write");
    drop(f);
    let long_line = "很长的一行没有换行符".repeat(100_000);
    std::fs::write(dir.join("e.txt"), long_line).expect("write");
    let p = Pipeline::new(Config::default());
    let docs = p.process_records(read_records(&[InputSpec::Path(dir.clone())]));
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, vec!["a", "b", "ok", "d.jsonl:2", "notext", "e", "c"]);
    let errors: Vec<bool> = docs.iter().map(|d| d.error.is_some()).collect();
    assert_eq!(errors, vec![false, true, false, true, true, false, true]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_path_is_an_error_record() {
    let recs = read_records(&[InputSpec::Path("/nonexistent/taojin/x.txt".into())]);
    assert_eq!(recs.len(), 1);
    assert!(
        matches!(&recs[0].input.content, RawContent::Unreadable(e) if e.contains("cannot read"))
    );
}

#[test]
fn jsonl_is_streamed_lazily() {
    let dir = std::env::temp_dir().join(format!("taojin-stream-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut f = std::fs::File::create(dir.join("big.jsonl")).expect("write");
    for i in 0..10_000 {
        writeln!(f, "{{\"id\":\"{i}\",\"text\":\"第{i}篇。\"}}").expect("write");
    }
    drop(f);
    let mut stream = stream_records(&[InputSpec::Path(dir.join("big.jsonl"))]);
    let first = stream.next().expect("a record");
    assert_eq!(first.input.id, "0");
    assert_eq!(stream.count(), 9_999);
    let _ = std::fs::remove_dir_all(&dir);
}
