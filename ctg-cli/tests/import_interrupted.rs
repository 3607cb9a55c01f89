//! Nothing lost: `ctg import-measurements --write` interrupted at any moment — killed while
//! it writes the backup, killed while it writes the new plan, refused by the file system,
//! killed at random instants — leaves the plan either byte-identical to what it was, or
//! complete with the new measurements; never a truncated or mixed file.
//!
//! The interruptions are real: the file-size limit of the process (`ulimit -f`, the kernel
//! sends SIGXFSZ, or fails the write with EFBIG when the signal is ignored) and SIGKILL.

#![cfg(unix)]

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SIGKILL: i32 = 9;
const SIGXFSZ: i32 = 25;

fn civraisien() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/civraisien/plan.json"
    ))
    .unwrap()
}

/// A fresh folder under `target/` with the Civraisien plan and a CSV of `rows` new
/// measurements (the new plan is then larger than the old one by about 110 bytes a row).
fn scratch(name: &str, rows: usize) -> (PathBuf, PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("import-interrupted")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let plan = dir.join("plan.json");
    std::fs::write(&plan, civraisien()).unwrap();
    let mut csv = String::from("indicator;date;value;source\n");
    let start = chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap();
    for i in 0..rows {
        let date = start + chrono::Days::new(i as u64);
        csv.push_str(&format!(
            "ind-zones-blanches;{date};{};donnees-illustratives\n",
            i % 7
        ));
    }
    let csv_path = dir.join("mesures.csv");
    std::fs::write(&csv_path, csv).unwrap();
    (dir, plan, csv_path)
}

/// `ctg import-measurements PLAN --csv CSV --write` under bash, after `setup` (e.g. a
/// `ulimit`).
fn import(setup: &str, plan: &Path, csv: &Path) -> Command {
    let mut command = Command::new("bash");
    command
        .arg("-c")
        .arg(format!("{setup}\nexec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_ctg"))
        .args(["import-measurements"])
        .arg(plan)
        .arg("--csv")
        .arg(csv)
        .arg("--write")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    names.sort();
    names
}

/// `ulimit -f` counts blocks of 1024 bytes in bash.
fn kib_above(bytes: usize) -> usize {
    bytes / 1024 + 1
}

#[test]
fn killed_while_writing_the_backup_leaves_the_plan_intact() {
    let original = civraisien();
    let (_dir, plan, csv) = scratch("backup", 100);
    // Smaller than the old plan: the kernel stops the process while it saves plan.json.bak.
    let limit = original.len() / 2048;
    let output: Output = import(&format!("ulimit -f {limit}"), &plan, &csv)
        .output()
        .unwrap();
    assert_eq!(output.status.signal(), Some(SIGXFSZ), "{output:?}");
    assert_eq!(std::fs::read(&plan).unwrap(), original);
}

#[test]
fn killed_while_writing_the_new_plan_leaves_the_plan_intact_and_the_backup_complete() {
    let original = civraisien();
    let (dir, plan, csv) = scratch("temp", 100);
    // Room for the backup (the old size), not for the new plan (≈ 11 KB larger).
    let limit = kib_above(original.len());
    let output = import(&format!("ulimit -f {limit}"), &plan, &csv)
        .output()
        .unwrap();
    assert_eq!(output.status.signal(), Some(SIGXFSZ), "{output:?}");
    assert_eq!(std::fs::read(&plan).unwrap(), original);
    assert_eq!(std::fs::read(dir.join("plan.json.bak")).unwrap(), original);
}

#[test]
fn a_failed_write_is_reported_and_leaves_nothing_behind() {
    let original = civraisien();
    let (dir, plan, csv) = scratch("efbig", 100);
    let limit = kib_above(original.len());
    // SIGXFSZ ignored: the write fails with EFBIG instead, and ctg reports it.
    let output = import(&format!("trap '' XFSZ\nulimit -f {limit}"), &plan, &csv)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("impossible d'écrire"), "{stderr}");
    assert!(stderr.contains("n'a pas été modifié"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(std::fs::read(&plan).unwrap(), original);
    assert_eq!(leftovers(&dir), Vec::<String>::new(), "temporary file left");
}

#[test]
fn killed_at_any_instant_the_plan_is_old_or_new_never_partial() {
    let original = civraisien();
    let rows = 2000;
    // The expected result, from an import that runs to its end.
    let (_dir, plan, csv) = scratch("reference", rows);
    let started = std::time::Instant::now();
    let output = import("", &plan, &csv).output().unwrap();
    let duration = started.elapsed();
    assert!(output.status.success(), "{output:?}");
    let complete = std::fs::read(&plan).unwrap();
    assert_ne!(complete, original);

    let (mut killed, mut finished) = (0, 0);
    for attempt in 0..40u64 {
        let (dir, plan, csv) = scratch(&format!("kill-{attempt}"), rows);
        let mut child = import("", &plan, &csv)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Instants spread over the whole run, and a little beyond.
        std::thread::sleep(duration * attempt as u32 / 32);
        let _ = child.kill();
        let status = child.wait().unwrap();
        match status.signal() {
            Some(SIGKILL) => killed += 1,
            _ => finished += 1,
        }
        let now = std::fs::read(&plan).unwrap();
        assert!(
            now == original || now == complete,
            "attempt {attempt}: plan.json is neither the old nor the new plan ({} bytes)",
            now.len()
        );
        if let Ok(backup) = std::fs::read(dir.join("plan.json.bak")) {
            // The backup is written atomically too: absent, or the whole old plan.
            assert!(backup == original, "attempt {attempt}: partial backup");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    eprintln!("{killed} imports killed, {finished} finished");
    assert!(
        killed > 0,
        "no import was interrupted ({finished} finished)"
    );
}
