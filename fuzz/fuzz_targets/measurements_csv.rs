//! The CSV checks of `ctg import-measurements` (`ctg_cli::evaluate_cmd::check_measurements_csv`)
//! on arbitrary text, against the embedded Civraisien plan.
#![no_main]

use ctg_core::Plan;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(ctg_core::civraisien::plan)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = ctg_cli::evaluate_cmd::check_measurements_csv(plan(), text);
});
