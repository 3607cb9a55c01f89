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
    let error = crate::js::Error::new(&first.message);
    error.set_name("CtgError");
    let all = match to_js(errors.errors()) {
        Ok(value) => value,
        Err(_) => crate::js::Array::new().into(),
    };
    let set = |key: &str, value: &JsValue| {
        // Setting a property on a fresh Error object cannot fail.
        let _ = crate::js::reflect_set(&error, &JsValue::from_str(key), value);
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
    json_to_js(serde_json::to_string(value))
}

/// The JSON text of a result as a plain JS object: one copy of this path for every result
/// type (only the serialization itself is generic).
#[inline(never)]
fn json_to_js(text: Result<String, serde_json::Error>) -> Result<JsValue, JsValue> {
    let text = text.map_err(|error| {
        into_error(ValidationErrors::from(ValidationError::new(
            ErrorKind::Structure,
            "$",
            format!("résultat impossible à convertir en JSON : {error}"),
        )))
    })?;
    crate::js::json_parse(&text)
}

/// A JSON document (a plan or a catalogue) that the core has read without error, kept as
/// the host gave it, so that it can be handed back without serializing the core's types.
pub struct Document {
    text: String,
}

impl Document {
    /// Keeps the text (a UTF-8 byte order mark is skipped, as the core does).
    pub fn new(text: String) -> Self {
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        };
        Document { text }
    }

    /// A fresh plain object of the value at a JSON Pointer (RFC 6901: `""` is the whole
    /// document, `/axes/0` the first axis), parsed by `JSON.parse`.
    pub fn parse(&self, pointer: &str) -> Result<JsValue, JsValue> {
        let mut value = crate::js::json_parse(&self.text)?;
        for token in pointer.split('/').skip(1) {
            let key = unescape_token(token);
            value = crate::js::reflect_get(&value, &JsValue::from_str(&key))?;
        }
        Ok(value)
    }
}

/// A reference token of a JSON Pointer unescaped (RFC 6901: `~1` is `/`, then `~0` is `~`),
/// as `token.replace("~1", "/").replace("~0", "~")` does, in one pass that looks for `~`
/// only (`str::replace` with a `&str` pattern is 0.7 KB of `.wasm`).
pub fn unescape_token(token: &str) -> String {
    let mut key = String::with_capacity(token.len());
    let mut rest = token;
    while let Some(tilde) = rest.find('~') {
        key.push_str(&rest[..tilde]);
        rest = &rest[tilde + 1..];
        match rest.as_bytes().first() {
            Some(b'1') => key.push('/'),
            Some(b'0') => key.push('~'),
            _ => {
                key.push('~');
                continue;
            }
        }
        rest = &rest[1..];
    }
    key.push_str(rest);
    key
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
    match crate::js::json_stringify(input) {
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
    /// 0 for axes, 3 for actions (the depth of its level: every level has its own depth).
    pub depth: usize,
    /// Its title.
    pub title: &'p str,
}

impl<'p> NodeSummary<'p> {
    /// The summary of a node.
    pub fn new(node: &NodeRef<'p>) -> Self {
        NodeSummary {
            id: node.id(),
            level: level_code(node.level()),
            depth: node.level().depth(),
            title: node.title(),
        }
    }
}

/// A node found by id as a plain object `{ id, level, node }` (a `FoundNode` in the
/// TypeScript declarations), with `data`, its part of the plan document.
pub fn found_node(node: &NodeRef<'_>, data: JsValue) -> Result<JsValue, JsValue> {
    let found = crate::js::Object::new();
    for (key, value) in [
        ("id", JsValue::from_str(node.id())),
        ("level", JsValue::from_str(level_code(node.level()))),
        ("node", data),
    ] {
        crate::js::reflect_set(&found, &JsValue::from_str(key), &value)?;
    }
    Ok(found.into())
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

#[cfg(test)]
mod tests {
    /// Every token of up to 7 characters among `~`, `0`, `1`, `/`, `é` unescapes as the two
    /// replacements it stands for.
    #[test]
    fn unescape_token_is_the_two_replacements() {
        let alphabet = ['~', '0', '1', '/', 'é'];
        let mut tokens = vec![String::new()];
        let mut checked = 0;
        for _ in 0..7 {
            let mut longer = Vec::new();
            for token in &tokens {
                assert_eq!(
                    super::unescape_token(token),
                    token.replace("~1", "/").replace("~0", "~"),
                    "{token}"
                );
                checked += 1;
                for c in alphabet {
                    longer.push(format!("{token}{c}"));
                }
            }
            tokens = longer;
        }
        assert!(checked > 19_000);
    }
}
