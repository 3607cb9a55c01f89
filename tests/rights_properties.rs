//! Property tests of the access-to-rights engine over generated catalogues and situations:
//! monotonicity (more answers never change a decided result), completeness (a complete
//! situation leaves nothing undetermined), determinism, and questionnaires that end.

use chrono::NaiveDate;
use ctg_core::rights::{CompiledCatalogue, Session, Situation, SituationInput, Status};
use proptest::prelude::*;
use serde_json::{json, Value};

fn bool_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!({"fact": "f_oui"})),
        prop::sample::select(vec!["a", "b", "c"]).prop_map(|c| json!({"==": [{"fact": "f_choix"}, c]})),
        (0i64..10).prop_map(|k| json!({"<": [{"fact": "f_entier"}, k]})),
        (0i64..10).prop_map(|k| json!({">=": [{"param": "p"}, k]})),
        Just(json!({"derived": "d_bool"})),
        (0i64..3).prop_map(|k| json!({">=": [{"count": {"members": {"member": "m_oui"}}}, k]})),
        Just(json!({"any_member": {"<": [{"age": {}}, 18]}})),
        Just(json!({"all_members": {"any": [{"role": "adulte"}, {"member": "m_oui"}]}})),
        (0i64..20).prop_map(|k| json!({"<=": [{"sum": {"members": {"role": "adulte"}, "of": {"member": "m_entier"}}}, k]})),
        (0i64..4).prop_map(|k| json!({"==": [{"fact": "nombre_enfants"}, k]})),
        (0i64..10).prop_map(|k| json!({"between": [{"derived": "d_num"}, k, {"+": [k, 5]}]})),
    ]
}

fn bool_expr() -> impl Strategy<Value = Value> {
    bool_leaf().prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(|v| json!({"all": v})),
            prop::collection::vec(inner.clone(), 1..4).prop_map(|v| json!({"any": v})),
            inner.clone().prop_map(|e| json!({"not": e})),
            (inner.clone(), inner.clone(), inner).prop_map(|(c, t, e)| json!({"if": [c, t, e]})),
        ]
    })
}

fn catalogue(conditions: Vec<Value>) -> CompiledCatalogue {
    let benefits: Vec<Value> = conditions
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            json!({"id": format!("b{i}"), "name": format!("B{i}"), "institution": "caf", "category": "autre",
                   "summary": "généré", "condition": c})
        })
        .collect();
    let cat = json!({
        "format": "ctg-droits/1", "id": "gen", "title": "généré",
        "questions": [
            {"id": "f_oui", "label": "f_oui", "type": "oui_non"},
            {"id": "f_entier", "label": "f_entier", "type": "entier", "min": 0, "max": 10},
            {"id": "f_choix", "label": "f_choix", "type": "choix", "options": [{"code": "a", "label": "a"}, {"code": "b", "label": "b"}, {"code": "c", "label": "c"}]},
            {"id": "m_oui", "label": "m_oui", "type": "oui_non", "scope": "membre"},
            {"id": "m_entier", "label": "m_entier", "type": "entier", "scope": "membre"}
        ],
        "parameters": [{"id": "p", "label": "p", "unit": "nombre", "values": [
            {"from": "2000-01-01", "value": 3, "reference": "test"}, {"from": "2025-01-01", "value": 6, "reference": "test"}]}],
        "derived": [
            {"id": "d_bool", "label": "d_bool", "value": {"any": [{"fact": "f_oui"}, {">": [{"fact": "f_entier"}, 5]}]}},
            {"id": "d_num", "label": "d_num", "value": {"max": [{"fact": "f_entier"}, {"-": [{"param": "p"}, 1]}]}}
        ],
        "benefits": benefits
    });
    CompiledCatalogue::from_json(cat.to_string().as_bytes()).unwrap()
}

#[derive(Debug, Clone)]
struct Complete {
    f_oui: bool,
    f_entier: i64,
    f_choix: &'static str,
    members: Vec<(bool, u32, bool, i64)>, // (adult, age, m_oui, m_entier)
}

fn complete() -> impl Strategy<Value = Complete> {
    (
        any::<bool>(),
        0i64..=10,
        prop::sample::select(vec!["a", "b", "c"]),
        prop::collection::vec((any::<bool>(), 0u32..60, any::<bool>(), 0i64..12), 0..4),
    )
        .prop_map(|(f_oui, f_entier, f_choix, mut members)| {
            // Adults first, as the engine orders them.
            members.sort_by_key(|m| !m.0);
            Complete {
                f_oui,
                f_entier,
                f_choix,
                members,
            }
        })
}

/// The situation with only the answers kept by `mask` (bit i keeps item i); `composition`
/// 0 = unknown, 1 = adults only known, 2 = members listed.
fn partial(c: &Complete, mask: u64, composition: u8) -> Value {
    let keep = |i: u32| mask & (1 << i) != 0;
    let mut answers = serde_json::Map::new();
    if keep(0) {
        answers.insert("f_oui".into(), json!(c.f_oui));
    }
    if keep(1) {
        answers.insert("f_entier".into(), json!(c.f_entier));
    }
    if keep(2) {
        answers.insert("f_choix".into(), json!(c.f_choix));
    }
    let mut v = json!({"answers": answers});
    match composition {
        0 => {}
        1 => {
            let adults = c.members.iter().filter(|m| m.0).count();
            v["answers"]["nombre_adultes"] = json!(adults);
        }
        _ => {
            let members: Vec<Value> = c
                .members
                .iter()
                .enumerate()
                .map(|(i, (adult, age, m_oui, m_entier))| {
                    let base = 3 + 3 * i as u32;
                    let mut m =
                        json!({"role": if *adult { "adulte" } else { "enfant" }, "facts": {}});
                    if keep(base) {
                        m["age"] = json!(age);
                    }
                    if keep(base + 1) {
                        m["facts"]["m_oui"] = json!(m_oui);
                    }
                    if keep(base + 2) {
                        m["facts"]["m_entier"] = json!(m_entier);
                    }
                    m
                })
                .collect();
            v["members"] = json!(members);
        }
    }
    v
}

fn load(cat: &CompiledCatalogue, v: &Value) -> Situation {
    let input: SituationInput = serde_json::from_value(v.clone()).unwrap();
    Situation::from_input(cat, &input).unwrap()
}

fn statuses(cat: &CompiledCatalogue, at: NaiveDate, s: &Situation) -> Vec<Status> {
    cat.at(at)
        .evaluate(s)
        .into_iter()
        .map(|r| r.status)
        .collect()
}

fn date() -> impl Strategy<Value = NaiveDate> {
    prop::sample::select(vec![
        NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(),
        NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn more_answers_never_flip_a_decided_result(
        conditions in prop::collection::vec(bool_expr(), 1..5),
        c in complete(),
        mask1 in any::<u64>(),
        mask2 in any::<u64>(),
        comp in 0u8..3,
        at in date(),
    ) {
        let cat = catalogue(conditions);
        let smaller = load(&cat, &partial(&c, mask1 & mask2, comp));
        let larger = load(&cat, &partial(&c, mask1, 2.max(comp)));
        let full = load(&cat, &partial(&c, u64::MAX, 2));
        let (s1, s2, s3) = (statuses(&cat, at, &smaller), statuses(&cat, at, &larger), statuses(&cat, at, &full));
        for i in 0..s1.len() {
            if s1[i].is_decided() {
                prop_assert_eq!(s1[i], s2[i], "benefit {}", i);
            }
            if s2[i].is_decided() {
                prop_assert_eq!(s2[i], s3[i], "benefit {}", i);
            }
        }
        // Completeness: nothing is left undetermined when everything is answered.
        prop_assert!(s3.iter().all(|s| *s != Status::Undetermined));
        // Undetermined results always name at least one question that could decide them.
        for r in cat.at(at).evaluate(&smaller) {
            prop_assert_eq!(r.status == Status::Undetermined, !r.missing.is_empty());
        }
    }

    #[test]
    fn evaluation_is_deterministic_and_the_fast_path_agrees(
        conditions in prop::collection::vec(bool_expr(), 1..5),
        c in complete(),
        mask in any::<u64>(),
        comp in 0u8..3,
        at in date(),
    ) {
        let cat = catalogue(conditions);
        let s = load(&cat, &partial(&c, mask, comp));
        let dated = cat.at(at);
        let a = dated.evaluate(&s);
        let b = dated.evaluate(&s);
        prop_assert_eq!(&a, &b);
        let mut scratch = dated.scratch();
        let mut fast = vec![Status::Undetermined; a.len()];
        dated.statuses(&s, &mut scratch, &mut fast);
        prop_assert_eq!(fast, a.iter().map(|r| r.status).collect::<Vec<_>>());
        prop_assert_eq!(dated.explain_all(&s), dated.explain_all(&s));
    }

    #[test]
    fn a_questionnaire_never_repeats_and_ends_with_everything_decided(
        conditions in prop::collection::vec(bool_expr(), 1..5),
        c in complete(),
        at in date(),
    ) {
        let cat = catalogue(conditions);
        let mut session = Session::new(cat.at(at));
        let mut asked = Vec::new();
        let adults = c.members.iter().filter(|m| m.0).count();
        while let Some(q) = session.next_question() {
            // The next question is the first of the ranking (found without sorting it).
            let ranked = session.dated().ranked_questions(session.situation(), &[]);
            prop_assert_eq!(Some(&q), ranked.first().map(|(q, _)| q));
            prop_assert!(!asked.contains(&q), "asked twice: {:?}", q);
            asked.push(q.clone());
            prop_assert!(asked.len() < 40);
            let m = q.member.map(|m| c.members[m]);
            let answer = match q.question.as_str() {
                "f_oui" => json!(c.f_oui),
                "f_entier" => json!(c.f_entier),
                "f_choix" => json!(c.f_choix),
                "nombre_adultes" => json!(adults),
                "nombre_enfants" => json!(c.members.len() - adults),
                "age" => json!(m.unwrap().1),
                "m_oui" => json!(m.unwrap().2),
                "m_entier" => json!(m.unwrap().3),
                other => panic!("unexpected {other}"),
            };
            session.answer(&q, &answer).unwrap();
        }
        let full = load(&cat, &partial(&c, u64::MAX, 2));
        let results: Vec<Status> = session.results().into_iter().map(|r| r.status).collect();
        prop_assert!(results.iter().all(|s| *s != Status::Undetermined));
        // The questionnaire reaches the same results as the complete situation.
        prop_assert_eq!(results, statuses(&cat, at, &full));
    }
}
