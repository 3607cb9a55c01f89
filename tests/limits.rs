//! The documented limits (`docs/limits.md`, `ctg_core::limits`): deep nesting never overflows
//! the stack, and every limit is reported as `limit_exceeded` with a path.

use ctg_core::limits::Limits;
use ctg_core::rights::{CompiledCatalogue, Situation};
use ctg_core::{ErrorKind, Plan, ValidationError};

const TOY: &str = include_str!("fixtures/rights/toy.json");
/// The condition of the first benefit of the toy catalogue, as written.
const FIRST_CONDITION: &str = r#"{">=": [{"derived": "nombre_enfants_a_charge"}, 2], "label": "au moins deux enfants à charge"}"#;

fn toy() -> CompiledCatalogue {
    assert!(TOY.contains(FIRST_CONDITION));
    CompiledCatalogue::from_json(TOY.as_bytes()).unwrap()
}

/// `open` repeated `n` times, then `close` repeated `n` times.
fn nested(n: usize, open: &str, close: &str) -> String {
    format!("{}{}", open.repeat(n), close.repeat(n))
}

fn single(errors: Vec<ValidationError>) -> ValidationError {
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn deeply_nested_plans_are_refused_without_overflow() {
    for n in [10_000, 100_000] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let text = nested(n, open, close);
            let e = single(Plan::from_json(&text).unwrap_err().0);
            assert!(
                matches!(e.kind, ErrorKind::LimitExceeded | ErrorKind::Structure),
                "{e:?}"
            );
            // Inside a field of the plan.
            let text = format!(
                r#"{{"format": "ctg-plan/1", "id": "p", "title": "t", "territory": {{}},
                "period": {{"start": "2019-01-01", "end": "2022-12-31"}}, "notes": {}}}"#,
                nested(n, open, close)
            );
            let e = single(Plan::from_json(&text).unwrap_err().0);
            assert!(
                matches!(e.kind, ErrorKind::LimitExceeded | ErrorKind::Structure),
                "{e:?}"
            );
        }
    }
}

#[test]
fn deeply_nested_catalogues_are_refused_without_overflow() {
    for n in [10_000, 100_000] {
        // A rule condition made of `not` inside `not`…
        let condition = nested(n, r#"{"not": "#, "}");
        let text = TOY.replacen(FIRST_CONDITION, &condition, 1);
        let e = single(CompiledCatalogue::from_json(text.as_bytes()).unwrap_err().0);
        assert_eq!(e.kind, ErrorKind::LimitExceeded, "{e:?}");
        assert!(e.path.starts_with("$.benefits[0]"), "{e:?}");
        let e = single(
            CompiledCatalogue::from_json(nested(n, "[", "]").as_bytes())
                .unwrap_err()
                .0,
        );
        assert!(
            matches!(e.kind, ErrorKind::LimitExceeded | ErrorKind::Structure),
            "{e:?}"
        );
    }
}

#[test]
fn expressions_deeper_than_the_limit_are_refused_by_the_compiler() {
    // Within the JSON nesting limit, beyond the expression depth limit.
    let depth = Limits::DEFAULT.max_expression_depth + 5;
    let condition = format!(
        "{}{}{}",
        r#"{"not": "#.repeat(depth),
        r#"{"fact": "en_couple"}"#,
        "}".repeat(depth)
    );
    let text = TOY.replacen(FIRST_CONDITION, &condition, 1);
    let errors = CompiledCatalogue::from_json(text.as_bytes()).unwrap_err().0;
    assert!(
        errors.iter().any(|e| e.kind == ErrorKind::LimitExceeded),
        "{errors:?}"
    );
}

#[test]
fn deeply_nested_situations_are_refused_without_overflow() {
    let catalogue = toy();
    for n in [10_000, 100_000] {
        let text = format!(r#"{{"answers": {{"loyer": {}}}}}"#, nested(n, "[", "]"));
        let e = single(
            Situation::from_json(&catalogue, text.as_bytes())
                .unwrap_err()
                .0,
        );
        assert_eq!(e.kind, ErrorKind::LimitExceeded, "{e:?}");
        let text = nested(n, "{\"answers\":", "}");
        let e = single(
            Situation::from_json(&catalogue, text.as_bytes())
                .unwrap_err()
                .0,
        );
        assert!(
            matches!(e.kind, ErrorKind::LimitExceeded | ErrorKind::Structure),
            "{e:?}"
        );
    }
}

#[test]
fn households_larger_than_the_limit_are_refused() {
    let catalogue = toy();
    let members: Vec<String> = (0..Limits::DEFAULT.max_household_members + 1)
        .map(|_| r#"{"role": "adulte", "age": 30}"#.to_owned())
        .collect();
    let text = format!(r#"{{"members": [{}]}}"#, members.join(","));
    let errors = Situation::from_json(&catalogue, text.as_bytes())
        .unwrap_err()
        .0;
    assert!(
        errors
            .iter()
            .any(|e| e.kind == ErrorKind::LimitExceeded && e.path.starts_with("$.members")),
        "{errors:?}"
    );
}

#[test]
fn strings_longer_than_the_limit_are_refused_with_their_path() {
    let long = "é".repeat(Limits::DEFAULT.max_string_bytes);
    let text = format!(
        r#"{{"format": "ctg-plan/1", "id": "p", "title": "{long}", "territory": {{}},
        "period": {{"start": "2019-01-01", "end": "2022-12-31"}}}}"#
    );
    let e = single(Plan::from_json(&text).unwrap_err().0);
    assert_eq!(e.kind, ErrorKind::LimitExceeded);
    assert_eq!(e.path, "$.title");
    assert!(e.message.contains("octets"), "{}", e.message);
    // The same text in a situation answer.
    let catalogue = toy();
    let text = format!(r#"{{"id": "{long}"}}"#);
    let e = single(
        Situation::from_json(&catalogue, text.as_bytes())
            .unwrap_err()
            .0,
    );
    assert_eq!(
        (e.kind, e.path.as_str()),
        (ErrorKind::LimitExceeded, "$.id")
    );
}

#[test]
fn documents_larger_than_the_limit_are_refused_before_parsing() {
    // 64 MiB of blanks around a minimal plan: refused at once, path `$`.
    let mut bytes = vec![b' '; Limits::DEFAULT.max_input_bytes];
    bytes.extend_from_slice(b"{}");
    let e = single(Plan::from_slice(&bytes).unwrap_err().0);
    assert_eq!((e.kind, e.path.as_str()), (ErrorKind::LimitExceeded, "$"));
}

#[test]
fn the_real_files_are_well_within_the_limits() {
    let limits = Limits::DEFAULT;
    for text in [
        ctg_core::civraisien::PLAN_JSON,
        ctg_core::civraisien::DROITS_JSON,
    ] {
        ctg_core::limits::check_json(text.as_bytes(), &limits).unwrap();
    }
}
