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
