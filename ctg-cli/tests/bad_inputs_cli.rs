//! The bad-input catalogue of issue 6 (`tests/fixtures/bad-inputs/`, see its `expected.json`
//! files) through the real `ctg` binary: every file ends with exit code 1 or 2 — never 101
//! (a panic) nor a signal —, no panic trace, and a message that names the expected JSON path
//! (for CSV: the line).
//!
//! Plans: `ctg validate FILE`; catalogues: `ctg rights check --catalogue FILE`; situations:
//! `ctg rights check --catalogue tests/fixtures/rights/toy.json --situation FILE`; CSV:
//! `ctg import-measurements examples/civraisien/plan.json --csv FILE` (dry run).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn expected(folder: &str) -> Vec<(PathBuf, Value)> {
    let dir = root().join("tests/fixtures/bad-inputs").join(folder);
    let text = std::fs::read(dir.join("expected.json")).unwrap();
    let expected: Value = serde_json::from_slice(&text).unwrap();
    let mut out: Vec<(PathBuf, Value)> = expected["expected"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(file, e)| (dir.join(file), e.clone()))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(!out.is_empty());
    out
}

/// Runs `ctg`, checks the exit code and the absence of a panic; returns stdout + stderr.
fn run(args: &[&str], what: &Path) -> Result<String, String> {
    let output = Command::new(env!("CARGO_BIN_EXE_ctg"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("ctg runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    match output.status.code() {
        Some(1 | 2) if !text.contains("panicked") && !text.contains("RUST_BACKTRACE") => Ok(text),
        code => Err(format!(
            "{}: exit {code:?} (1 or 2 expected, no panic):\n{text}",
            what.display()
        )),
    }
}

fn check_all(
    folder: &str,
    args: impl Fn(&str) -> Vec<String>,
    needle: impl Fn(&Value) -> Vec<String>,
) {
    let mut failures = Vec::new();
    for (file, e) in expected(folder) {
        let path = file.to_str().unwrap().to_owned();
        let args = args(&path);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        match run(&args, &file) {
            Ok(text) => {
                for n in needle(&e) {
                    if !text.contains(&n) {
                        failures.push(format!("{path}: the message lacks « {n} »:\n{text}"));
                    }
                }
            }
            Err(message) => failures.push(message),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn path_of(e: &Value) -> Vec<String> {
    vec![e["path"].as_str().unwrap().to_owned()]
}

#[test]
fn bad_plans_exit_1_with_their_path() {
    check_all("plans", |f| vec!["validate".into(), f.into()], path_of);
}

#[test]
fn bad_catalogues_exit_1_with_their_path() {
    let situation = std::env::temp_dir().join(format!(
        "ctg-bad-inputs-{}-empty-situation.json",
        std::process::id()
    ));
    std::fs::write(&situation, "{}").unwrap();
    let s = situation.to_str().unwrap().to_owned();
    check_all(
        "catalogues",
        |f| {
            [
                "rights",
                "check",
                "--catalogue",
                f,
                "--situation",
                &s,
                "--at",
                "2025-09-01",
            ]
            .map(String::from)
            .to_vec()
        },
        path_of,
    );
    let _ = std::fs::remove_file(situation);
}

#[test]
fn bad_situations_exit_1_with_their_path() {
    check_all(
        "situations",
        |f| {
            [
                "rights",
                "check",
                "--catalogue",
                "tests/fixtures/rights/toy.json",
                "--situation",
                f,
                "--at",
                "2025-09-01",
            ]
            .map(String::from)
            .to_vec()
        },
        path_of,
    );
}

#[test]
fn bad_csv_files_exit_1_with_their_line() {
    check_all(
        "csv",
        |f| {
            [
                "import-measurements",
                "examples/civraisien/plan.json",
                "--csv",
                f,
            ]
            .map(String::from)
            .to_vec()
        },
        |e| {
            vec![
                e["path"].as_str().unwrap().to_owned(),
                e["message_contains"].as_str().unwrap().to_owned(),
            ]
        },
    );
}
