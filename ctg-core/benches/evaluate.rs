//! Parse + validate + evaluate a department-scale synthetic plan (10,000 actions, 2,000
//! indicators, 200,000 measurements), against bare `serde_json` parsing of the same text.
//!
//! `cargo bench -p ctg-core --bench evaluate` (figures in BENCHMARKS.md).

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use ctg_core::evaluation::evaluate;
use ctg_core::Plan;
use std::hint::black_box;
use std::time::Duration;

#[allow(dead_code)]
mod synthetic;

fn department(c: &mut Criterion) {
    let text = synthetic::plan_json(synthetic::Size::DEPARTMENT);
    let at = NaiveDate::from_ymd_opt(2025, 6, 30).expect("a date");
    let plan = Plan::from_json(&text).expect("the synthetic plan is valid");
    let evaluation = evaluate(&plan, at);
    eprintln!(
        "synthetic plan: {} bytes, {} nodes, {} indicators",
        text.len(),
        evaluation.nodes.len(),
        evaluation.indicators.len()
    );
    let mut group = c.benchmark_group("departement");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("serde_json_value_parse", |b| {
        b.iter(|| {
            serde_json::from_str::<serde_json::Value>(black_box(&text)).map(|v| v.is_object())
        })
    });
    group.bench_function("parse_validate_evaluate", |b| {
        b.iter(|| {
            let plan = Plan::from_json(black_box(&text)).expect("valid");
            evaluate(&plan, at).plan.progress
        })
    });
    group.bench_function("parse_validate", |b| {
        b.iter(|| Plan::from_json(black_box(&text)).map(|p| p.axes.len()))
    });
    group.bench_function("evaluate_only", |b| {
        b.iter(|| evaluate(black_box(&plan), at).plan.progress)
    });
    group.finish();
}

criterion_group!(benches, department);
criterion_main!(benches);
