//! The place where the checks of the evaluation rules plug in (issue 3).
//!
//! [`check`] runs after every check of the plan's structure, with the ids registered: use
//! [`Validator::plan`] for `plan.evaluation`, [`Validator::indicators`] for every indicator
//! with its JSON path, and [`Validator::push`] with [`ErrorKind::InvalidRule`](super::ErrorKind)
//! to report an inconsistent rule.

use super::context::Validator;

/// Checks the consistency of the evaluation rules of the plan and of its indicators.
pub(super) fn check(v: &mut Validator<'_>) {
    let _ = v;
}
