//! The synthetic plans of the benchmark (`ctg-core/benches/synthetic.rs`) are valid plans
//! that the evaluation reads in full, so the benchmark measures the real path.

#[allow(dead_code)]
#[path = "../ctg-core/benches/synthetic.rs"]
mod synthetic;

#[test]
fn synthetic_plan_is_valid_and_evaluates() {
    let size = synthetic::Size {
        axes: 2,
        per: 3,
        indicators_per_objective: 2,
        measurements_per_indicator: 30,
    };
    let text = synthetic::plan_json(size);
    let plan = match ctg_core::Plan::from_json(&text) {
        Ok(plan) => plan,
        Err(errors) => panic!("{:#?}", &errors.errors()[..errors.errors().len().min(5)]),
    };
    let at = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let evaluation = ctg_core::evaluation::evaluate(&plan, at);
    assert_eq!(evaluation.indicators.len(), 2 * 3 * 3 * 2);
    assert_eq!(
        evaluation
            .level(ctg_core::evaluation::Level::Action)
            .count(),
        2 * 27
    );
    assert!(evaluation.indicators.iter().all(|i| i.progress.is_some()));
    assert!(evaluation.plan.progress.is_some());
}
