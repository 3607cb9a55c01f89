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
