//! `ctg validate`, `ctg show` and `ctg schema`, run in-process through `ctg_cli::run`.

use ctg_examples::fixture;

struct Run {
    code: i32,
    out: String,
    err: String,
}

fn ctg(args: &[&str]) -> Run {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut argv = vec!["ctg"];
    argv.extend_from_slice(args);
    let code = ctg_cli::run(argv, &mut out, &mut err);
    Run {
        code,
        out: String::from_utf8(out).unwrap(),
        err: String::from_utf8(err).unwrap(),
    }
}

fn path(relative: &str) -> String {
    fixture(relative).display().to_string()
}

#[test]
fn validate_accepts_valid_plans_and_the_embedded_one() {
    assert_eq!(ctg(&["validate"]).code, 0);
    let civraisien = ctg_examples::repo_path("examples/civraisien/plan.json");
    assert_eq!(
        ctg(&["validate", &civraisien.display().to_string()]).code,
        0
    );
    let run = ctg(&["validate", &path("plans/valid/full.json")]);
    assert_eq!((run.code, run.err.as_str()), (0, ""));
}

#[test]
fn validate_prints_every_error_path_and_exits_1() {
    let expected: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("plans/invalid/expected.json")).unwrap())
            .unwrap();
    for (file, errors) in expected["cases"].as_object().unwrap() {
        let run = ctg(&["validate", &path(&format!("plans/invalid/{file}"))]);
        assert_eq!(run.code, 1, "{file}");
        for error in errors.as_array().unwrap() {
            let line_start = format!("{} : ", error["path"].as_str().unwrap());
            assert!(
                run.err.lines().any(|l| l.starts_with(&line_start)),
                "{file}: {}",
                run.err
            );
        }
        let summary = format!("plan invalide, {} erreur", errors.as_array().unwrap().len());
        assert!(run.err.contains(&summary), "{file}: {}", run.err);
    }
    let syntax = ctg(&[
        "validate",
        &path("plans/invalid/syntax_trailing_comma.json"),
    ]);
    assert!(
        syntax.err.contains("(ligne 240, colonne 21)"),
        "{}",
        syntax.err
    );
}

#[test]
fn validate_json_output_lists_the_errors() {
    let run = ctg(&[
        "validate",
        "--format",
        "json",
        &path("plans/invalid/many_mistakes.json"),
    ]);
    assert_eq!(run.code, 1);
    let report: serde_json::Value = serde_json::from_str(&run.out).unwrap();
    assert_eq!(report["valid"], false);
    assert_eq!(report["errors"].as_array().unwrap().len(), 8);
    assert_eq!(report["errors"][0]["kind"], "duplicate_id");
    let valid = ctg(&["validate", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&valid.out).unwrap();
    assert_eq!(
        (valid.code, &report["valid"]),
        (0, &serde_json::json!(true))
    );
}

#[test]
fn show_prints_the_tree_and_the_counts() {
    let run = ctg(&["show"]);
    assert_eq!(run.code, 0);
    assert!(run
        .out
        .contains("5 axes, 13 objectifs stratégiques, 86 objectifs spécifiques, 0 fiches actions"));
    assert!(run
        .out
        .lines()
        .any(|l| l.trim_start().starts_with("5.3.5 ")));
    let full = ctg(&["show", &path("plans/valid/full.json")]);
    assert!(full
        .out
        .contains("1.1.1.1 Crèche multi-accueil de Gençay [engagée]"));
    assert!(full.out.contains("(échéance 2020-12-31)"));
    let shallow = ctg(&["show", "--depth", "1"]);
    assert!(!shallow
        .out
        .lines()
        .any(|l| l.trim_start().starts_with("1.1 ")));
    assert!(shallow.out.contains("86 objectifs spécifiques"));
}

#[test]
fn show_refuses_an_invalid_plan() {
    let run = ctg(&["show", &path("plans/invalid/dangling_action_lead.json")]);
    assert_eq!(run.code, 1);
    assert!(run.err.contains(".lead : "));
}

#[test]
fn schema_prints_the_committed_schema() {
    let run = ctg(&["schema"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.out, ctg_core::validation::plan_schema_json());
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    assert_eq!(ctg(&[]).code, 2);
    assert_eq!(ctg(&["valider"]).code, 2);
    assert_eq!(ctg(&["show", "--depth", "9"]).code, 2);
    let missing = ctg(&["validate", "/nonexistent/plan.json"]);
    assert_eq!(missing.code, 2);
    assert!(missing.err.contains("fichier introuvable"));
    let help = ctg(&["--help"]);
    assert_eq!(help.code, 0);
    for command in ["validate", "show", "schema"] {
        assert!(help.out.contains(command), "{}", help.out);
    }
    assert!(ctg(&["validate", "--help"]).out.contains("--format"));
}
