//! Reading numbers: [`ctg_core::number::parse_f64`] (the widget's small exact reader) against
//! the standard library's `str::parse::<f64>` and serde_json's reader, on the numbers of plans
//! (amounts, rates, years: the fast path) and on numbers that need the exact big-integer path.
//!
//! `cargo bench -p ctg-core --bench number` — figures in BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ctg_core::number::parse_f64;
use std::hint::black_box;
use std::time::Duration;

/// Numbers as plans write them (illustrative: amounts in euros, rates, years, counts).
const TYPICAL: [&str; 12] = [
    "1200.50", "0.05", "2026", "15000", "-3.5", "0.275", "48.6", "100", "1", "0", "12345.67",
    "2.5e3",
];

/// Numbers off the fast path: 17 significant digits, a subnormal, the largest double, a
/// halfway point written with 40 digits.
const HARD: [(&str, &str); 4] = [
    ("17 digits", "0.30000000000000004"),
    ("subnormal", "4.9406564584124654e-324"),
    ("largest", "1.7976931348623157e308"),
    ("40 digits", "9007199254740993.000000000000000000000001"),
];

fn typical(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse typical numbers (12)");
    group.throughput(Throughput::Elements(TYPICAL.len() as u64));
    group.bench_function("ctg parse_f64", |b| {
        b.iter(|| {
            for text in TYPICAL {
                black_box(parse_f64(black_box(text)));
            }
        })
    });
    group.bench_function("std str::parse", |b| {
        b.iter(|| {
            for text in TYPICAL {
                black_box(black_box(text).parse::<f64>().ok());
            }
        })
    });
    group.bench_function("serde_json from_str", |b| {
        b.iter(|| {
            for text in TYPICAL {
                black_box(serde_json::from_str::<f64>(black_box(text)).ok());
            }
        })
    });
    group.finish();
}

fn hard(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse hard numbers");
    for (name, text) in HARD {
        group.bench_function(format!("ctg parse_f64 {name}"), |b| {
            b.iter(|| parse_f64(black_box(text)))
        });
        group.bench_function(format!("std str::parse {name}"), |b| {
            b.iter(|| black_box(text).parse::<f64>().ok())
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = typical, hard
}
criterion_main!(benches);
