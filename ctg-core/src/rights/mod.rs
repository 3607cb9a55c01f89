//! The access-to-rights engine: a catalogue of benefits and local services with dated,
//! declarative eligibility rules, evaluated on partial answers.
//!
//! - [`catalogue`]: the catalogue format `ctg-droits/1` (documented in `docs/rights-format.md`);
//! - [`expr`]: the expression language of the rules.

pub mod catalogue;
pub mod expr;

pub use catalogue::{Benefit, Catalogue, Parameter, Place, Question, Rule};
