//! `ctg evaluate` and `ctg import-measurements`, run in-process.

use serde_json::Value;
use std::path::{Path, PathBuf};

fn run(args: &[&str]) -> (i32, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut all = vec!["ctg"];
    all.extend_from_slice(args);
    let code = ctg_cli::run(all, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn civraisien() -> String {
    ctg_examples::repo_path("examples/civraisien/plan.json")
        .display()
        .to_string()
}

/// A fresh folder under `target/` holding a copy of the Civraisien plan.
fn scratch(name: &str) -> (PathBuf, PathBuf) {
    let dir = ctg_examples::repo_path("target/test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let plan = dir.join("plan.json");
    std::fs::copy(civraisien(), &plan).unwrap();
    (dir, plan)
}

fn write(path: &Path, text: &str) -> String {
    std::fs::write(path, text).unwrap();
    path.display().to_string()
}

/// The JSON of a plan with every indicator's measurements taken out.
fn without_measurements(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| k.as_str() != "measurements")
                .map(|(k, v)| (k.clone(), without_measurements(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_measurements).collect()),
        other => other.clone(),
    }
}

fn indicator<'v>(plan: &'v Value, id: &str) -> Option<&'v Value> {
    match plan {
        Value::Object(map) => {
            if map.get("id").and_then(Value::as_str) == Some(id) && map.contains_key("direction") {
                return Some(plan);
            }
            map.values().find_map(|v| indicator(v, id))
        }
        Value::Array(items) => items.iter().find_map(|v| indicator(v, id)),
        _ => None,
    }
}

#[test]
fn evaluate_writes_every_format() {
    let plan = civraisien();
    for (format, probe) in [
        ("md", "# Évaluation"),
        ("html", "<!DOCTYPE html>"),
        ("csv", "type,id,parent,niveau"),
        ("json", "\"evaluation\""),
    ] {
        let (code, out, err) = run(&["evaluate", &plan, "--at", "2021-12-31", "--format", format]);
        assert_eq!(code, 0, "{format}: {err}");
        assert!(out.contains(probe), "{format}");
    }
    let (code, out, _) = run(&[
        "evaluate",
        &plan,
        "--at",
        "2021-12-31",
        "--format",
        "json",
        "--since",
        "2020-12-31",
    ]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["evaluation"]["at"], "2021-12-31");
    assert_eq!(json["comparison"]["from"], "2020-12-31");
    // The embedded plan is the default.
    let (code, out, _) = run(&["evaluate", "--at", "2021-12-31"]);
    assert_eq!(code, 0);
    assert!(out.contains("Civraisien"));
}

#[test]
fn evaluate_rejects_a_bad_date() {
    let (code, _, err) = run(&["evaluate", &civraisien(), "--at", "31/12/2021"]);
    assert_eq!(code, 2);
    assert!(err.contains("AAAA-MM-JJ"));
}

#[test]
fn malformed_rows_are_reported_by_line_and_nothing_is_written() {
    let (dir, plan) = scratch("malformed");
    let before = std::fs::read(&plan).unwrap();
    let csv = write(
        &dir.join("bad.csv"),
        "indicator,date,value,source\n\
         ind-zones-blanches,2022-06-30,3,\n\
         inconnu,2022-06-30,3,\n\
         ind-zones-blanches,2022-02-30,3,\n\
         ind-zones-blanches,2022-07-30,beaucoup,\n\
         ind-zones-blanches,2022-08-30,4,source-inventee\n",
    );
    let plan_arg = plan.display().to_string();
    let (code, _, err) = run(&["import-measurements", &plan_arg, "--csv", &csv, "--write"]);
    assert_eq!(code, 1);
    for line in ["ligne 3 :", "ligne 4 :", "ligne 5 :", "ligne 6 :"] {
        assert!(err.contains(line), "{line} not reported in {err}");
    }
    assert!(!err.contains("ligne 2 :"));
    assert_eq!(
        std::fs::read(&plan).unwrap(),
        before,
        "the plan was changed"
    );
    assert!(!dir.join("plan.json.bak").exists());
}

#[test]
fn import_is_a_dry_run_by_default_and_idempotent() {
    let (dir, plan) = scratch("idempotent");
    let before_text = std::fs::read_to_string(&plan).unwrap();
    let plan_arg = plan.display().to_string();
    // A French spreadsheet: `;` separator, decimal comma, dd/mm/yyyy dates.
    let csv = write(
        &dir.join("mesures.csv"),
        "indicator;date;value;source;comment\n\
         ind-zones-blanches;30/06/2022;3,5;donnees-illustratives;relevé de juin\n\
         ind-zones-blanches;2022-12-31;3;;\n",
    );
    let (code, out, err) = run(&["import-measurements", &plan_arg, "--csv", &csv]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 mesure(s) à ajouter"));
    assert_eq!(
        std::fs::read_to_string(&plan).unwrap(),
        before_text,
        "dry run wrote"
    );

    let (code, _, err) = run(&["import-measurements", &plan_arg, "--csv", &csv, "--write"]);
    assert_eq!(code, 0, "{err}");
    let after_text = std::fs::read_to_string(&plan).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.join("plan.json.bak")).unwrap(),
        before_text
    );
    let before: Value = serde_json::from_str(&before_text).unwrap();
    let after: Value = serde_json::from_str(&after_text).unwrap();
    assert_eq!(
        without_measurements(&before),
        without_measurements(&after),
        "other fields changed"
    );
    let old = indicator(&before, "ind-zones-blanches").unwrap()["measurements"]
        .as_array()
        .unwrap()
        .clone();
    let new = indicator(&after, "ind-zones-blanches").unwrap()["measurements"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(new.len(), old.len() + 2);
    assert_eq!(&new[..old.len()], &old[..]);
    assert_eq!(new[old.len()]["value"], 3.5);
    assert_eq!(new[old.len()]["date"], "2022-06-30");
    assert_eq!(new[old.len()]["comment"], "relevé de juin");
    // Other indicators keep their measurements.
    assert_eq!(
        indicator(&before, "ind-lieux-ressources"),
        indicator(&after, "ind-lieux-ressources")
    );
    ctg_core::Plan::from_json(&after_text).expect("still a valid plan");

    // The second import changes nothing.
    let (code, out, _) = run(&["import-measurements", &plan_arg, "--csv", &csv, "--write"]);
    assert_eq!(code, 0);
    assert!(out.contains("0 mesure(s) à ajouter"));
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), after_text);
}

#[test]
fn a_different_value_for_the_same_date_is_a_conflict_unless_replace() {
    let (dir, plan) = scratch("conflict");
    let plan_arg = plan.display().to_string();
    let first = write(
        &dir.join("a.csv"),
        "indicator,date,value\nind-zones-blanches,2022-06-30,3\n",
    );
    assert_eq!(
        run(&["import-measurements", &plan_arg, "--csv", &first, "--write"]).0,
        0
    );
    let written = std::fs::read_to_string(&plan).unwrap();
    let second = write(
        &dir.join("b.csv"),
        "indicator,date,value\nind-zones-blanches,2022-06-30,4\n",
    );
    let (code, _, err) = run(&[
        "import-measurements",
        &plan_arg,
        "--csv",
        &second,
        "--write",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("ligne 2") && err.contains("--replace"));
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), written);
    let (code, out, err) = run(&[
        "import-measurements",
        &plan_arg,
        "--csv",
        &second,
        "--write",
        "--replace",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 à remplacer"));
    let after: Value = serde_json::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    let list = indicator(&after, "ind-zones-blanches").unwrap()["measurements"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(list.iter().filter(|m| m["date"] == "2022-06-30").count(), 1);
    assert!(list
        .iter()
        .any(|m| m["date"] == "2022-06-30" && m["value"] == 4));
}

#[test]
fn a_header_is_required() {
    let (dir, plan) = scratch("header");
    let csv = write(&dir.join("h.csv"), "ind-zones-blanches,2022-06-30,3\n");
    let (code, _, err) = run(&[
        "import-measurements",
        &plan.display().to_string(),
        "--csv",
        &csv,
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("ligne 1"));
}
