//! The Convention Territoriale Globale of the Communauté de Communes du Civraisien en Poitou,
//! signed on 1 July 2019, embedded as the default dataset.

/// The JSON text of the embedded plan (`examples/civraisien/plan.json`).
pub const PLAN_JSON: &str = include_str!("../../examples/civraisien/plan.json");
