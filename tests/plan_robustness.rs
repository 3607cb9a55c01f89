//! Hostile inputs give an error or a result, never a crash: 10,000 levels of nesting, a
//! 50 MB plan, bytes that are not UTF-8 or not JSON.

use ctg_core::{ErrorKind, Plan};
use proptest::prelude::*;

const HEADER: &str = r#""format": "ctg-plan/1", "id": "p", "title": "T", "territory": {},
  "period": { "start": "2019-01-01", "end": "2022-12-31" }"#;

fn nested(depth: usize, open: &str, close: &str) -> String {
    format!("{}{}", open.repeat(depth), close.repeat(depth))
}

#[test]
fn ten_thousand_levels_of_nesting_give_an_error() {
    let depth = 10_000;
    let arrays = nested(depth, "[", "]");
    let objects = nested(depth, r#"{"a":"#, "}");
    let documents = [
        arrays.clone(),
        objects.clone(),
        format!("{{{HEADER}, \"notes\": {arrays}}}"),
        format!("{{{HEADER}, \"summary\": {objects}}}"),
        format!("{{{HEADER}, \"unknown\": {arrays}}}"),
        format!("{{\"format\": \"ctg-plan/2\", \"x\": {arrays}}}"),
        nested(depth, "[", ""),
    ];
    for document in documents {
        let errors = Plan::from_json(&document).expect_err("a nested document is not a plan");
        assert_eq!(errors.errors().len(), 1);
    }
    let deep_value = ctg_core::validation::from_json_slice::<serde_json::Value>(arrays.as_bytes());
    assert_eq!(
        deep_value.unwrap_err().errors()[0].kind,
        ErrorKind::LimitExceeded
    );
}

/// A valid plan of about `target` bytes: many axes, objectives and actions.
fn big_plan(target: usize) -> String {
    let mut text = format!(
        "{{{HEADER}, \"partners\": [{{\"id\": \"caf\", \"name\": \"CAF\", \"kind\": \"caf\"}}],\n\"axes\": ["
    );
    let mut a = 0;
    while text.len() < target {
        if a > 0 {
            text.push(',');
        }
        text.push_str(&format!(
            "{{\"id\": \"a{a}\", \"title\": \"Axe {a}\", \"strategic_objectives\": ["
        ));
        for s in 0..10 {
            let sep = if s > 0 { "," } else { "" };
            text.push_str(&format!("{sep}{{\"id\": \"a{a}-s{s}\", \"title\": \"Objectif stratégique {s}\", \"specific_objectives\": ["));
            for o in 0..10 {
                let sep = if o > 0 { "," } else { "" };
                text.push_str(&format!(
                    "{sep}{{\"id\": \"a{a}-s{s}-o{o}\", \"title\": \"Ouvrir une crèche {o}\", \
                     \"due\": {{\"date\": \"2021-06-30\"}}, \"actions\": [{{\"id\": \"a{a}-s{s}-o{o}-x\", \
                     \"title\": \"Action\", \"lead\": \"caf\", \"themes\": [\"petite_enfance\"], \
                     \"budget\": [{{\"year\": 2020, \"amount\": 1000.5, \"funder\": \"caf\"}}]}}]}}"
                ));
            }
            text.push_str("]}");
        }
        text.push_str("]}");
        a += 1;
    }
    text.push_str("]}\n");
    text
}

#[test]
fn a_fifty_megabyte_plan_is_read() {
    let text = big_plan(50 * 1024 * 1024);
    assert!(text.len() >= 50 * 1024 * 1024);
    let plan = Plan::from_json(&text).expect("the big plan is valid");
    let specific: usize = plan
        .axes
        .iter()
        .flat_map(|a| &a.strategic_objectives)
        .map(|s| s.specific_objectives.len())
        .sum();
    assert_eq!(specific, plan.axes.len() * 100);
}

#[test]
fn a_mistake_at_the_end_of_a_big_plan_is_found() {
    let text = big_plan(5 * 1024 * 1024);
    let lead = "\"lead\": \"caf\"";
    let at = text.rfind(lead).unwrap();
    let broken = format!(
        "{}\"lead\": \"msa\"{}",
        &text[..at],
        &text[at + lead.len()..]
    );
    let errors = Plan::from_json(&broken).unwrap_err();
    assert_eq!(errors.errors().len(), 1);
    assert_eq!(errors.errors()[0].kind, ErrorKind::DanglingReference);
    let truncated = &text.as_bytes()[..text.len() - 3];
    assert_eq!(
        Plan::from_slice(truncated).unwrap_err().errors()[0].kind,
        ErrorKind::Syntax
    );
}

#[test]
fn bytes_that_are_not_utf8_give_a_syntax_error_with_position() {
    let text = format!("{{{HEADER}, \"notes\": [\"café\"]}}").into_bytes();
    let mut latin1 = text.clone();
    let at = latin1.iter().position(|&b| b == 0xC3).unwrap();
    latin1.splice(at..at + 2, [0xE9]);
    let error = &Plan::from_slice(&latin1).unwrap_err().0[0];
    assert_eq!(error.kind, ErrorKind::Syntax);
    assert_eq!(error.line, Some(2));
    for bytes in [&[0xFF, 0xFE, 0x7B][..], &[0x80][..], b"", b"\xEF\xBB\xBF"] {
        assert!(Plan::from_slice(bytes).is_err());
    }
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let text = format!("\u{FEFF}{{{HEADER}}}");
    assert!(Plan::from_json(&text).is_ok());
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = Plan::from_slice(&bytes);
    }

    #[test]
    fn mangled_plans_never_panic(cut in 0usize..2000, byte in any::<u8>()) {
        let mut bytes = std::fs::read(ctg_examples::fixture("plans/valid/full.json")).unwrap();
        let at = cut % bytes.len();
        bytes[at] = byte;
        let _ = Plan::from_slice(&bytes);
        let _ = Plan::from_slice(&bytes[..at]);
    }
}
