//! The place where the checks of the evaluation rules plug in (issue 3).
//!
//! [`check`] runs after every check of the plan's structure, with the ids registered: it
//! reports, with [`ErrorKind::InvalidRule`](super::ErrorKind) and their JSON paths, the
//! problems found by [`crate::evaluation::validate_rules`] on `plan.evaluation` and by
//! [`crate::evaluation::validate_indicator_rules`] on every indicator.

use super::context::Validator;
use crate::evaluation::{validate_indicator_rules, validate_rules};

/// Checks the consistency of the evaluation rules of the plan and of its indicators.
pub(super) fn check(v: &mut Validator<'_>) {
    let mut errors = validate_rules(&v.plan().evaluation, "$.evaluation");
    for (path, indicator) in v.indicators() {
        errors.extend(validate_indicator_rules(indicator, path));
    }
    for error in errors {
        v.push(error.kind, error.path, error.message);
    }
}
