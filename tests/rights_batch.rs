//! The vectorized evaluation (`DatedCatalogue::statuses_batch` on situations,
//! `DatedCatalogue::statuses_households` on a `HouseholdBatch` of columns) gives exactly the
//! statuses of the scalar one (`DatedCatalogue::statuses`), household by household: on generated
//! catalogues that use every kind of node (arithmetic, division by zero, dates, `in`, `if`
//! on numbers, quantifiers, member-scoped derived facts), on the Civraisien catalogue with
//! random complete and partial households, and on its table-driven cases.

use chrono::NaiveDate;
use ctg_core::rights::batch::LANES;
use ctg_core::rights::catalogue::{QuestionType, Scope};
use ctg_core::rights::{CompiledCatalogue, HouseholdBatch, Situation, SituationInput, Status};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Checks batch == scalar for every household, in one batch and in odd-sized pieces.
fn assert_same(cat: &CompiledCatalogue, at: NaiveDate, households: &[Situation]) {
    let dated = cat.at(at);
    let n = cat.catalogue().benefits.len();
    let mut scratch = dated.scratch();
    let mut expected = vec![Status::Undetermined; households.len() * n];
    for (s, row) in households.iter().zip(expected.chunks_mut(n.max(1))) {
        dated.statuses(s, &mut scratch, row);
    }
    let mut batch = dated.batch_scratch();
    let mut got = vec![Status::Eligible; households.len() * n];
    dated.statuses_batch(households, &mut batch, &mut got);
    for (h, (e, g)) in expected
        .chunks(n.max(1))
        .zip(got.chunks(n.max(1)))
        .enumerate()
    {
        assert_eq!(e, g, "household {h} at {at}: {:?}", households[h]);
    }
    // The same scratch, reused on pieces of other sizes, gives the same results; so does a
    // batch of columns, emptied and refilled for each piece.
    let mut columns = HouseholdBatch::new(cat);
    let mut start = 0;
    let mut size = 1;
    while start < households.len() {
        let end = (start + size).min(households.len());
        let mut piece = vec![Status::Eligible; (end - start) * n];
        dated.statuses_batch(&households[start..end], &mut batch, &mut piece);
        assert_eq!(piece, expected[start * n..end * n], "pieces {start}..{end}");
        columns.clear();
        households[start..end].iter().for_each(|s| columns.push(s));
        assert_eq!(columns.len(), end - start);
        let mut piece = vec![Status::Eligible; (end - start) * n];
        dated.statuses_households(&columns, &mut batch, &mut piece);
        assert_eq!(
            piece,
            expected[start * n..end * n],
            "columns {start}..{end}"
        );
        start = end;
        size = size * 3 + 1;
    }
    // All the households as columns at once.
    columns.clear();
    households.iter().for_each(|s| columns.push(s));
    let mut all = vec![Status::Eligible; households.len() * n];
    dated.statuses_households(&columns, &mut batch, &mut all);
    assert_eq!(all, expected, "all the households as columns");
    // Rows that do not fit in the output are not written.
    if households.len() > 1 && n > 0 {
        let mut short = vec![Status::Eligible; (households.len() - 1) * n];
        dated.statuses_households(&columns, &mut batch, &mut short);
        assert_eq!(short, expected[..short.len()], "a shorter output");
    }
}

// ---------------------------------------------------------------- generated catalogues

fn num_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!({"fact": "f_entier"})),
        Just(json!({"fact": "f_montant"})),
        Just(json!({"param": "p"})),
        Just(json!({"param": "p_tard"})),
        (-3i64..12).prop_map(|k| json!(k)),
        Just(json!(0.5)),
        Just(json!({"derived": "d_num"})),
        Just(json!({"fact": "nombre_adultes"})),
        Just(json!({"years_since": {"fact": "f_date"}})),
        Just(json!({"count": {"members": {"member": "m_oui"}}})),
        Just(json!({"count": {"members": {"derived": "d_membre"}}})),
        Just(json!({"sum": {"members": {"role": "enfant"}, "of": {"member": "m_entier"}}})),
        Just(json!({"sum": {"members": {"fact": "f_oui"}, "of": {"-": [{"age": {}}, 3]}}})),
    ]
}

fn num_expr() -> impl Strategy<Value = Value> {
    num_leaf().prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(|v| json!({"+": v})),
            prop::collection::vec(inner.clone(), 1..3).prop_map(|v| json!({"*": v})),
            prop::collection::vec(inner.clone(), 1..3).prop_map(|v| json!({"min": v})),
            prop::collection::vec(inner.clone(), 1..3).prop_map(|v| json!({"max": v})),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| json!({"-": [a, b]})),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| json!({"/": [a, b]})),
            (bool_leaf(), inner.clone(), inner).prop_map(|(c, t, e)| json!({"if": [c, t, e]})),
        ]
    })
}

fn bool_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!({"fact": "f_oui"})),
        Just(json!(true)),
        Just(json!({"==": [{"fact": "f_oui"}, false]})),
        prop::sample::select(vec!["a", "b", "c"])
            .prop_map(|c| json!({"==": [{"fact": "f_choix"}, c]})),
        Just(json!({"in": [{"fact": "f_choix"}, ["a", "c"]]})),
        Just(json!({"in": [{"fact": "f_commune"}, ["86078", "86001"]]})),
        Just(json!({"in": [{"fact": "f_entier"}, [1, 3, 5]]})),
        (0i64..10).prop_map(|k| json!({"<": [{"fact": "f_entier"}, k]})),
        (0i64..10).prop_map(|k| json!({">=": [{"param": "p"}, k]})),
        Just(json!({">": [{"fact": "f_date"}, {"date": "2020-01-01"}]})),
        Just(json!({"<=": [{"fact": "f_date"}, {"today": {}}]})),
        Just(json!({"derived": "d_bool"})),
        Just(json!({"any_member": {"<": [{"age": {}}, 18]}})),
        Just(json!({"any_member": {"derived": "d_membre"}})),
        Just(json!({"all_members": {"any": [{"role": "adulte"}, {"member": "m_oui"}]}})),
        Just(json!({"all_members": {"fact": "f_oui"}})),
        (0i64..4).prop_map(|k| json!({"==": [{"fact": "nombre_enfants"}, k]})),
    ]
}

fn bool_expr() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        3 => bool_leaf(),
        2 => (num_expr(), num_expr(), 0usize..6).prop_map(|(a, b, op)| {
            let key = ["<", "<=", ">", ">=", "==", "!="][op];
            json!({key: [a, b]})
        }),
        1 => (num_expr(), num_expr(), num_expr()).prop_map(|(x, lo, hi)| json!({"between": [x, lo, hi]})),
    ];
    leaf.prop_recursive(3, 20, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(|v| json!({"all": v})),
            prop::collection::vec(inner.clone(), 1..4).prop_map(|v| json!({"any": v})),
            inner.clone().prop_map(|e| json!({"not": e})),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| json!({"==": [a, b]})),
            (inner.clone(), inner.clone(), inner).prop_map(|(c, t, e)| json!({"if": [c, t, e]})),
        ]
    })
}

fn catalogue(conditions: Vec<Value>) -> CompiledCatalogue {
    let benefits: Vec<Value> = conditions
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let mut b = json!({"id": format!("b{i}"), "name": format!("B{i}"), "institution": "caf",
                   "category": "autre", "summary": "généré", "condition": c});
            if i == 3 {
                b["valid_from"] = json!("2025-07-01");
            }
            b
        })
        .collect();
    let cat = json!({
        "format": "ctg-droits/1", "id": "gen", "title": "généré",
        "questions": [
            {"id": "f_oui", "label": "f_oui", "type": "oui_non"},
            {"id": "f_entier", "label": "f_entier", "type": "entier", "min": 0, "max": 10},
            {"id": "f_montant", "label": "f_montant", "type": "montant_mensuel"},
            {"id": "f_date", "label": "f_date", "type": "date"},
            {"id": "f_commune", "label": "f_commune", "type": "commune"},
            {"id": "f_choix", "label": "f_choix", "type": "choix", "options": [{"code": "a", "label": "a"}, {"code": "b", "label": "b"}, {"code": "c", "label": "c"}]},
            {"id": "m_oui", "label": "m_oui", "type": "oui_non", "scope": "membre"},
            {"id": "m_entier", "label": "m_entier", "type": "entier", "scope": "membre"}
        ],
        "parameters": [
            {"id": "p", "label": "p", "unit": "nombre", "values": [
                {"from": "2000-01-01", "value": 3, "reference": "test"}, {"from": "2025-01-01", "value": 6, "reference": "test"}]},
            {"id": "p_tard", "label": "p_tard", "unit": "nombre", "values": [
                {"from": "2025-06-01", "value": 2, "reference": "test"}]}
        ],
        "derived": [
            {"id": "d_bool", "label": "d_bool", "value": {"any": [{"fact": "f_oui"}, {">": [{"fact": "f_entier"}, 5]}]}},
            {"id": "d_num", "label": "d_num", "value": {"max": [{"fact": "f_entier"}, {"-": [{"param": "p"}, 1]}]}},
            {"id": "d_membre", "label": "d_membre", "scope": "membre",
             "value": {"any": [{"all": [{"role": "enfant"}, {"<": [{"age": {}}, 12]}]}, {">": [{"member": "m_entier"}, {"derived": "d_num"}]}]}}
        ],
        "benefits": benefits
    });
    CompiledCatalogue::from_json(cat.to_string().as_bytes()).unwrap()
}

/// A generated household: each answer kept or not by `mask`, members listed, only counted,
/// or unknown.
#[allow(clippy::type_complexity)]
fn household() -> impl Strategy<Value = Value> {
    (
        any::<u64>(),
        0u8..4,
        (any::<bool>(), 0i64..=10, 0u32..4000, 0u32..9000, 0usize..4, 0usize..3),
        prop::collection::vec(
            (any::<bool>(), 0u32..70, any::<bool>(), any::<bool>(), 0i64..12),
            0..7,
        ),
    )
        .prop_map(|(mask, composition, (oui, entier, montant, day, commune, choix), members)| {
            let keep = |i: u32| mask & (1 << (i % 64)) != 0;
            let mut answers = Map::new();
            let date = NaiveDate::from_ymd_opt(2005, 1, 1).unwrap() + chrono::Days::new(u64::from(day));
            let values = [
                ("f_oui", json!(oui)),
                ("f_entier", json!(entier)),
                ("f_montant", json!(montant)),
                ("f_date", json!(date.to_string())),
                ("f_commune", json!(["86078", "86001", "2A004", "86194"][commune])),
                ("f_choix", json!(["a", "b", "c"][choix])),
            ];
            for (i, (k, v)) in values.into_iter().enumerate() {
                if keep(i as u32) {
                    answers.insert(k.into(), v);
                }
            }
            let mut v = json!({"answers": answers});
            let adults = members.iter().filter(|m| m.0).count();
            match composition {
                0 => {}
                1 => v["answers"]["nombre_adultes"] = json!(adults),
                2 => {
                    v["answers"]["nombre_adultes"] = json!(adults);
                    v["answers"]["nombre_enfants"] = json!(members.len() - adults);
                }
                _ => {
                    let list: Vec<Value> = members
                        .iter()
                        .enumerate()
                        .map(|(i, &(adult, age, birth, m_oui, m_entier))| {
                            let base = 6 + 3 * i as u32;
                            let mut m = json!({"role": if adult { "adulte" } else { "enfant" }, "facts": {}});
                            if keep(base) {
                                if birth {
                                    m["birth_date"] = json!(format!("{}-{:02}-15", 2025 - age as i32, 1 + age % 12));
                                } else {
                                    m["age"] = json!(age);
                                }
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
                    v["members"] = json!(list);
                }
            }
            v
        })
}

fn load(cat: &CompiledCatalogue, v: &Value) -> Situation {
    let input: SituationInput = serde_json::from_value(v.clone()).unwrap();
    Situation::from_input(cat, &input).unwrap()
}

fn date() -> impl Strategy<Value = NaiveDate> {
    prop::sample::select(vec![
        NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(),
        NaiveDate::from_ymd_opt(2025, 1, 15).unwrap(),
        NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn the_batch_gives_the_scalar_statuses_on_generated_catalogues(
        conditions in prop::collection::vec(bool_expr(), 1..6),
        households in prop::collection::vec(household(), 1..150),
        at in date(),
    ) {
        let cat = catalogue(conditions);
        let situations: Vec<Situation> = households.iter().map(|h| load(&cat, h)).collect();
        assert_same(&cat, at, &situations);
    }
}

// ---------------------------------------------------------------- the Civraisien catalogue

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A Civraisien household: complete when `partial` is false, otherwise each answer kept
/// with probability 1/2 and the composition sometimes unknown or only counted.
fn civraisien_household(cat: &CompiledCatalogue, rng: &mut Rng, partial: bool) -> Situation {
    let answer = |q: &ctg_core::rights::Question, rng: &mut Rng| -> Value {
        match q.kind {
            QuestionType::OuiNon => json!(rng.below(3) == 0),
            QuestionType::Entier => {
                let lo = q.min.unwrap_or(0.0) as u64;
                let hi = q.max.unwrap_or(100.0) as u64;
                json!(lo + rng.below(hi.saturating_sub(lo) + 1))
            }
            QuestionType::MontantMensuel => json!(match rng.below(4) {
                0 => 0,
                1 => rng.below(800),
                _ => rng.below(3500),
            }),
            QuestionType::MontantAnnuel => json!(rng.below(60_000)),
            QuestionType::Date => json!(format!(
                "20{:02}-{:02}-01",
                10 + rng.below(15),
                1 + rng.below(12)
            )),
            QuestionType::Choix => {
                json!(q.options[rng.below(q.options.len() as u64) as usize].code)
            }
            QuestionType::Commune => {
                json!(["86078", "86001", "86114", "86194", "75056"][rng.below(5) as usize])
            }
        }
    };
    let keep = |rng: &mut Rng| !partial || rng.below(2) == 0;
    let questions = &cat.catalogue().questions;
    let mut answers = Map::new();
    for q in questions.iter().filter(|q| q.scope == Scope::Foyer) {
        let a = answer(q, rng);
        if keep(rng) {
            answers.insert(q.id.clone(), a);
        }
    }
    let adults = 1 + rng.below(2);
    let children = rng.below(5);
    let composition = if partial { rng.below(4) } else { 3 };
    let mut v = json!({"answers": answers});
    match composition {
        0 => {}
        1 => v["answers"]["nombre_adultes"] = json!(adults),
        2 => {
            v["answers"]["nombre_adultes"] = json!(adults);
            v["answers"]["nombre_enfants"] = json!(children);
        }
        _ => {
            let mut members = Vec::new();
            for i in 0..adults + children {
                let adult = i < adults;
                let mut facts = Map::new();
                for q in questions.iter().filter(|q| q.scope == Scope::Membre) {
                    let a = answer(q, rng);
                    if keep(rng) {
                        facts.insert(q.id.clone(), a);
                    }
                }
                let age = if adult {
                    18 + rng.below(70)
                } else {
                    rng.below(22)
                };
                let mut m =
                    json!({"role": if adult { "adulte" } else { "enfant" }, "facts": facts});
                if keep(rng) {
                    if rng.below(2) == 0 {
                        m["age"] = json!(age);
                    } else {
                        m["birth_date"] =
                            json!(format!("{}-{:02}-10", 2025 - age, 1 + rng.below(12)));
                    }
                }
                members.push(m);
            }
            v["members"] = json!(members);
        }
    }
    load(cat, &v)
}

fn civraisien() -> CompiledCatalogue {
    CompiledCatalogue::from_json(ctg_core::civraisien::DROITS_JSON.as_bytes()).unwrap()
}

#[test]
fn the_batch_gives_the_scalar_statuses_on_the_civraisien_catalogue() {
    let cat = civraisien();
    let mut rng = Rng(0x0ba7_c4ed_5eed);
    let households: Vec<Situation> = (0..10 * LANES + 7)
        .map(|i| civraisien_household(&cat, &mut rng, i % 2 == 1))
        .collect();
    let mut decided = 0;
    for at in [
        NaiveDate::from_ymd_opt(2025, 3, 31).unwrap(),
        NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        // Before some parameters exist: benefits not applicable.
        NaiveDate::from_ymd_opt(2001, 6, 1).unwrap(),
    ] {
        assert_same(&cat, at, &households);
        let dated = cat.at(at);
        let mut s = dated.scratch();
        let mut out = vec![Status::Undetermined; cat.catalogue().benefits.len()];
        dated.statuses(&households[0], &mut s, &mut out);
        decided += out.iter().filter(|s| s.is_decided()).count();
    }
    assert!(decided > 0);
}

#[test]
fn the_batch_gives_the_scalar_statuses_on_the_civraisien_table_cases() {
    let cat = civraisien();
    let bytes = std::fs::read(ctg_examples::fixture("rights/civraisien-cases.json")).unwrap();
    let cases: Value = serde_json::from_slice(&bytes).unwrap();
    let mut by_date: std::collections::BTreeMap<NaiveDate, Vec<Situation>> = Default::default();
    for case in cases["cases"].as_array().into_iter().flatten() {
        let Some(situation) = case.get("situation") else {
            continue;
        };
        let at = case["date"]
            .as_str()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .unwrap_or(NaiveDate::from_ymd_opt(2025, 9, 1).unwrap());
        by_date.entry(at).or_default().push(load(&cat, situation));
    }
    assert!(!by_date.is_empty(), "no table case read");
    for (at, households) in &by_date {
        assert_same(&cat, *at, households);
    }
}

#[test]
fn one_scratch_serves_several_dates_and_catalogues() {
    let cat = civraisien();
    let mut rng = Rng(7);
    let households: Vec<Situation> = (0..100)
        .map(|_| civraisien_household(&cat, &mut rng, false))
        .collect();
    let n = cat.catalogue().benefits.len();
    let mut scratch = ctg_core::rights::BatchScratch::default();
    for at in [
        NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
        NaiveDate::from_ymd_opt(2001, 6, 1).unwrap(),
    ] {
        let dated = cat.at(at);
        let mut out = vec![Status::Undetermined; households.len() * n];
        dated.statuses_batch(&households, &mut scratch, &mut out);
        let mut s = dated.scratch();
        let mut row = vec![Status::Undetermined; n];
        for (h, got) in households.iter().zip(out.chunks(n)) {
            dated.statuses(h, &mut s, &mut row);
            assert_eq!(row, got);
        }
    }
    // Complete households: nothing undetermined.
    let dated = cat.at(NaiveDate::from_ymd_opt(2025, 9, 1).unwrap());
    let mut out = vec![Status::Undetermined; households.len() * n];
    dated.statuses_batch(&households, &mut scratch, &mut out);
    assert!(out.iter().all(|s| *s != Status::Undetermined));
}
