//! # ctg-wasm
//!
//! WebAssembly bindings of [`ctg_core`], for the `<ctg-plan>` and `<ctg-droits>` widgets and
//! any JavaScript host. The layer has no logic of its own: every exported function reads its
//! arguments, calls one `ctg-core` function and converts the result.
//!
//! - Values cross the boundary as JSON: an argument may be a JSON string or a plain JS
//!   object (serialized with `JSON.stringify`), and results are plain JS objects (built with
//!   `JSON.parse`). Going through `serde_json` in both directions keeps the `.wasm` small
//!   (one serializer for the whole crate) and makes the errors exactly those of the CLI.
//! - Every failure becomes a JS `Error` whose `kind`, `path` and `message` are those of the
//!   first [`ctg_core::ValidationError`], with `errors` holding all of them (see [`into_error`]).
//!   No function panics on user data.
//!
//! The TypeScript declarations of the data types are in `ctg-wasm/js/ctg-types.d.ts`.

use ctg_core::validation::{ErrorKind, ValidationError, ValidationErrors};
use ctg_core::Plan;
use wasm_bindgen::prelude::*;

pub mod convert;
pub mod js;
pub mod rights;

pub use convert::into_error;

/// The allocator of the `.wasm`: Talc, which takes memory from WebAssembly as it needs it, in
/// place of the standard library's dlmalloc (smaller and not slower, measured in
/// BENCHMARKS.md, « Taille du widget »).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
use convert::{argument_text, found_node, to_js, NodeSummary};

/// The version of the `ctg-core` library built into this module.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// A plan read and validated once, kept on the WebAssembly side so that queries do not
/// convert it again.
#[wasm_bindgen(js_name = CtgPlan)]
pub struct CtgPlan {
    plan: Plan,
    /// The document as the host gave it: `data()` and `find()` hand back parts of it, parsed
    /// by `JSON.parse`, rather than serializing the plan's types again (which would add their
    /// serializers to the `.wasm`, see BENCHMARKS.md, « Taille du widget »).
    document: convert::Document,
}

#[wasm_bindgen(js_class = CtgPlan)]
impl CtgPlan {
    /// Reads and validates a plan given as JSON text or as a plain object
    /// ([`Plan::from_json`]). Throws a `CtgError` listing every problem.
    #[wasm_bindgen(js_name = load)]
    pub fn load(
        #[wasm_bindgen(unchecked_param_type = "string | PlanData")] input: JsValue,
    ) -> Result<CtgPlan, JsValue> {
        let text = argument_text(&input, "$")?;
        let plan = Plan::from_json(&text).map_err(into_error)?;
        let document = convert::Document::new(text);
        Ok(CtgPlan { plan, document })
    }

    /// The plan as a plain object, as it was given (it is valid).
    #[wasm_bindgen(js_name = data, unchecked_return_type = "PlanData")]
    pub fn data(&self) -> Result<JsValue, JsValue> {
        self.document.parse("")
    }

    /// Every node of the tree, depth first, in the order of the file ([`Plan::walk`]).
    #[wasm_bindgen(js_name = walk, unchecked_return_type = "NodeSummary[]")]
    pub fn walk(&self) -> Result<JsValue, JsValue> {
        let nodes: Vec<NodeSummary> = self
            .plan
            .walk()
            .map(|(_, node)| NodeSummary::new(&node))
            .collect();
        to_js(&nodes)
    }

    /// The node with this id, at any level, with its data; `null` when there is none
    /// ([`Plan::find`]).
    #[wasm_bindgen(js_name = find, unchecked_return_type = "FoundNode | null")]
    pub fn find(&self, id: &str) -> Result<JsValue, JsValue> {
        match self.plan.find(id) {
            Some(node) => {
                let data = self
                    .document
                    .parse(&self.plan.pointer(id).unwrap_or_default())?;
                found_node(&node, data)
            }
            None => Ok(JsValue::NULL),
        }
    }

    /// The ancestors of the node with this id, from its axis down to its parent; `null` when
    /// no node has this id ([`Plan::ancestors`]).
    #[wasm_bindgen(js_name = ancestors, unchecked_return_type = "NodeSummary[] | null")]
    pub fn ancestors(&self, id: &str) -> Result<JsValue, JsValue> {
        match self.plan.ancestors(id) {
            Some(nodes) => {
                let nodes: Vec<NodeSummary> = nodes.iter().map(NodeSummary::new).collect();
                to_js(&nodes)
            }
            None => Ok(JsValue::NULL),
        }
    }

    /// The nodes that match every criterion of the filter, in the order of the walk
    /// ([`Plan::filter`], [`ctg_core::query::Filter`]).
    #[wasm_bindgen(js_name = filter, unchecked_return_type = "NodeSummary[]")]
    pub fn filter(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PlanFilter")] filter: JsValue,
    ) -> Result<JsValue, JsValue> {
        let filter: convert::FilterInput = read(&filter, "filter")?;
        let filter = filter.into_core();
        self.summaries(&filter)
    }

    /// The nodes whose texts contain `text`, ignoring case, accents and ligatures
    /// ([`Plan::filter`] with only [`ctg_core::query::Filter::text`]).
    #[wasm_bindgen(js_name = search, unchecked_return_type = "NodeSummary[]")]
    pub fn search(&self, text: &str) -> Result<JsValue, JsValue> {
        let filter = ctg_core::query::Filter {
            text: Some(text.to_owned()),
            ..Default::default()
        };
        self.summaries(&filter)
    }

    /// The evaluation of the plan at a date (`"YYYY-MM-DD"`): progress, expected progress
    /// and status of every indicator, node and the plan ([`ctg_core::evaluation::evaluate`]).
    #[wasm_bindgen(js_name = evaluate, unchecked_return_type = "Evaluation")]
    pub fn evaluate(&self, date: &str) -> Result<JsValue, JsValue> {
        let at = convert::date(date, "date")?;
        to_js(&ctg_core::evaluation::evaluate(&self.plan, at))
    }
}

impl CtgPlan {
    fn summaries(&self, filter: &ctg_core::query::Filter) -> Result<JsValue, JsValue> {
        let nodes: Vec<NodeSummary> = self
            .plan
            .filter(filter)
            .iter()
            .map(NodeSummary::new)
            .collect();
        to_js(&nodes)
    }
}

/// Reads a JSON argument into a core type, with the errors of the core.
pub(crate) fn read<T: ctg_core::validation::FromJson>(
    input: &JsValue,
    path: &str,
) -> Result<T, JsValue> {
    let text = argument_text(input, path)?;
    ctg_core::validation::from_json_slice(text.as_bytes()).map_err(into_error)
}

/// An error about an argument given by the host page (not about a file).
pub(crate) fn argument_error(path: &str, message: impl Into<String>) -> JsValue {
    into_error(ValidationErrors::from(ValidationError::new(
        ErrorKind::Structure,
        path,
        message,
    )))
}

/// The labels of every closed vocabulary of `ctg-core`, in French (`"fr"`, the default) or
/// English (`"en"`): `{ theme: { petite_enfance: "petite enfance", … }, public: …, status: … }`,
/// each in the documented order.
#[wasm_bindgen(js_name = vocabularyLabels, unchecked_return_type = "VocabularyLabels")]
pub fn vocabulary_labels(lang: Option<String>) -> Result<JsValue, JsValue> {
    use ctg_core::vocabulary::*;
    // The vocabularies' tables as data: one loop, no code per vocabulary.
    type Labels = &'static [(&'static str, &'static str, &'static str)];
    const VOCABULARIES: [(&str, Labels); 10] = [
        ("theme", Theme::LABELS),
        ("public", Public::LABELS),
        ("status", Status::LABELS),
        ("action_status", ActionStatus::LABELS),
        ("role", Role::LABELS),
        ("partner_kind", PartnerKind::LABELS),
        ("indicator_kind", IndicatorKind::LABELS),
        ("direction", Direction::LABELS),
        ("reference_level", ReferenceLevel::LABELS),
        ("plan_kind", PlanKind::LABELS),
    ];
    let english = lang.as_deref() == Some("en");
    let all = js::Object::new();
    for (key, entries) in VOCABULARIES {
        let labels = js::Object::new();
        for &(code, fr, en) in entries {
            let label = if english { en } else { fr };
            js::reflect_set(&labels, &JsValue::from_str(code), &JsValue::from_str(label))?;
        }
        js::reflect_set(&all, &JsValue::from_str(key), &labels)?;
    }
    Ok(all.into())
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
import type {
  PlanData, NodeSummary, FoundNode, PlanFilter, Evaluation, VocabularyLabels,
  CatalogueData, SituationData, BenefitResult, Explanation, QuestionRef, QuestionView, AnswerView,
} from '../ctg-types';
export type * from '../ctg-types';
"#;
