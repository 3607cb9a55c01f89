//! Evaluates the embedded Civraisien en Poitou CTG at the end of 2021 and prints, for each
//! axis, its progress, expected progress and status. The plan's indicators carry
//! illustrative targets and measurements (see the plan's `notes`).
//!
//! Run with `cargo run --example evaluate_plan`.

use chrono::NaiveDate;
use ctg_core::evaluation::{evaluate, Level};

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{:.0} %", v * 100.0))
}

fn main() {
    let plan = ctg_core::civraisien::plan();
    let Some(at) = NaiveDate::from_ymd_opt(2021, 12, 31) else {
        return;
    };
    let evaluation = evaluate(&plan, at);
    println!(
        "Évaluation au {at} (données illustratives : {})",
        evaluation.illustrative
    );
    for axis in evaluation.level(Level::Axe) {
        println!(
            "{:<70} avancement {:>5}  attendu {:>5}  {}",
            axis.title,
            percent(axis.progress),
            percent(axis.expected),
            axis.status.as_ref().map_or("—", |s| s.label_fr())
        );
    }
}
