//! Rights engine. First byte even: the embedded Civraisien catalogue with the rest of the
//! bytes as a situation (answers, members). First byte odd: the rest is split at the first
//! NUL byte into a catalogue and a situation. Then: compile, evaluate at a date derived from
//! the input (the vectorized batch path checked against the one-household path),
//! explanations, the next question, and answering it with fuzzed values.
#![no_main]

use chrono::{Days, NaiveDate};
use ctg_core::rights::{CompiledCatalogue, Session, Situation, Status};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn civraisien() -> &'static CompiledCatalogue {
    static CAT: OnceLock<CompiledCatalogue> = OnceLock::new();
    CAT.get_or_init(|| {
        CompiledCatalogue::from_json(ctg_core::civraisien::DROITS_JSON.as_bytes())
            .expect("the embedded catalogue compiles")
    })
}

fn run(catalogue: &CompiledCatalogue, answers: &[u8], seed: u32) {
    let Ok(situation) = Situation::from_json(catalogue, answers) else {
        return;
    };
    let Some(at) = NaiveDate::from_ymd_opt(2015, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(u64::from(seed % 7_000))))
    else {
        return;
    };
    let dated = catalogue.at(at);
    // The vectorized batch path agrees with the one-household path.
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
    // Answer a few questions with values taken from the input, then go back.
    let values = [
        serde_json::json!(seed),
        serde_json::json!(-(seed as i64)),
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

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let seed = rest.iter().fold(u32::from(mode), |h, b| {
        h.wrapping_mul(31).wrapping_add(u32::from(*b))
    });
    if mode % 2 == 0 {
        run(civraisien(), rest, seed);
    } else {
        let (cat, answers) = match rest.iter().position(|b| *b == 0) {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &b"{}"[..]),
        };
        if let Ok(catalogue) = CompiledCatalogue::from_json(cat) {
            run(&catalogue, answers, seed);
        }
    }
});
