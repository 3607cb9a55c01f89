//! Conversions between JS values and the core's types, and errors as JS `Error`s.

use chrono::NaiveDate;
use ctg_core::query::{Filter, Level, NodeRef};
use ctg_core::validation::{ErrorKind, ValidationError, ValidationErrors};
use ctg_core::vocabulary::{ActionStatus, Public, Theme};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Turns the core's errors into a JS `Error` (a `CtgError` in the TypeScript declarations):
/// its `message` is the first problem's message, and it carries `kind`, `path`, `line`,
/// `column` of the first problem and `errors`, the array of every problem as plain objects
/// `{ kind, path, message, line?, column? }` — the same paths and messages as the CLI prints.
pub fn into_error(errors: ValidationErrors) -> JsValue {
    let first = errors
        .errors()
        .first()
        .cloned()
        .unwrap_or_else(|| ValidationError::new(ErrorKind::Structure, "$", "erreur inconnue"));
    let error = js_sys::Error::new(&first.message);
    error.set_name("CtgError");
    let all = match to_js(errors.errors()) {
        Ok(value) => value,
        Err(_) => js_sys::Array::new().into(),
    };
    let set = |key: &str, value: &JsValue| {
        // Setting a property on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str(key), value);
    };
    set("kind", &JsValue::from_str(first.kind.code()));
    set("path", &JsValue::from_str(&first.path));
    if let Some(line) = first.line {
        set("line", &JsValue::from_f64(line as f64));
    }
    if let Some(column) = first.column {
        set("column", &JsValue::from_f64(column as f64));
    }
    set("errors", &all);
    error.into()
}

/// Serializes a core value to a plain JS object (through JSON, see the crate's docs).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|error| {
        into_error(ValidationErrors::from(ValidationError::new(
            ErrorKind::Structure,
            "$",
            format!("résultat impossible à convertir en JSON : {error}"),
        )))
    })?;
    js_sys::JSON::parse(&text)
}

/// The JSON text of an argument: the string itself, or `JSON.stringify` of an object.
pub fn argument_text(input: &JsValue, path: &str) -> Result<String, JsValue> {
    if let Some(text) = input.as_string() {
        return Ok(text);
    }
    if input.is_undefined() || input.is_function() || input.is_symbol() {
        return Err(crate::argument_error(
            path,
            "valeur absente : attendu un texte JSON ou un objet",
        ));
    }
    match js_sys::JSON::stringify(input) {
        Ok(text) => text
            .as_string()
            .ok_or_else(|| crate::argument_error(path, "valeur impossible à convertir en JSON")),
        Err(_) => Err(crate::argument_error(
            path,
            "valeur impossible à convertir en JSON (référence circulaire ?)",
        )),
    }
}

/// A node of the plan tree, as the walk, filter and search results list it.
#[derive(Serialize)]
pub struct NodeSummary<'p> {
    /// Its id.
    pub id: &'p str,
    /// `axis`, `strategic_objective`, `specific_objective` or `action`.
    pub level: &'static str,
    /// 0 for axes, 3 for actions.
    pub depth: usize,
    /// Its title.
    pub title: &'p str,
}

impl<'p> NodeSummary<'p> {
    /// The summary of a node at a depth.
    pub fn new(depth: usize, node: &NodeRef<'p>) -> Self {
        NodeSummary {
            id: node.id(),
            level: level_code(node.level()),
            depth,
            title: node.title(),
        }
    }
}

/// A node found by id, with its data.
#[derive(Serialize)]
pub struct FoundNode<'p> {
    /// Its id.
    pub id: &'p str,
    /// Its level (see [`NodeSummary::level`]).
    pub level: &'static str,
    /// The node as in the plan file.
    pub node: NodeData<'p>,
}

/// The data of a node of any level.
#[derive(Serialize)]
#[serde(untagged)]
pub enum NodeData<'p> {
    /// An axe.
    Axis(&'p ctg_core::plan::Axis),
    /// An objectif stratégique.
    StrategicObjective(&'p ctg_core::plan::StrategicObjective),
    /// An objectif spécifique.
    SpecificObjective(&'p ctg_core::plan::SpecificObjective),
    /// A fiche action.
    Action(&'p ctg_core::plan::Action),
}

impl<'p> FoundNode<'p> {
    /// The found node.
    pub fn new(node: &NodeRef<'p>) -> Self {
        let data = match *node {
            NodeRef::Axis(n) => NodeData::Axis(n),
            NodeRef::StrategicObjective(n) => NodeData::StrategicObjective(n),
            NodeRef::SpecificObjective(n) => NodeData::SpecificObjective(n),
            NodeRef::Action(n) => NodeData::Action(n),
        };
        FoundNode {
            id: node.id(),
            level: level_code(node.level()),
            node: data,
        }
    }
}

/// The JSON code of a level of the tree.
pub fn level_code(level: Level) -> &'static str {
    match level {
        Level::Axis => "axis",
        Level::StrategicObjective => "strategic_objective",
        Level::SpecificObjective => "specific_objective",
        Level::Action => "action",
    }
}

/// The criteria of [`ctg_core::query::Filter`] as JSON: codes for the vocabularies.
#[derive(Debug, Default)]
pub struct FilterInput {
    partner: Option<String>,
    public: Option<Public>,
    commune: Option<String>,
    pole: Option<String>,
    theme: Option<Theme>,
    status: Option<ActionStatus>,
    text: Option<String>,
}

ctg_core::json_struct!(FilterInput [deny_unknown_fields] {
    partner: default, public: default, commune: default, pole: default, theme: default,
    status: default, text: default,
});

impl FilterInput {
    /// The core's filter.
    pub fn into_core(self) -> Filter {
        Filter {
            partner: self.partner,
            public: self.public,
            commune: self.commune,
            pole: self.pole,
            theme: self.theme,
            status: self.status,
            text: self.text,
        }
    }
}

/// Reads a `YYYY-MM-DD` date argument.
pub fn date(text: &str, path: &str) -> Result<NaiveDate, JsValue> {
    // The same reading as the dates of the JSON files.
    ctg_core::validation::parse_date(text).map_err(|_| {
        crate::argument_error(
            path,
            format!("date invalide « {text} » : attendu une date au format AAAA-MM-JJ, par exemple 2024-06-30"),
        )
    })
}
