//! The Convention Territoriale Globale of the Communauté de Communes du Civraisien en Poitou,
//! signed on 1 July 2019, embedded as the default dataset.
//!
//! The file is `examples/civraisien/plan.json`; its contents come from the booklet handed out at
//! the signature (5 axes, 13 objectifs stratégiques, 86 objectifs spécifiques, the diagnostic)
//! and from `@etalab/decoupage-administratif` 6.0.0 for the 35 communes. Its `notes` say how the
//! booklet was read.

use crate::plan::Plan;

/// The JSON text of the embedded plan (`examples/civraisien/plan.json`).
pub const PLAN_JSON: &str = include_str!("../../examples/civraisien/plan.json");

/// The embedded Civraisien en Poitou plan, parsed.
///
/// ```
/// let plan = ctg_core::civraisien::plan();
/// assert_eq!(plan.axes.len(), 5);
/// assert_eq!(plan.territory.communes.len(), 35);
/// ```
///
/// # Panics
///
/// Never in practice: the embedded file is fixed at compile time and the test suite checks
/// that it parses and validates.
pub fn plan() -> Plan {
    serde_json::from_str(PLAN_JSON)
        .expect("the embedded Civraisien plan is valid (checked by tests)")
}
