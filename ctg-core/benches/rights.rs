//! Benchmarks of the access-to-rights engine on the Civraisien catalogue
//! (`examples/civraisien/droits.json`, embedded as `ctg_core::civraisien::DROITS_JSON`).
//!
//! `cargo bench -p ctg-core --bench rights` — figures in BENCHMARKS.md.

use chrono::NaiveDate;
use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use ctg_core::rights::catalogue::{QuestionType, Scope};
use ctg_core::rights::{CompiledCatalogue, HouseholdBatch, Situation, SituationInput, Status};
use serde_json::{json, Map, Value};
use std::hint::black_box;
use std::time::Duration;

/// A small deterministic generator (xorshift64*), so that every run sees the same households.
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

/// A complete synthetic household: every catalogue question answered, 1–2 adults, 0–4 children.
fn household(cat: &CompiledCatalogue, rng: &mut Rng) -> Situation {
    let answer = |q: &ctg_core::rights::Question, rng: &mut Rng| -> Value {
        match q.kind {
            QuestionType::OuiNon => json!(rng.below(4) == 0),
            QuestionType::Entier => {
                let lo = q.min.unwrap_or(0.0) as u64;
                let hi = q.max.unwrap_or(100.0) as u64;
                json!(lo + rng.below(hi.saturating_sub(lo) + 1))
            }
            QuestionType::MontantMensuel => json!(if rng.below(3) == 0 {
                0
            } else {
                rng.below(3000)
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
                json!(["86078", "86001", "86114", "86194"][rng.below(4) as usize])
            }
        }
    };
    let questions = &cat.catalogue().questions;
    let mut answers = Map::new();
    for q in questions.iter().filter(|q| q.scope == Scope::Foyer) {
        answers.insert(q.id.clone(), answer(q, rng));
    }
    let adults = 1 + rng.below(2);
    let children = rng.below(5);
    let mut members = Vec::new();
    for i in 0..adults + children {
        let adult = i < adults;
        let mut facts = Map::new();
        for q in questions.iter().filter(|q| q.scope == Scope::Membre) {
            facts.insert(q.id.clone(), answer(q, rng));
        }
        let age = if adult {
            18 + rng.below(70)
        } else {
            rng.below(22)
        };
        members.push(
            json!({"role": if adult { "adulte" } else { "enfant" }, "age": age, "facts": facts}),
        );
    }
    let input: SituationInput =
        serde_json::from_value(json!({"answers": answers, "members": members})).unwrap();
    Situation::from_input(cat, &input).unwrap()
}

/// CPU time (user + system) of the current thread, from `/proc/thread-self/stat` (Linux;
/// clock ticks of 10 ms). Zero elsewhere.
fn thread_cpu_time() -> Duration {
    let Ok(stat) = std::fs::read_to_string("/proc/thread-self/stat") else {
        return Duration::ZERO;
    };
    // Fields after the command name (which is in parentheses): utime is the 14th field.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 = fields.get(11).and_then(|f| f.parse().ok()).unwrap_or(0)
        + fields
            .get(12)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn bench(c: &mut Criterion) {
    let cat = CompiledCatalogue::from_json(ctg_core::civraisien::DROITS_JSON.as_bytes()).unwrap();
    let at = cat.at(NaiveDate::from_ymd_opt(2025, 9, 1).unwrap());
    let n = cat.catalogue().benefits.len();
    let mut rng = Rng(0x5eed_ca7a_1095_u64);
    // A pool of distinct households, cycled through (1,000,000 situations would not fit the
    // benchmark machine's memory share); each evaluation is independent.
    let pool: Vec<Situation> = (0..4096).map(|_| household(&cat, &mut rng)).collect();
    let mut scratch = at.scratch();
    let mut out = vec![Status::Undetermined; n];

    let mut group = c.benchmark_group("rights");
    group.throughput(Throughput::Elements(1));
    group.bench_function("one complete household, whole catalogue", |b| {
        b.iter(|| {
            at.statuses(black_box(&pool[0]), &mut scratch, &mut out);
            black_box(&out);
        })
    });
    group.bench_function("one complete household, evaluate with missing sets", |b| {
        b.iter(|| black_box(at.evaluate(black_box(&pool[0]))))
    });
    group.bench_function("one household, explain every benefit", |b| {
        b.iter(|| black_box(at.explain_all(black_box(&pool[0]))))
    });
    let empty = Situation::empty(&cat);
    group.bench_function("next question on an empty situation", |b| {
        b.iter(|| black_box(at.next_question(black_box(&empty), &[])))
    });
    // What each call of the widget's questionnaire (`CtgQuestionnaire`) pays to take its
    // session up again: the parameters folded at the date.
    group.bench_function("the catalogue at a date", |b| {
        let date = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
        b.iter(|| black_box(cat.at(black_box(date))).date())
    });
    group.bench_function("compile the catalogue", |b| {
        b.iter(|| {
            black_box(
                CompiledCatalogue::from_json(black_box(
                    ctg_core::civraisien::DROITS_JSON.as_bytes(),
                ))
                .is_ok(),
            )
        })
    });
    group.finish();

    let mut group = c.benchmark_group("rights batch");
    group.sample_size(10);
    group.throughput(Throughput::Elements(BATCH as u64));
    let eligible =
        |statuses: &[Status]| statuses.iter().filter(|s| **s == Status::Eligible).count() as u64;
    in_cpu_time(
        &mut group,
        "1,000,000 synthetic households, whole catalogue (thread CPU time)",
        || {
            million(1, |i, _| {
                at.statuses(&pool[i % pool.len()], &mut scratch, &mut out);
                eligible(&out)
            })
        },
    );
    // The vectorized path: the same million households, LANES at a time.
    let mut batch_scratch = at.batch_scratch();
    let mut batch_out = vec![Status::Undetermined; pool.len() * n];
    in_cpu_time(
        &mut group,
        "1,000,000 synthetic households, whole catalogue, statuses_batch (thread CPU time)",
        || {
            million(pool.len(), |_, take| {
                at.statuses_batch(&pool[..take], &mut batch_scratch, &mut batch_out);
                eligible(&batch_out[..take * n])
            })
        },
    );
    // The same households as columns (`HouseholdBatch`, filled once, as a reader of an
    // allocataire file would fill it), evaluated 1,000,000 times in all.
    let columns = |households: &[Situation]| {
        let mut batch = HouseholdBatch::new(&cat);
        households.iter().for_each(|s| batch.push(s));
        batch
    };
    let (whole, rest) = (columns(&pool), columns(&pool[..BATCH % pool.len()]));
    in_cpu_time(
        &mut group,
        "1,000,000 synthetic households, whole catalogue, statuses_households (thread CPU time)",
        || {
            million(pool.len(), |_, take| {
                let households = if take == pool.len() { &whole } else { &rest };
                at.statuses_households(households, &mut batch_scratch, &mut batch_out);
                eligible(&batch_out[..take * n])
            })
        },
    );
    group.finish();
}

/// The number of households of the batch benchmarks.
const BATCH: usize = 1_000_000;

/// Evaluates [`BATCH`] households by pieces of `piece`: `evaluate(start, size)` evaluates one
/// piece and returns its number of eligible statuses; returns the total.
fn million(piece: usize, mut evaluate: impl FnMut(usize, usize) -> u64) -> u64 {
    let (mut eligible, mut done) = (0u64, 0usize);
    while done < BATCH {
        let take = piece.min(BATCH - done);
        eligible += evaluate(done, take);
        done += take;
    }
    black_box(eligible)
}

/// Benchmarks `run` in CPU time of this thread: the machine is shared, and that time measures
/// the cost per core whatever the load (resolution 10 ms, on runs of several seconds).
fn in_cpu_time(group: &mut BenchmarkGroup<'_, WallTime>, name: &str, mut run: impl FnMut() -> u64) {
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let start = thread_cpu_time();
            for _ in 0..iters {
                run();
            }
            thread_cpu_time().saturating_sub(start)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
