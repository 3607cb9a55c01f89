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
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

pub mod convert;

pub use convert::into_error;
use convert::{argument_text, to_js};

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
}

#[wasm_bindgen(js_class = CtgPlan)]
impl CtgPlan {
    /// Reads and validates a plan given as JSON text or as a plain object.
    /// Throws a `CtgError` listing every problem.
    #[wasm_bindgen(js_name = load)]
    pub fn load(
        #[wasm_bindgen(unchecked_param_type = "string | PlanData")] input: JsValue,
    ) -> Result<CtgPlan, JsValue> {
        let text = argument_text(&input, "$")?;
        // Until `Plan::from_json` (full validation) lands, structure only.
        let plan: Plan = ctg_core::validation::from_json_slice(text.as_bytes())
            .map_err(|error| into_error(ValidationErrors::from(error)))?;
        Ok(CtgPlan { plan })
    }

    /// The embedded Convention Territoriale Globale of the Civraisien en Poitou.
    #[wasm_bindgen(js_name = civraisien)]
    pub fn civraisien() -> Result<CtgPlan, JsValue> {
        CtgPlan::load(JsValue::from_str(ctg_core::civraisien::PLAN_JSON))
    }

    /// The plan as a plain object.
    #[wasm_bindgen(js_name = data, unchecked_return_type = "PlanData")]
    pub fn data(&self) -> Result<JsValue, JsValue> {
        to_js(&self.plan)
    }
}

/// Reads a JSON argument into a core type, with the errors of the core.
pub(crate) fn read<T: DeserializeOwned>(input: &JsValue, path: &str) -> Result<T, JsValue> {
    let text = argument_text(input, path)?;
    ctg_core::validation::from_json_slice(text.as_bytes())
        .map_err(|error| into_error(ValidationErrors::from(error)))
}

/// An error about an argument given by the host page (not about a file).
pub(crate) fn argument_error(path: &str, message: impl Into<String>) -> JsValue {
    into_error(ValidationErrors::from(ValidationError::new(
        ErrorKind::Structure,
        path,
        message,
    )))
}

macro_rules! labels {
    ($map:ident, $lang:ident, $( $key:literal => $vocabulary:ty ),* $(,)?) => {
        $(
            let entries: serde_json::Map<String, serde_json::Value> = <$vocabulary>::ALL
                .iter()
                .map(|value| {
                    let label = if $lang == "en" { value.label_en() } else { value.label_fr() };
                    (value.code().to_owned(), serde_json::Value::from(label))
                })
                .collect();
            $map.insert($key.to_owned(), serde_json::Value::Object(entries));
        )*
    };
}

/// The labels of every closed vocabulary of `ctg-core`, in French (`"fr"`, the default) or
/// English (`"en"`): `{ theme: { petite_enfance: "petite enfance", … }, public: …, status: … }`,
/// each in the documented order.
#[wasm_bindgen(js_name = vocabularyLabels, unchecked_return_type = "VocabularyLabels")]
pub fn vocabulary_labels(lang: Option<String>) -> Result<JsValue, JsValue> {
    use ctg_core::vocabulary::*;
    let lang = lang.unwrap_or_default();
    let lang = lang.as_str();
    let mut map = serde_json::Map::new();
    labels!(map, lang,
        "theme" => Theme,
        "public" => Public,
        "status" => Status,
        "action_status" => ActionStatus,
        "role" => Role,
        "partner_kind" => PartnerKind,
        "indicator_kind" => IndicatorKind,
        "direction" => Direction,
        "reference_level" => ReferenceLevel,
        "plan_kind" => PlanKind,
    );
    to_js(&map)
}
