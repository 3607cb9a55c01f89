//! # ctg-core
//!
//! The model of a *Convention Territoriale Globale* (CTG) — the multi-year social project a
//! community of communes signs with the CAF and the MSA — and an access-to-rights engine.
//!
//! The crate is pure: no I/O, no clock, no randomness. "Today" is always a parameter.
//!
//! - [`plan`]: the plan tree (axes → objectives → fiches actions), its partners and territory;
//! - [`diagnostic`]: the territorial figures and findings;
//! - [`indicator`] and [`evaluation`]: follow-up indicators and their evaluation at a date;
//! - [`validation`]: errors as data, each with its JSON path;
//! - [`query`]: walk the tree, find by id, ancestors, filters, French text search;
//! - [`civraisien`]: the embedded Civraisien en Poitou CTG (signed 1 July 2019).

pub mod civraisien;
pub mod diagnostic;
pub mod evaluation;
pub mod indicator;
pub mod json;
pub mod limits;
pub mod number;
pub mod plan;
pub mod query;
pub mod rights;
pub mod territory;
pub mod validation;
pub mod vocabulary;

pub use plan::Plan;
pub use validation::{ErrorKind, ValidationError, ValidationErrors};
