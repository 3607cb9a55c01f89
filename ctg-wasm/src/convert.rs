//! Conversions between JS values and the core's types, and errors as JS `Error`s.

use ctg_core::validation::{ErrorKind, ValidationError, ValidationErrors};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Turns the core's errors into a JS `Error` (a `CtgError` in the TypeScript declarations):
/// its `message` is the first problem's message, and it carries `kind`, `path`, `line`,
/// `column` of the first problem and `errors`, the array of every problem as plain objects
/// `{ kind, path, message, line?, column? }` — the same paths and messages as the CLI prints.
pub fn into_error(errors: ValidationErrors) -> JsValue {
    let first = errors.errors().first().cloned().unwrap_or_else(|| {
        ValidationError::new(ErrorKind::Structure, "$", "erreur inconnue")
    });
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
        Ok(text) => text.as_string().ok_or_else(|| {
            crate::argument_error(path, "valeur impossible à convertir en JSON")
        }),
        Err(_) => Err(crate::argument_error(
            path,
            "valeur impossible à convertir en JSON (référence circulaire ?)",
        )),
    }
}
