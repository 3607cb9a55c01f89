//! Reading JSON text as a `serde_json::Value`: ctg's reader (`ctg_core::json::parse`, used by
//! the CLI and the widget) against `serde_json::from_slice`, which it replaces, on the embedded
//! Civraisien plan. Run with `cargo bench -p ctg-core --bench json`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn civraisien(c: &mut Criterion) {
    let text = ctg_core::civraisien::PLAN_JSON;
    c.bench_function("json/civraisien/ctg", |b| {
        b.iter(|| ctg_core::json::parse(black_box(text)))
    });
    c.bench_function("json/civraisien/serde_json", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(text.as_bytes())))
    });
}

criterion_group!(benches, civraisien);
criterion_main!(benches);
