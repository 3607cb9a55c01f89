//! The JSON Schema kept in `docs/plan.schema.json` is the one generated from the types.

#[test]
fn the_committed_schema_is_up_to_date() {
    let path = ctg_examples::repo_path("docs/plan.schema.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = ctg_core::validation::plan_schema_json();
    assert!(
        committed == generated,
        "{} is stale: regenerate it with `cargo run -q -p ctg-cli -- schema > docs/plan.schema.json`",
        path.display()
    );
}

#[test]
fn the_schema_describes_the_plan_and_its_vocabularies() {
    let schema = ctg_core::validation::plan_schema();
    let required = schema["required"].as_array().unwrap();
    for field in ["format", "id", "title", "territory", "period"] {
        assert!(required.iter().any(|f| f == field), "{field}");
    }
    assert_eq!(schema["additionalProperties"], false);
    let themes = &schema["$defs"]["Theme"]["enum"];
    assert!(themes
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t == "petite_enfance"));
}

#[test]
fn the_format_documentation_names_every_field_and_code() {
    // The evaluation rules are documented in docs/evaluation.md.
    let read = |file: &str| std::fs::read_to_string(ctg_examples::repo_path(file)).unwrap();
    let doc = read("docs/plan-format.md") + &read("docs/evaluation.md");
    let schema = ctg_core::validation::plan_schema();
    let mut missing = Vec::new();
    let definitions = schema["$defs"].as_object().unwrap().values();
    for definition in definitions.chain([&schema]) {
        let names = definition["properties"]
            .as_object()
            .into_iter()
            .flat_map(|p| p.keys());
        let codes = definition["enum"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c.as_str());
        for name in names.map(String::as_str).chain(codes) {
            if !doc.contains(&format!("`{name}`")) {
                missing.push(name.to_owned());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/plan-format.md (or evaluation.md) does not mention: {missing:?}"
    );
}
