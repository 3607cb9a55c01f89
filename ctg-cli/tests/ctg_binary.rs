//! The `ctg` binary as a process: exit codes, and no panic on hostile input.

use std::path::PathBuf;
use std::process::Command;

fn ctg(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ctg"))
        .args(args)
        .output()
        .expect("ctg runs")
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("ctg-binary-test-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn valid_plan_exits_0_and_invalid_input_exits_1_without_panic() {
    let output = ctg(&["validate"]);
    assert_eq!(output.status.code(), Some(0));
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let inputs: [(&str, &[u8]); 3] = [
        (
            "latin1.json",
            b"{\"format\": \"ctg-plan/1\", \"title\": \"cr\xe8che\"}",
        ),
        ("deep.json", deep.as_bytes()),
        ("empty.json", b""),
    ];
    for (name, bytes) in inputs {
        let path = temp_file(name, bytes);
        for command in ["validate", "show"] {
            let output = ctg(&[command, path.to_str().unwrap()]);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(1), "{command} {name}: {stderr}");
            assert!(!stderr.contains("panicked"), "{stderr}");
        }
        std::fs::remove_file(path).unwrap();
    }
}

#[test]
fn usage_error_exits_2() {
    assert_eq!(ctg(&["--nope"]).status.code(), Some(2));
}

/// A file over the 64 MiB limit is refused from its size, before it is read (the file is
/// sparse: it takes no room on disk, and reading it whole would take 70 MB of memory).
#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let path = temp_file("huge.json", b"");
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(70 * 1024 * 1024)
        .unwrap();
    let p = path.to_str().unwrap();
    let commands: [&[&str]; 5] = [
        &["validate", p],
        &["evaluate", p, "--at", "2021-12-31"],
        &[
            "import-measurements",
            "examples/civraisien/plan.json",
            "--csv",
            p,
        ],
        &["rights", "check", "--catalogue", p, "--situation", p],
        &["rights", "conformance", p],
    ];
    for args in commands {
        let output = Command::new(env!("CARGO_BIN_EXE_ctg"))
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("73\u{202f}400\u{202f}320 octets"),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("docs/limits.md"), "{args:?}: {stderr}");
    }
    std::fs::remove_file(path).unwrap();
}

/// `ctg rights batch` reads households line by line and refuses a line over 1 MiB instead of
/// buffering it: the rows before it are written, then exit 2.
#[test]
fn a_batch_line_over_the_limit_stops_the_batch_with_a_clear_error() {
    let mut text = b"{\"answers\": {}}\n".to_vec();
    text.extend(std::iter::repeat_n(b' ', 2 * 1024 * 1024));
    text.extend(b"{\"answers\": {}}\n");
    let path = temp_file("long-line.jsonl", &text);
    let output = ctg(&[
        "rights",
        "batch",
        "--situations",
        path.to_str().unwrap(),
        "--at",
        "2025-09-01",
        "--no-progress",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("la ligne 2 dépasse"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        stdout.lines().count(),
        2,
        "header and the first household: {stdout}"
    );
    std::fs::remove_file(path).unwrap();
}
