//! Replays every input that once crashed a fuzz target (`fuzz/`, see FUZZING.md), saved under
//! `tests/fixtures/regressions/<target>/`, through the same calls as the target: each must
//! now give a result or an error, never a panic.

use chrono::{Days, NaiveDate};
use ctg_core::evaluation::{evaluate, report};
use ctg_core::rights::{CompiledCatalogue, Session, Situation, Status};
use ctg_core::Plan;
use std::path::PathBuf;

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_none_or(|e| e != "md"));
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("readable regression input");
            (p, bytes)
        })
        .collect()
}

fn seed(data: &[u8], start: u32) -> u32 {
    data.iter()
        .fold(start, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(*b)))
}

/// Same calls as `fuzz/fuzz_targets/plan.rs`.
fn plan_target(data: &[u8]) {
    let Ok(plan) = Plan::from_slice(data) else {
        return;
    };
    let days = seed(data, 0) % 20_000;
    let Some(at) = NaiveDate::from_ymd_opt(2000, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(u64::from(days))))
    else {
        return;
    };
    let evaluation = evaluate(&plan, at);
    let _ = report::json(&evaluation, None);
    let _ = report::csv(&evaluation);
    let _ = report::markdown(&evaluation, None);
    let _ = report::html(&evaluation, None);
    let _ = plan.to_json();
}

fn rights_run(catalogue: &CompiledCatalogue, answers: &[u8], seed: u32) {
    let Ok(situation) = Situation::from_json(catalogue, answers) else {
        return;
    };
    let Some(at) = NaiveDate::from_ymd_opt(2015, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(u64::from(seed % 7_000))))
    else {
        return;
    };
    let dated = catalogue.at(at);
    let n = catalogue.catalogue().benefits.len();
    let mut one = vec![Status::Undetermined; n];
    dated.statuses(&situation, &mut dated.scratch(), &mut one);
    let mut batch = vec![Status::Undetermined; n];
    let mut scratch = dated.batch_scratch();
    dated.statuses_batch(std::slice::from_ref(&situation), &mut scratch, &mut batch);
    assert_eq!(one, batch, "statuses_batch differs from statuses");
    let _ = dated.evaluate(&situation);
    let _ = dated.explain_all(&situation);
    let _ = dated.ranked_questions(&situation, &[]);
    let mut session = Session::with_situation(dated, situation);
    let values = [
        serde_json::json!(seed),
        serde_json::json!(-i64::from(seed)),
        serde_json::json!(true),
        serde_json::json!("oui"),
        serde_json::json!(1e308),
        serde_json::Value::Null,
    ];
    for step in 0..4 {
        let Some(q) = session.next_question() else {
            break;
        };
        let _ = session.dated().question_text(session.situation(), &q);
        let value = &values[(seed as usize + step) % values.len()];
        if session.answer(&q, value).is_err() {
            session.decline(&q);
        }
        let _ = session.results();
    }
    let _ = session.back();
    let _ = session.results();
}

/// Same calls as `fuzz/fuzz_targets/rights.rs`.
fn rights_target(data: &[u8], civraisien: &CompiledCatalogue) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let seed = seed(rest, u32::from(mode));
    if mode % 2 == 0 {
        rights_run(civraisien, rest, seed);
    } else {
        let (cat, answers) = match rest.iter().position(|b| *b == 0) {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &b"{}"[..]),
        };
        if let Ok(catalogue) = CompiledCatalogue::from_json(cat) {
            rights_run(&catalogue, answers, seed);
        }
    }
}

#[test]
fn plan_regressions_do_not_panic() {
    for (path, data) in inputs("plan") {
        eprintln!("{}", path.display());
        plan_target(&data);
    }
}

#[test]
fn rights_regressions_do_not_panic() {
    let civraisien =
        CompiledCatalogue::from_json(ctg_core::civraisien::DROITS_JSON.as_bytes()).unwrap();
    for (path, data) in inputs("rights") {
        eprintln!("{}", path.display());
        rights_target(&data, &civraisien);
    }
}

#[test]
fn measurements_csv_regressions_do_not_panic() {
    let plan = ctg_core::civraisien::plan();
    for (path, data) in inputs("measurements_csv") {
        eprintln!("{}", path.display());
        if let Ok(text) = std::str::from_utf8(&data) {
            let _ = ctg_cli::evaluate_cmd::check_measurements_csv(&plan, text);
        }
    }
}
