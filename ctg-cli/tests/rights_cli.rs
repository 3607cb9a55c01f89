//! `ctg rights check | ask | batch` on the toy fixture catalogue.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn toy() -> String {
    format!(
        "{}/../tests/fixtures/rights/toy.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("ctg-rights-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

fn run(args: &[&str]) -> (i32, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let mut all = vec!["ctg"];
    all.extend_from_slice(args);
    let code = ctg_cli::run(all, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn check_gives_results_explanations_and_the_next_question() {
    let toy = toy();
    let s = temp_file(
        "check.json",
        r#"{"answers": {"statut_logement": "locataire", "loyer": 630, "ressources_annuelles": 25000, "en_couple": true}}"#,
    );
    let (code, out, _) = run(&[
        "rights",
        "check",
        "--catalogue",
        &toy,
        "--situation",
        s.to_str().unwrap(),
        "--at",
        "2025-07-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let results = v["results"].as_array().unwrap();
    let aide = results
        .iter()
        .find(|r| r["benefit"] == "aide_loyer")
        .unwrap();
    assert_eq!(aide["status"], "eligible");
    let alloc = results
        .iter()
        .find(|r| r["benefit"] == "alloc_famille")
        .unwrap();
    assert_eq!(alloc["status"], "indetermine");
    assert!(!alloc["missing"].as_array().unwrap().is_empty());
    assert_eq!(v["next_question"]["question"], "nombre_adultes");
    let ex = v["explanations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["benefit"] == "aide_loyer")
        .unwrap();
    assert_eq!(ex["parameters"][0]["reference"], "illustratif, art. 2");

    let (code, out, _) = run(&[
        "rights",
        "check",
        "--catalogue",
        &toy,
        "--situation",
        s.to_str().unwrap(),
        "--at",
        "2025-07-01",
        "--benefit",
        "aide_loyer",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("Aide au loyer jouet : éligible"));
    assert!(out.contains("illustratif, art. 2"));

    let (code, out, _) = run(&[
        "rights",
        "check",
        "--catalogue",
        &toy,
        "--situation",
        s.to_str().unwrap(),
        "--at",
        "2025-07-01",
        "--brief",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("Aide au loyer jouet : éligible"));
    assert!(out.contains("Il reste à savoir"));
    assert!(!out.contains("illustratif, art. 2"), "no detail in --brief");

    // Invalid situation: exit 1 with the path; missing file: exit 2.
    let bad = temp_file("bad.json", r#"{"answers": {"loyer": "beaucoup"}}"#);
    let (code, _, err) = run(&[
        "rights",
        "check",
        "--catalogue",
        &toy,
        "--situation",
        bad.to_str().unwrap(),
        "--at",
        "2025-07-01",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("$.answers.loyer"), "{err}");
    let (code, _, _) = run(&[
        "rights",
        "check",
        "--catalogue",
        &toy,
        "--situation",
        "/nonexistent.json",
    ]);
    assert_eq!(code, 2);
}

#[test]
fn ask_completes_a_session_driven_by_a_script_on_standard_input() {
    // The questions come in the documented order; the script answers each, tries a wrong
    // answer, goes back once, and declines one question.
    let script = [
        "1",          // nombre_adultes
        "deux",       // nombre_enfants: not understood, asked again
        "2",          // nombre_enfants
        "retour",     // back to nombre_enfants
        "2",          // nombre_enfants again
        "10",         // age of enfant 1 (the adult's age decides nothing)
        "2015-04-01", // age of enfant 2, as a birth date
    ]
    .join("\n")
        + "\n";
    let mut child = Command::new(env!("CARGO_BIN_EXE_ctg"))
        .args(["rights", "ask", "--catalogue", &toy(), "--at", "2025-09-01"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Then answer everything else with a generic answer by type: "?" declines.
    let mut rest = String::new();
    for _ in 0..40 {
        rest.push_str("?\n");
    }
    child
        .stdin
        .take()
        .unwrap()
        .write_all((script + &rest).as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(out.contains("Combien d'adultes"));
    assert!(out.contains("Réponse non comprise"));
    assert!(out.contains("Retour à"));
    assert!(out.contains("Résultats au 01/09/2025"));
    assert!(
        out.contains("Allocation familiale jouet : éligible"),
        "{out}"
    );
    assert!(
        !out.contains("(fin de l'entrée)"),
        "the session ends by itself once nothing can be decided: {out}"
    );
}

#[test]
fn ask_saves_the_situation_it_built() {
    let save =
        std::env::temp_dir().join(format!("ctg-rights-cli-{}-saved.json", std::process::id()));
    let args = ctg_cli::rights_cmd::AskArgs {
        catalogue: ctg_cli::rights_cmd::CatalogueArgs {
            catalogue: Some(toy().into()),
            at: chrono::NaiveDate::from_ymd_opt(2025, 9, 1),
        },
        situation: None,
        save: Some(save.clone()),
    };
    // nombre_adultes, nombre_enfants, age, commune (priority 1), en_couple declined,
    // statut_logement by option number, date_arrivee declined, handicap.
    let mut input = std::io::Cursor::new("0\n1\n7\n86078\n?\n2\n?\noui\nfin\n");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(args.run(&mut input, &mut out, &mut err).unwrap(), 0);
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&save).unwrap()).unwrap();
    assert_eq!(saved["members"][0]["role"], "enfant");
    assert_eq!(saved["members"][0]["age"], 7);
    assert_eq!(saved["members"][0]["facts"]["handicap"], true);
}

#[test]
fn batch_writes_one_row_per_household_in_csv_and_jsonl() {
    let toy = toy();
    let csv = temp_file(
        "batch.csv",
        "id,statut_logement,loyer,ressources_annuelles,en_couple,adulte1_age,adulte1_revenu_mensuel,enfant1_age,enfant2_birth_date,enfant1_handicap\n\
         f1,locataire,500,15000,non,35,900,4,2012-01-01,oui\n\
         f2,proprietaire,,,,50,,,,\n\
         f3,locataire,abc,,,,,,,\n",
    );
    let (code, out, err) = run(&[
        "rights",
        "batch",
        "--catalogue",
        &toy,
        "--situations",
        csv.to_str().unwrap(),
        "--at",
        "2025-09-01",
        "--no-progress",
    ]);
    assert_eq!(code, 1, "row f3 is invalid: {err}");
    assert!(err.contains("ligne 3"), "{err}");
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[0][0], "f1");
    assert_eq!(&rows[0][col("alloc_famille")], "eligible");
    assert_eq!(&rows[0][col("aide_loyer")], "eligible");
    assert_eq!(&rows[0][col("aide_enfant_handicap")], "eligible");
    assert_eq!(&rows[0][col("prime_hiver")], "non_applicable");
    assert_eq!(&rows[1][col("alloc_famille")], "non_eligible");
    assert_eq!(&rows[1][col("aide_loyer")], "non_eligible");
    assert_eq!(&rows[2][col("aide_loyer")], "erreur");

    let jsonl = temp_file(
        "batch.jsonl",
        "{\"id\": \"a\", \"answers\": {\"nombre_adultes\": 1, \"nombre_enfants\": 0}}\n\n{\"answers\": {\"commune\": \"86078\", \"date_arrivee\": \"2025-05-01\"}}\n",
    );
    let (code, out, _) = run(&[
        "rights",
        "batch",
        "--catalogue",
        &toy,
        "--situations",
        jsonl.to_str().unwrap(),
        "--at",
        "2025-09-01",
        "--format",
        "jsonl",
    ]);
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["results"]["alloc_famille"], "non_eligible");
    assert_eq!(lines[1]["id"], "2");
    assert_eq!(lines[1]["results"]["accueil_nouveaux"], "eligible");

    // An unknown CSV column is a usage error.
    let bad = temp_file("bad.csv", "id,pointure\n1,42\n");
    let (code, _, err) = run(&[
        "rights",
        "batch",
        "--catalogue",
        &toy,
        "--situations",
        bad.to_str().unwrap(),
        "--at",
        "2025-09-01",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("pointure"));
}
