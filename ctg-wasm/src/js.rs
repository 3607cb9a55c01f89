//! The few JavaScript built-ins the bindings call (`JSON`, `Reflect`, `Object`, `Array`,
//! `Error`), declared here rather than taken from `js-sys`: `js-sys` always links its
//! `futures::jspi` task machinery (an exported poll trampoline and a waker table, 0.5 KB of
//! `.wasm`), which nothing here uses (BENCHMARKS.md, « Taille du widget »). The declarations
//! are those of `js-sys`, reduced to what is called.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A plain JS object.
    #[wasm_bindgen(js_name = Object, typescript_type = "object")]
    pub type Object;

    /// `new Object()`.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Object;

    /// A JS array.
    #[wasm_bindgen(js_name = Array, typescript_type = "Array<any>")]
    pub type Array;

    /// `new Array()`.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Array;

    /// A JS `Error`.
    #[wasm_bindgen(js_name = Error, typescript_type = "Error")]
    pub type Error;

    /// `new Error(message)`.
    #[wasm_bindgen(constructor)]
    pub fn new(message: &str) -> Error;

    /// `error.name = name`.
    #[wasm_bindgen(method, setter)]
    pub fn set_name(this: &Error, name: &str);

    /// `JSON.parse(text)`.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    pub fn json_parse(text: &str) -> Result<JsValue, JsValue>;

    /// `JSON.stringify(value)`.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = stringify)]
    pub fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;

    /// `Reflect.get(target, key)`.
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    pub fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;

    /// `Reflect.set(target, key, value)`.
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = set)]
    pub fn reflect_set(target: &JsValue, key: &JsValue, value: &JsValue) -> Result<bool, JsValue>;
}
