//! The CLI contract, end to end through the real binary.

use std::io::Write;
use std::process::{Command, Stdio};

fn taojin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_taojin"))
}

fn run_with_stdin(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = taojin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn records(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn process_jsonl_from_stdin_in_order_with_all_fields() {
    let input = concat!(
        "{\"id\":\"a\",\"text\":\"首页 > 新闻\\n远安县政协组织部分政协委员、相关单位负责人开展专题视察并进行现场协商。委员们提出了很多建议。\"}\n",
        "not json\n",
        "{\"text\":\"協(xié)商議政,共謀發展。政協委員圍繞民生議題建言獻策,推動項目落地。\"}\n",
    );
    let (code, out, err) = run_with_stdin(
        &[
            "process",
            "-",
            "--summary-sentences",
            "1",
            "--keywords",
            "3",
        ],
        input,
    );
    assert_eq!(code, 0, "{err}");
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["id"], "a");
    assert_eq!(recs[1]["id"], "stdin:2");
    assert!(recs[1]["error"]
        .as_str()
        .is_some_and(|e| e.contains("not JSON")));
    assert_eq!(recs[2]["id"], "stdin:3");
    for field in [
        "id", "source", "encoding", "title", "text", "tokens", "keywords", "summary", "removed",
        "repairs", "signals",
    ] {
        assert!(recs[0].get(field).is_some(), "missing {field}");
    }
    assert!(recs[0].get("error").is_none());
    assert_eq!(recs[0]["summary"].as_array().map(Vec::len), Some(1));
    assert!(recs[0]["keywords"]
        .as_array()
        .is_some_and(|k| !k.is_empty() && k.len() <= 3));
    assert_eq!(recs[0]["removed"][0]["reason"], "navigation");
    assert_eq!(
        recs[2]["text"],
        "協商議政，共謀發展。政協委員圍繞民生議題建言獻策，推動項目落地。"
    );
}

#[test]
fn to_simplified_converts_the_output() {
    let input = "{\"id\":\"t\",\"text\":\"縣政協委員圍繞民生議題建言獻策，推動項目落地見效。\"}\n";
    let (code, out, _) = run_with_stdin(&["process", "--to-simplified"], input);
    assert_eq!(code, 0);
    let recs = records(&out);
    assert_eq!(
        recs[0]["text"],
        "县政协委员围绕民生议题建言献策，推动项目落地见效。"
    );
    assert!(recs[0]["repairs"]["to_simplified"]
        .as_u64()
        .is_some_and(|n| n > 0));
}

#[test]
fn files_and_output_file() {
    let dir = std::env::temp_dir().join(format!("taojin-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (gbk, _, _) = encoding_rs::GBK
        .encode("远安县政协组织部分政协委员开展专题视察并进行现场协商，委员们提出了很多建议。");
    std::fs::write(dir.join("b.txt"), &gbk).expect("write");
    std::fs::write(dir.join("a.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    let out_path = dir.join("out.jsonl");
    let status = taojin()
        .args([
            "process",
            dir.to_str().expect("utf-8 path"),
            "-o",
            out_path.to_str().expect("utf-8 path"),
        ])
        .status()
        .expect("runs");
    assert!(status.success());
    let recs = records(&std::fs::read_to_string(&out_path).expect("output written"));
    let ids: Vec<&str> = recs.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, vec!["a", "b"]);
    assert!(recs[0]["error"].as_str().is_some_and(|e| e.contains("PNG")));
    assert_eq!(recs[1]["encoding"], "GBK");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unwritable_output_and_bad_arguments_fail_with_one_line() {
    let out = taojin()
        .args(["process", "-", "-o", "/nonexistent-dir/x/out.jsonl"])
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("cannot write"));
    let out = taojin()
        .args(["process", "--keywords", "many"])
        .output()
        .expect("runs");
    assert_ne!(out.status.code(), Some(0));
}

#[test]
fn segment_writes_one_line_per_line() {
    let (code, out, _) = run_with_stdin(
        &["segment"],
        "今天天气很好，我们去公园。\n\n縣政協委員2024年投入3.08億元\n",
    );
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].contains("天气") && lines[0].contains("公园"));
    assert_eq!(lines[1], "");
    assert!(
        lines[2].starts_with("縣政協 委員") || lines[2].starts_with("縣 政協 委員"),
        "{}",
        lines[2]
    );
    assert!(lines[2].contains("3.08"), "{}", lines[2]);
}

#[test]
fn explain_marks_removals() {
    let input = "{\"id\":\"e\",\"text\":\"首页 > 新闻\\n远安县政协组织部分政协委员、相关单位负责人开展专题视察并进行现场协商。\\n责任编辑：王小明\"}\n";
    let (code, out, _) = run_with_stdin(&["process", "--explain"], input);
    assert_eq!(code, 0);
    assert!(out.contains("[navigation] 首页 > 新闻"), "{out}");
    assert!(out.contains("[byline] 责任编辑：王小明"), "{out}");
    assert!(out.contains("editor: 王小明"), "{out}");
}
