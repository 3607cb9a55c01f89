//! The bindings, run in Node by `wasm-pack test --node ctg-wasm`, on the same JSON fixtures as
//! the Rust tests (`tests/fixtures/`). Each result of the JS API is compared with the result
//! of the Rust API on the same input, so the two surfaces cannot drift.
#![cfg(target_arch = "wasm32")]

use ctg_core::Plan;
use ctg_wasm::CtgPlan;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

const MINIMAL: &str = include_str!("../../tests/fixtures/plans/valid/minimal.json");
const FULL: &str = include_str!("../../tests/fixtures/plans/valid/full.json");

/// `JSON.stringify` of a JS value.
fn stringify(value: &JsValue) -> String {
    JSON::stringify(value).unwrap().as_string().unwrap()
}

/// The JS-normal JSON of a Rust value: what `JSON.stringify` gives for the same data.
fn js_json<T: serde::Serialize>(value: &T) -> String {
    let text = serde_json::to_string(value).unwrap();
    stringify(&JSON::parse(&text).unwrap())
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn fixtures() -> Vec<(&'static str, &'static str)> {
    vec![
        ("minimal", MINIMAL),
        ("full", FULL),
        ("civraisien", ctg_core::civraisien::PLAN_JSON),
    ]
}

#[wasm_bindgen_test]
fn plans_load_from_text_and_from_objects_like_the_rust_api() {
    for (name, text) in fixtures() {
        let rust = Plan::from_json(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        // `data()` is the document as given, and it reads back as the same plan.
        let as_given = stringify(&JSON::parse(text).unwrap());
        let from_text = CtgPlan::load(JsValue::from_str(text)).unwrap();
        let data = stringify(&from_text.data().unwrap());
        assert_eq!(data, as_given, "{name}");
        assert_eq!(Plan::from_json(&data).unwrap(), rust, "{name}");
        let object = JSON::parse(text).unwrap();
        let from_object = CtgPlan::load(object).unwrap();
        assert_eq!(stringify(&from_object.data().unwrap()), as_given, "{name}");
    }
}

#[wasm_bindgen_test]
fn the_civraisien_plan_reads_as_in_rust() {
    let plan = CtgPlan::load(JsValue::from_str(ctg_core::civraisien::PLAN_JSON)).unwrap();
    let rust = Plan::from_json(ctg_core::civraisien::PLAN_JSON).unwrap();
    let data = stringify(&plan.data().unwrap());
    assert_eq!(Plan::from_json(&data).unwrap(), rust);
}

#[wasm_bindgen_test]
fn walk_find_and_ancestors_agree_with_the_rust_api() {
    for (name, text) in fixtures() {
        let rust = Plan::from_json(text).unwrap();
        let plan = CtgPlan::load(JsValue::from_str(text)).unwrap();
        let walk: Array = plan.walk().unwrap().into();
        let ids: Vec<String> = rust.walk().map(|(_, n)| n.id().to_owned()).collect();
        assert_eq!(walk.length() as usize, ids.len(), "{name}");
        for (item, (depth, node)) in walk.iter().zip(rust.walk()) {
            assert_eq!(get(&item, "id").as_string().unwrap(), node.id());
            assert_eq!(get(&item, "depth").as_f64().unwrap() as usize, depth);
            assert_eq!(get(&item, "title").as_string().unwrap(), node.title());
            let found = plan.find(node.id()).unwrap();
            assert_eq!(get(&found, "id").as_string().unwrap(), node.id());
            let data = get(&found, "node");
            assert_eq!(get(&data, "id").as_string().unwrap(), node.id());
            assert_eq!(get(&data, "title").as_string().unwrap(), node.title());
            let ancestors: Array = plan.ancestors(node.id()).unwrap().into();
            let expected: Vec<&str> = rust
                .ancestors(node.id())
                .unwrap()
                .iter()
                .map(|n| n.id())
                .collect();
            let got: Vec<String> = ancestors
                .iter()
                .map(|a| get(&a, "id").as_string().unwrap())
                .collect();
            assert_eq!(got, expected, "{name} {}", node.id());
        }
        assert!(plan.find("nope-nope").unwrap().is_null());
        assert!(plan.ancestors("nope-nope").unwrap().is_null());
    }
}

#[wasm_bindgen_test]
fn filter_and_search_agree_with_the_rust_api() {
    use ctg_core::query::Filter;
    let rust = Plan::from_json(ctg_core::civraisien::PLAN_JSON).unwrap();
    let plan = CtgPlan::load(JsValue::from_str(ctg_core::civraisien::PLAN_JSON)).unwrap();
    let ids = |value: JsValue| -> Vec<String> {
        Array::from(&value)
            .iter()
            .map(|n| get(&n, "id").as_string().unwrap())
            .collect()
    };
    let rust_ids = |filter: &Filter| -> Vec<String> {
        rust.filter(filter)
            .iter()
            .map(|n| n.id().to_owned())
            .collect()
    };
    for text in ["creche", "CRÈCHE", "parentalité", "jeunes", "zzzz"] {
        let expected = rust_ids(&Filter {
            text: Some(text.into()),
            ..Filter::default()
        });
        assert_eq!(ids(plan.search(text).unwrap()), expected, "{text}");
    }
    let partner = rust.partners.first().map(|p| p.id.clone());
    let commune = rust.territory.communes.first().map(|c| c.insee.clone());
    let filters = [
        (
            r#"{"theme":"petite_enfance"}"#,
            Filter {
                theme: Some(ctg_core::vocabulary::Theme::PetiteEnfance),
                ..Filter::default()
            },
        ),
        (
            r#"{"public":"familles","status":"engagee"}"#,
            Filter {
                public: Some(ctg_core::vocabulary::Public::Familles),
                status: Some(ctg_core::vocabulary::ActionStatus::Engagee),
                ..Filter::default()
            },
        ),
    ];
    for (json, filter) in filters {
        let object = JSON::parse(json).unwrap();
        assert_eq!(
            ids(plan.filter(object).unwrap()),
            rust_ids(&filter),
            "{json}"
        );
    }
    if let (Some(partner), Some(commune)) = (partner, commune) {
        let json = format!(r#"{{"partner":"{partner}","commune":"{commune}"}}"#);
        let filter = Filter {
            partner: Some(partner),
            commune: Some(commune),
            ..Filter::default()
        };
        assert_eq!(
            ids(plan.filter(JSON::parse(&json).unwrap()).unwrap()),
            rust_ids(&filter)
        );
    }
}

#[wasm_bindgen_test]
fn evaluation_agrees_with_the_rust_api() {
    for (name, text) in fixtures() {
        let rust = Plan::from_json(text).unwrap();
        let plan = CtgPlan::load(JsValue::from_str(text)).unwrap();
        for date in ["2019-07-01", "2021-12-31", "2024-06-30"] {
            let at: chrono::NaiveDate = date.parse().unwrap();
            let expected = ctg_core::evaluation::evaluate(&rust, at);
            let got = plan.evaluate(date).unwrap();
            assert_eq!(stringify(&got), js_json(&expected), "{name} {date}");
        }
    }
}

/// Checks that a thrown value is an `Error` carrying the core's errors.
fn assert_ctg_error(error: JsValue, expected: &[ctg_core::ValidationError]) {
    assert!(error.is_instance_of::<js_sys::Error>());
    let first = &expected[0];
    assert_eq!(get(&error, "kind").as_string().unwrap(), first.kind.code());
    assert_eq!(get(&error, "path").as_string().unwrap(), first.path);
    assert_eq!(
        get(&error, "message").as_string().unwrap(),
        first.message,
        "the message of the Error is the first problem's"
    );
    let errors: Array = get(&error, "errors").into();
    assert_eq!(errors.length() as usize, expected.len());
    for (got, want) in errors.iter().zip(expected) {
        assert_eq!(get(&got, "kind").as_string().unwrap(), want.kind.code());
        assert_eq!(get(&got, "path").as_string().unwrap(), want.path);
        assert_eq!(get(&got, "message").as_string().unwrap(), want.message);
    }
}

#[wasm_bindgen_test]
fn invalid_plans_throw_errors_with_the_cli_paths_and_messages() {
    let cases = [
        "{ not json",
        r#"{"format": "ctg-plan/9"}"#,
        r#"{"format": "ctg-plan/1", "id": "p"}"#,
        r#"{"format":"ctg-plan/1","id":"p","title":" ","territory":{},
            "period":{"start":"2022-01-01","end":"2019-01-01"},
            "axes":[{"id":"a","title":"A"},{"id":"a","title":""}]}"#,
    ];
    for text in cases {
        let expected = Plan::from_json(text).unwrap_err();
        let error = match CtgPlan::load(JsValue::from_str(text)) {
            Ok(_) => panic!("{text} should not load"),
            Err(error) => error,
        };
        assert_ctg_error(error, expected.errors());
    }
}

#[wasm_bindgen_test]
fn bad_arguments_throw_errors_and_never_panic() {
    let plan = CtgPlan::load(JsValue::from_str(ctg_core::civraisien::PLAN_JSON)).unwrap();
    for date in ["", "2024-13-01", "demain", "2024-02-30"] {
        let error = plan.evaluate(date).unwrap_err();
        assert!(error.is_instance_of::<js_sys::Error>());
        assert_eq!(get(&error, "path").as_string().unwrap(), "date");
    }
    let error = plan
        .filter(JSON::parse(r#"{"colour":"red"}"#).unwrap())
        .unwrap_err();
    assert_eq!(get(&error, "kind").as_string().unwrap(), "structure");
    assert!(CtgPlan::load(JsValue::UNDEFINED).is_err());
    assert!(CtgPlan::load(JsValue::from_f64(3.0)).is_err());
    // A circular object cannot become JSON: an error, not a panic.
    let circular = js_sys::Object::new();
    Reflect::set(&circular, &"self".into(), &circular).unwrap();
    assert!(CtgPlan::load(circular.into()).is_err());
}

#[wasm_bindgen_test]
fn vocabulary_labels_in_french_and_english() {
    let fr = ctg_wasm::vocabulary_labels(None).unwrap();
    let en = ctg_wasm::vocabulary_labels(Some("en".into())).unwrap();
    let theme = |labels: &JsValue| get(&get(labels, "theme"), "petite_enfance");
    assert_eq!(theme(&fr).as_string().unwrap(), "petite enfance");
    assert_eq!(theme(&en).as_string().unwrap(), "early childhood");
    let status = get(&fr, "status");
    assert_eq!(
        js_sys::Object::keys(&status.into()).length() as usize,
        ctg_core::vocabulary::Status::ALL.len()
    );
}

const RIGHTS_CASES: &str = include_str!("../../tests/fixtures/rights/civraisien-cases.json");

#[wasm_bindgen_test]
fn rights_results_explanations_and_next_question_agree_with_the_rust_api() {
    use ctg_core::rights::{CompiledCatalogue, Situation};
    use ctg_wasm::rights::CtgCatalogue;
    let rust = CompiledCatalogue::from_json(ctg_core::civraisien::DROITS_JSON.as_bytes()).unwrap();
    let catalogue =
        CtgCatalogue::load(JsValue::from_str(ctg_core::civraisien::DROITS_JSON)).unwrap();
    let cases: serde_json::Value = serde_json::from_str(RIGHTS_CASES).unwrap();
    let cases = cases["cases"].as_array().unwrap();
    assert!(cases.len() >= 3);
    // A sample (debug WebAssembly is slow); the CLI = JS test (ctg-wasm/tests/web) runs them all.
    let households = ["af-deux-enfants", "rsa-sans-revenu", "aspa-67-ans"];
    let sample = cases.iter().enumerate().filter(|(i, case)| {
        i % 10 == 0 || households.contains(&case["id"].as_str().unwrap_or_default())
    });
    for (_, case) in sample {
        let id = case["id"].as_str().unwrap();
        let at = case["date"].as_str().unwrap();
        let situation_text = case["situation"].to_string();
        let situation = Situation::from_json(&rust, situation_text.as_bytes()).unwrap();
        let dated = rust.at(at.parse().unwrap());
        let js_situation = JSON::parse(&situation_text).unwrap();
        let results = catalogue.evaluate(js_situation.clone(), at).unwrap();
        assert_eq!(
            stringify(&results),
            js_json(&dated.evaluate(&situation)),
            "{id}"
        );
        let explanations = catalogue.explain(js_situation.clone(), at).unwrap();
        assert_eq!(
            stringify(&explanations),
            js_json(&dated.explain_all(&situation)),
            "{id}"
        );
        let next = catalogue.next_question(js_situation, at).unwrap();
        assert_eq!(
            stringify(&next),
            js_json(&dated.next_question(&situation, &[])),
            "{id}"
        );
    }
}

#[wasm_bindgen_test]
fn a_questionnaire_answers_goes_back_and_refuses_bad_answers() {
    use ctg_core::rights::{CompiledCatalogue, Session};
    use ctg_wasm::rights::CtgCatalogue;
    let rust = CompiledCatalogue::from_json(ctg_core::civraisien::DROITS_JSON.as_bytes()).unwrap();
    let mut session = Session::new(rust.at("2025-09-01".parse().unwrap()));
    let catalogue =
        CtgCatalogue::load(JsValue::from_str(ctg_core::civraisien::DROITS_JSON)).unwrap();
    let mut questionnaire = catalogue.questionnaire("2025-09-01").unwrap();
    let first = questionnaire.next_question().unwrap();
    let reference = get(&first, "ref");
    let expected = session.next_question().unwrap();
    assert_eq!(stringify(&reference), js_json(&expected));
    // A wrong answer throws, with the Rust error, and changes nothing.
    let wrong = serde_json::json!("pas une réponse");
    let rust_error = session.clone().answer(&expected, &wrong).unwrap_err();
    let error = questionnaire
        .answer(reference.clone(), JsValue::from_str("pas une réponse"))
        .unwrap_err();
    assert_ctg_error(error, &[rust_error]);
    assert_eq!(Array::from(&questionnaire.asked().unwrap()).length(), 0);
    // The commune question takes an INSEE code; answer whatever comes first the Rust way too.
    let value = if expected.question == "commune" {
        serde_json::json!("86078")
    } else if expected.question == "nombre_adultes" || expected.question == "nombre_enfants" {
        serde_json::json!(1)
    } else {
        let question = rust.question(&expected.question).unwrap();
        match question.options.first() {
            Some(option) => serde_json::json!(option.code),
            None => serde_json::json!(0),
        }
    };
    session.answer(&expected, &value).unwrap();
    questionnaire
        .answer(reference.clone(), JSON::parse(&value.to_string()).unwrap())
        .unwrap();
    assert_eq!(Array::from(&questionnaire.asked().unwrap()).length(), 1);
    assert_eq!(
        stringify(&get(&questionnaire.next_question().unwrap(), "ref")),
        js_json(&session.next_question().unwrap())
    );
    assert_eq!(
        stringify(&questionnaire.results().unwrap()),
        js_json(&session.results())
    );
    // Back: the first question again.
    let back = questionnaire.back().unwrap();
    assert_eq!(stringify(&back), js_json(&expected));
    assert_eq!(Array::from(&questionnaire.asked().unwrap()).length(), 0);
    assert_eq!(
        stringify(&get(&questionnaire.next_question().unwrap(), "ref")),
        js_json(&expected)
    );
    // Explanations render as the CLI renders them.
    let explanations = Array::from(&questionnaire.explanations().unwrap());
    let lines = ctg_wasm::rights::render(explanations.get(0)).unwrap();
    assert!(Array::from(&lines).length() >= 1);
}

#[wasm_bindgen_test]
fn invalid_catalogues_and_situations_throw_errors_with_paths() {
    use ctg_core::rights::CompiledCatalogue;
    use ctg_wasm::rights::CtgCatalogue;
    let text = r#"{"format":"ctg-droits/1","id":"x","title":"X","benefits":[{"id":"b","name":"B","institution":"caf","category":"famille","summary":"S","condition":{"fact":"inconnue"}}]}"#;
    let expected = CompiledCatalogue::from_json(text.as_bytes()).unwrap_err();
    let error = match CtgCatalogue::load(JsValue::from_str(text)) {
        Ok(_) => panic!("the catalogue should not load"),
        Err(error) => error,
    };
    assert_ctg_error(error, expected.errors());
    let catalogue =
        CtgCatalogue::load(JsValue::from_str(ctg_core::civraisien::DROITS_JSON)).unwrap();
    let error = catalogue
        .evaluate(
            JSON::parse(r#"{"answers":{"loyer":"cher"}}"#).unwrap(),
            "2025-09-01",
        )
        .unwrap_err();
    assert!(get(&error, "path").as_string().unwrap().contains("loyer"));
    assert!(catalogue
        .evaluate(JSON::parse("{}").unwrap(), "2025-02-30")
        .is_err());
}
