//! Reading, validating and querying plans: the embedded Civraisien plan and a generated
//! plan of about 5 MB. Run with `cargo bench -p ctg-core --bench plan`.

use criterion::{criterion_group, criterion_main, Criterion};
use ctg_core::query::{normalize, Filter};
use ctg_core::Plan;
use std::hint::black_box;

/// A valid plan of about `target` bytes: axes of 10 × 10 objectives with one action each.
fn big_plan(target: usize) -> String {
    let mut text = String::from(
        r#"{"format": "ctg-plan/1", "id": "p", "title": "T", "territory": {},
  "period": { "start": "2019-01-01", "end": "2022-12-31" },
  "partners": [{"id": "caf", "name": "CAF", "kind": "caf"}], "axes": ["#,
    );
    let mut a = 0;
    while text.len() < target {
        let sep = if a > 0 { "," } else { "" };
        text.push_str(&format!(
            "{sep}{{\"id\": \"a{a}\", \"title\": \"Axe {a}\", \"strategic_objectives\": ["
        ));
        for s in 0..10 {
            let sep = if s > 0 { "," } else { "" };
            text.push_str(&format!("{sep}{{\"id\": \"a{a}-s{s}\", \"title\": \"Objectif {s}\", \"specific_objectives\": ["));
            for o in 0..10 {
                let sep = if o > 0 { "," } else { "" };
                text.push_str(&format!(
                    "{sep}{{\"id\": \"a{a}-s{s}-o{o}\", \"title\": \"Ouvrir une crèche {o}\", \
                     \"due\": {{\"date\": \"2021-06-30\"}}, \"actions\": [{{\"id\": \"a{a}-s{s}-o{o}-x\", \
                     \"title\": \"Action\", \"lead\": \"caf\", \"themes\": [\"petite_enfance\"], \
                     \"budget\": [{{\"year\": 2020, \"amount\": 1000.5, \"funder\": \"caf\"}}]}}]}}"
                ));
            }
            text.push_str("]}");
        }
        text.push_str("]}");
        a += 1;
    }
    text.push_str("]}\n");
    text
}

fn civraisien(c: &mut Criterion) {
    let text = ctg_core::civraisien::PLAN_JSON;
    let plan = Plan::from_json(text).expect("the embedded plan is valid");
    c.bench_function("civraisien/read_and_validate", |b| {
        b.iter(|| Plan::from_json(black_box(text)))
    });
    c.bench_function("civraisien/validate", |b| {
        b.iter(|| black_box(&plan).validate())
    });
    c.bench_function("civraisien/to_json", |b| {
        b.iter(|| black_box(&plan).to_json())
    });
    let search = Filter {
        text: Some("isolement".into()),
        ..Filter::default()
    };
    c.bench_function("civraisien/text_search", |b| {
        b.iter(|| black_box(&plan).filter(&search).len())
    });
    c.bench_function("normalize/title", |b| {
        b.iter(|| {
            normalize(black_box(
                "Développer l’accès aux droits des familles monoparentales",
            ))
        })
    });
}

fn big(c: &mut Criterion) {
    let text = big_plan(5 * 1024 * 1024);
    let plan = Plan::from_json(&text).expect("the generated plan is valid");
    let mut group = c.benchmark_group("plan_5mb");
    group.sample_size(10);
    group.bench_function("read_and_validate", |b| {
        b.iter(|| Plan::from_json(black_box(&text)))
    });
    group.bench_function("validate", |b| b.iter(|| black_box(&plan).validate()));
    group.finish();
}

criterion_group!(benches, civraisien, big);
criterion_main!(benches);
