//! Arbitrary bytes → `Plan::from_slice` (parse + validate) → if valid, evaluation at a date
//! derived from the input, and every report format.
#![no_main]

use chrono::{Days, NaiveDate};
use ctg_core::evaluation::{evaluate, report};
use ctg_core::Plan;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(plan) = Plan::from_slice(data) else {
        return;
    };
    // A date between 2000-01-01 and about 2055, from the bytes.
    let days = data
        .iter()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(*b)))
        % 20_000;
    let Some(at) = NaiveDate::from_ymd_opt(2000, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(u64::from(days))))
    else {
        return;
    };
    let evaluation = evaluate(&plan, at);
    let _ = report::json(&evaluation, None);
    let _ = report::csv(&evaluation);
    let _ = report::markdown(&evaluation, None);
    let _ = report::html(&evaluation, None);
    let _ = plan.to_json();
});
