//! The access-to-rights engine: a catalogue of benefits and local services with dated,
//! declarative eligibility rules, evaluated on partial answers.
//!
//! - [`catalogue`]: the catalogue format `ctg-droits/1` (documented in `docs/rights-format.md`);
//! - [`expr`]: the expression language of the rules;
//! - [`compile`]: resolution, type checks, cycles, depth → [`CompiledCatalogue`];
//! - [`situation`]: answers and household members → [`Situation`];
//! - [`evaluate`]: three-valued evaluation at a date → [`DatedCatalogue`];
//! - [`batch`]: the same evaluation over many households at once, column by column;
//! - [`households`]: many households as columns → [`HouseholdBatch`], the input of [`batch`];
//! - [`verdict`]: results and their explanations in French;
//! - [`next_question`]: the next question and a questionnaire [`Session`].
//!
//! ```
//! use ctg_core::rights::{CompiledCatalogue, Situation, Status};
//! let json = r#"{"format": "ctg-droits/1", "id": "demo", "title": "Démo",
//!   "questions": [{"id": "loyer", "label": "Votre loyer ?", "type": "montant_mensuel"}],
//!   "parameters": [{"id": "plafond", "label": "plafond de loyer", "unit": "euro_par_mois",
//!     "values": [{"from": "2025-01-01", "value": 600, "reference": "illustratif"}]}],
//!   "benefits": [{"id": "aide", "name": "Aide au loyer", "institution": "ccas",
//!     "category": "logement", "summary": "Une aide pour les petits loyers.",
//!     "condition": {"<=": [{"fact": "loyer"}, {"param": "plafond"}]}}]}"#;
//! let catalogue = CompiledCatalogue::from_json(json.as_bytes()).unwrap();
//! let situation = Situation::from_json(&catalogue, br#"{"answers": {"loyer": 450}}"#).unwrap();
//! let at = catalogue.at(chrono::NaiveDate::from_ymd_opt(2025, 9, 1).unwrap());
//! assert_eq!(at.evaluate(&situation)[0].status, Status::Eligible);
//! // Before the parameter exists, the benefit is not applicable.
//! let before = catalogue.at(chrono::NaiveDate::from_ymd_opt(2024, 9, 1).unwrap());
//! assert_eq!(before.evaluate(&situation)[0].status, Status::NotApplicable);
//! ```

pub mod batch;
pub mod catalogue;
pub mod compile;
pub mod evaluate;
pub mod expr;
pub mod households;
pub mod next_question;
pub mod situation;
pub mod verdict;

pub use batch::BatchScratch;
pub use catalogue::{Benefit, Catalogue, Parameter, Place, Question, Rule};
pub use compile::{compile, CompiledCatalogue};
pub use evaluate::{DatedCatalogue, Scratch};
pub use households::HouseholdBatch;
pub use next_question::{QuestionView, Session, SessionState};
pub use situation::{MemberInput, QuestionRef, Situation, SituationInput};
pub use verdict::{render_explanation, BenefitResult, Explanation, ExplanationNode, Status};
