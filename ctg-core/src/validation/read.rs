//! The structural reading of a document: from a parsed [`serde_json::Value`] into the ctg
//! types, reporting EVERY problem (wrong type, unknown or missing field, impossible date…)
//! with its JSON path, instead of stopping at the first one as serde's derived readers do.
//!
//! Each type implements [`FromJson`]. Structs and closed enums are declared in a few lines
//! with [`json_struct!`](crate::json_struct) and [`json_enum!`](crate::json_enum) (see
//! `documents.rs`), which follow the serde attributes of the type exactly
//! (`deny_unknown_fields`, `default`, `rename`); the messages are those serde_json would
//! give for the first problem, translated by the same code (`messages.rs`), so that a
//! document reads the same way as with `serde_json::from_slice` — except that every problem
//! is reported. Known differences with serde's derived readers: serde also reads a struct
//! from a JSON list of its fields in order (`"period": ["2019-01-01", "2022-12-31"]`) and a
//! unit variant from `{"variant": null}`, which the documents never use: here a struct must
//! be an object and a variant a string. A key written twice in an object keeps its last value
//! (the JSON is parsed into a [`Value`] first), where serde refused a struct's field written
//! twice. And a syntax error anywhere is reported alone, even after a structure error.
//!
//! The reader is not generic over serde's `Deserializer`, so it costs little WebAssembly
//! (serde's derived visitors cost about 76 KB gzip in the widget).
//!
//! ```
//! use ctg_core::validation::{FromJson, Reader};
//! let value = serde_json::json!({ "start": "2019-02-30", "end": 2022, "ned": 1 });
//! let mut reader = Reader::new();
//! assert!(ctg_core::plan::Period::from_json(&value, &mut reader).is_none());
//! let paths: Vec<String> = reader.into_errors().into_iter().map(|e| e.path).collect();
//! assert_eq!(paths, ["$.ned", "$.start", "$.end"]); // in the order of the fields
//! ```

use super::{messages, ErrorKind, ValidationError};
use chrono::NaiveDate;
use serde_json::{Map, Value};

/// Where an error sits in the text: at the start of the value at its path, or at the end of
/// the object (a missing field, as serde_json reports it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Anchor {
    Start,
    End,
}

/// What a field of a struct holds when its member is absent from the JSON object, as the serde
/// attributes of the field say ([`Reader::field`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhenAbsent {
    /// Nothing: the member is required, its absence is reported (no serde attribute).
    Missing,
    /// The default value of the field's type (`#[serde(default)]` on the field).
    TypeDefault,
    /// The field of the struct's `Default` value (`#[serde(default)]` on the struct).
    StructDefault,
}

/// The state of a reading: the JSON path of the value being read, and the problems found.
#[derive(Debug)]
pub struct Reader {
    path: String,
    errors: Vec<(ValidationError, Anchor)>,
}

impl Default for Reader {
    fn default() -> Self {
        Reader::new()
    }
}

/// A value that can be read from JSON, reporting every problem to a [`Reader`].
pub trait FromJson: Sized {
    /// Reads `value` (found at `reader`'s current path). Returns `None` when it cannot be
    /// read, after pushing at least one error to `reader`.
    fn from_json(value: &Value, reader: &mut Reader) -> Option<Self>;
}

impl Reader {
    /// A reader at the root of a document (`$`), without errors.
    pub fn new() -> Reader {
        Reader {
            path: String::from("$"),
            errors: Vec::new(),
        }
    }

    /// The JSON path of the value being read.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The number of problems found so far.
    pub fn error_count(&self) -> usize {
        self.errors.len()
    }

    /// The problems found so far, in the order they were found (not yet of the file).
    pub fn into_errors(self) -> Vec<ValidationError> {
        self.errors.into_iter().map(|(error, _)| error).collect()
    }

    pub(crate) fn into_anchored(self) -> Vec<(ValidationError, Anchor)> {
        self.errors
    }

    /// Reports a problem at the current path, with a French message.
    pub fn error(&mut self, kind: ErrorKind, message: impl Into<String>) {
        let error = ValidationError::new(kind, self.path.clone(), message);
        self.errors.push((error, Anchor::Start));
    }

    /// Reports a structure problem at the current path: the French message serde_json's
    /// error would have, once translated (`messages.rs` builds both).
    #[inline(never)]
    fn structure(&mut self, message: String, anchor: Anchor) {
        let error = ValidationError::new(ErrorKind::Structure, self.path.clone(), message);
        self.errors.push((error, anchor));
    }

    /// Reports that `value` is not of the type `expected` (in serde's words: `a string`,
    /// `u32`, `struct Plan`…).
    pub fn invalid_type(&mut self, value: &Value, expected: &str) {
        self.structure(messages::invalid_type(value, expected), Anchor::Start);
    }

    /// Reads `value` as a `T` at the path of the member `key` of the current object.
    pub fn read_key<T: FromJson>(&mut self, key: &str, value: &Value) -> Option<T> {
        let len = self.enter_key(key);
        let result = T::from_json(value, self);
        self.path.truncate(len);
        result
    }

    /// Reads `value` as a `T` at the path of the element `index` of the current list.
    pub fn read_index<T: FromJson>(&mut self, index: usize, value: &Value) -> Option<T> {
        let len = self.enter_index(index);
        let result = T::from_json(value, self);
        self.path.truncate(len);
        result
    }

    /// Moves the path to the member `key`; returns the length to truncate it back to.
    #[inline(never)]
    fn enter_key(&mut self, key: &str) -> usize {
        let len = self.path.len();
        messages::push_key(&mut self.path, key);
        len
    }

    /// Moves the path to the element `index`; returns the length to truncate it back to.
    #[inline(never)]
    fn enter_index(&mut self, index: usize) -> usize {
        use std::fmt::Write as _;
        let len = self.path.len();
        // Writing to a `String` cannot fail.
        let _ = write!(self.path, "[{index}]");
        len
    }

    /// The object of a struct: reports a value that is not an object (`expected` is serde's
    /// name for it, `struct Plan`), and, when `deny_unknown` (serde's
    /// `deny_unknown_fields`), every key not in `fields`.
    pub fn object<'v>(
        &mut self,
        value: &'v Value,
        expected: &str,
        fields: &'static [&'static str],
        deny_unknown: bool,
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.invalid_type(value, expected);
            return None;
        };
        if deny_unknown {
            for key in map.keys().filter(|key| !fields.contains(&key.as_str())) {
                // At the path of the unknown member, as serde_json's message translated.
                let len = self.enter_key(key);
                self.structure(messages::unknown_field(key, fields), Anchor::Start);
                self.path.truncate(len);
            }
        }
        Some(map)
    }

    /// Reads the member `name` of the object `map` into `slot`, which keeps its value when the
    /// member is unreadable (the error is reported). When the member is absent, `absent` says
    /// what the slot holds. This is how [`json_struct!`](crate::json_struct) reads each field
    /// of a struct built from its `Default` value: one copy of this function per type of
    /// field, shared by every struct.
    #[inline(never)]
    pub fn field<T: FromJson + Default>(
        &mut self,
        map: &Map<String, Value>,
        name: &'static str,
        absent: WhenAbsent,
        slot: &mut T,
    ) {
        match self.enter_field(map, name, absent == WhenAbsent::Missing) {
            Some((value, len)) => {
                if let Some(read) = T::from_json(value, self) {
                    *slot = read;
                }
                self.path.truncate(len);
            }
            None if absent == WhenAbsent::TypeDefault => *slot = T::default(),
            None => {}
        }
    }

    /// The member `name` of `map` and the length of the path before it (the path is moved
    /// to the member), or `None` when it is absent, reported missing when `required`.
    #[inline(never)]
    fn enter_field<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        name: &'static str,
        required: bool,
    ) -> Option<(&'v Value, usize)> {
        match map.get(name) {
            Some(value) => Some((value, self.enter_key(name))),
            None => {
                if required {
                    self.structure(messages::missing_field(name), Anchor::End);
                }
                None
            }
        }
    }

    /// Reads each of `items` at its path into `out`; whether no problem was found (the part of
    /// the reading of a list that does not depend on the type of its elements).
    #[inline(never)]
    fn items(&mut self, items: &[Value], out: &mut dyn Items) -> bool {
        let errors = self.error_count();
        for (index, item) in items.iter().enumerate() {
            let len = self.enter_index(index);
            out.read(item, self);
            self.path.truncate(len);
        }
        self.error_count() == errors
    }

    /// The elements of a list, or `None` (reported) when `value` is not a list.
    #[inline(never)]
    fn list<'v>(&mut self, value: &'v Value) -> Option<&'v [Value]> {
        match value {
            Value::Array(items) => Some(items),
            _ => {
                self.invalid_type(value, "a sequence");
                None
            }
        }
    }

    /// Reads a string among `variants` (a unit enum in serde's words: `enum Scope`),
    /// returning its position in `variants`.
    pub fn variant(
        &mut self,
        value: &Value,
        expected: &str,
        variants: &'static [&'static str],
    ) -> Option<usize> {
        match value {
            Value::String(code) => {
                let position = variants.iter().position(|v| v == code);
                if position.is_none() {
                    self.structure(messages::unknown_variant(code, variants), Anchor::Start);
                }
                position
            }
            _ => {
                self.invalid_type(value, expected);
                None
            }
        }
    }

    /// An integer in `min..=max`, with serde's name of the type (`u32`…) for errors.
    fn integer(&mut self, value: &Value, min: i128, max: i128, expected: &str) -> Option<i128> {
        let number = match value {
            Value::Number(number) => number,
            _ => {
                self.invalid_type(value, expected);
                return None;
            }
        };
        let whole = if let Some(u) = number.as_u64() {
            i128::from(u)
        } else if let Some(i) = number.as_i64() {
            i128::from(i)
        } else {
            self.invalid_type(value, expected);
            return None;
        };
        if (min..=max).contains(&whole) {
            Some(whole)
        } else {
            self.structure(messages::invalid_integer(number, expected), Anchor::Start);
            None
        }
    }
}

impl FromJson for Value {
    fn from_json(value: &Value, _: &mut Reader) -> Option<Self> {
        Some(value.clone())
    }
}

impl FromJson for Map<String, Value> {
    fn from_json(value: &Value, reader: &mut Reader) -> Option<Self> {
        match value {
            Value::Object(map) => Some(map.clone()),
            _ => {
                reader.invalid_type(value, "a map");
                None
            }
        }
    }
}

impl FromJson for String {
    fn from_json(value: &Value, reader: &mut Reader) -> Option<Self> {
        match value {
            Value::String(text) => Some(text.clone()),
            _ => {
                reader.invalid_type(value, "a string");
                None
            }
        }
    }
}

impl FromJson for bool {
    fn from_json(value: &Value, reader: &mut Reader) -> Option<Self> {
        match value {
            Value::Bool(b) => Some(*b),
            _ => {
                reader.invalid_type(value, "a boolean");
                None
            }
        }
    }
}

impl FromJson for f64 {
    fn from_json(value: &Value, reader: &mut Reader) -> Option<Self> {
        match value.as_f64() {
            Some(x) => Some(x),
            None => {
                reader.invalid_type(value, "f64");
                None
            }
        }
    }
}

macro_rules! integers {
    ($($ty:ident),*) => {$(
        impl FromJson for $ty {
            fn from_json(value: &Value, reader: &mut Reader) -> Option<Self> {
                let whole = reader.integer(value, $ty::MIN as i128, $ty::MAX as i128, stringify!($ty))?;
                $ty::try_from(whole).ok()
            }
        }
    )*};
}

integers!(u32, u64, usize, i32);

impl FromJson for NaiveDate {
    fn from_json(value: &Value, reader: &mut Reader) -> Option<Self> {
        let Value::String(text) = value else {
            reader.invalid_type(value, "a formatted date string");
            return None;
        };
        match parse_date(text) {
            Ok(date) => Some(date),
            Err(problem) => {
                reader.structure(messages::custom(problem), Anchor::Start);
                None
            }
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value, reader: &mut Reader) -> Option<Self> {
        match value {
            Value::Null => Some(None),
            _ => T::from_json(value, reader).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value, reader: &mut Reader) -> Option<Self> {
        let items = reader.list(value)?;
        let mut out = Vec::with_capacity(items.len());
        reader.items(items, &mut out).then_some(out)
    }
}

/// A list being read: [`Reader::items`] gives it each element in turn (a trait object, so
/// that the loop over the elements is not repeated for each type of element).
trait Items {
    /// Reads `item` (at `reader`'s current path) and adds it when it is readable.
    fn read(&mut self, item: &Value, reader: &mut Reader);
}

impl<T: FromJson> Items for Vec<T> {
    fn read(&mut self, item: &Value, reader: &mut Reader) {
        if let Some(read) = T::from_json(item, reader) {
            self.push(read);
        }
    }
}

/// chrono's reading of a date (`NaiveDate::from_str`: `%Y-%m-%d`, blanks allowed around
/// the numbers, a sign for years beyond four digits), written out so that chrono's format
/// parser is not linked; the error is chrono's message (`input is out of range` for a day
/// that does not exist).
///
/// ```
/// use ctg_core::validation::parse_date;
/// assert_eq!(parse_date("2025-09-01"), Ok(chrono::NaiveDate::from_ymd_opt(2025, 9, 1).unwrap()));
/// assert_eq!(parse_date("2025-02-30"), Err("input is out of range"));
/// assert!(parse_date("01/09/2025").is_err());
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate, &'static str> {
    const OUT_OF_RANGE: &str = "input is out of range";
    const INVALID: &str = "input contains invalid characters";
    const TOO_SHORT: &str = "premature end of input";
    const TOO_LONG: &str = "trailing input";
    fn number(s: &str, max: usize) -> Result<(&str, i64), &'static str> {
        let bytes = s.as_bytes();
        if bytes.is_empty() {
            return Err(TOO_SHORT);
        }
        let mut n = 0i64;
        for (i, c) in bytes.iter().take(max).enumerate() {
            if !c.is_ascii_digit() {
                return if i == 0 {
                    Err(INVALID)
                } else {
                    Ok((&s[i..], n))
                };
            }
            n = n
                .checked_mul(10)
                .and_then(|n| n.checked_add(i64::from(c - b'0')))
                .ok_or(OUT_OF_RANGE)?;
        }
        Ok((&s[max.min(bytes.len())..], n))
    }
    fn dash(s: &str) -> Result<&str, &'static str> {
        let s = s.trim_start();
        match s.strip_prefix('-') {
            Some(rest) => Ok(rest.trim_start()),
            None if s.is_empty() => Err(TOO_SHORT),
            None => Err(INVALID),
        }
    }
    let s = text.trim_start();
    let (s, year) = if let Some(rest) = s.strip_prefix('-') {
        let (s, v) = number(rest, usize::MAX)?;
        (s, 0i64.checked_sub(v).ok_or(OUT_OF_RANGE)?)
    } else if let Some(rest) = s.strip_prefix('+') {
        number(rest, usize::MAX)?
    } else {
        number(s, 4)?
    };
    let year = i32::try_from(year).map_err(|_| OUT_OF_RANGE)?;
    let (s, month) = number(dash(s)?, 2)?;
    if !(1..=12).contains(&month) {
        return Err(OUT_OF_RANGE);
    }
    let (s, day) = number(dash(s)?, 2)?;
    if !(1..=31).contains(&day) {
        return Err(OUT_OF_RANGE);
    }
    if !s.trim_start().is_empty() {
        return Err(TOO_LONG);
    }
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).ok_or(OUT_OF_RANGE)
}

/// Implements [`FromJson`](crate::validation::FromJson) for a struct, field by field, as
/// its serde attributes say:
///
/// - `[deny_unknown_fields]` (or `[]`): whether keys outside the fields are errors;
/// - `field: required` (serde: no attribute), `field: default` (`#[serde(default)]` on the
///   field), `field: from_default` (`#[serde(default)]` on the struct: the struct's
///   `Default` value of the field);
/// - `field = "json": …` for `#[serde(rename = "json")]`.
///
/// The struct must implement `Default`: it is built from its default value, each field read
/// into its place by [`Reader::field`](crate::validation::Reader::field) (one copy of the code
/// per type of field, whatever the number of structs). A `default` field absent from the
/// JSON takes its type's default; a `from_default` field keeps the struct's default value
/// ([`WhenAbsent`](crate::validation::WhenAbsent)). Every field must be listed.
///
/// ```
/// #[derive(Debug, Default, PartialEq)]
/// struct Point { x: f64, y: f64, label: Option<String>, kind: String }
/// ctg_core::json_struct!(Point [deny_unknown_fields] {
///     x: required, y: required, label: default, kind = "type": required,
/// });
/// let value = serde_json::json!({ "x": 1, "y": "2", "z": 3 });
/// let mut reader = ctg_core::validation::Reader::new();
/// let read = <Point as ctg_core::validation::FromJson>::from_json(&value, &mut reader);
/// assert!(read.is_none());
/// let paths: Vec<String> = reader.into_errors().into_iter().map(|e| e.path).collect();
/// assert_eq!(paths, ["$.z", "$.y", "$"]); // unknown z, y is not a number, type missing
/// ```
#[macro_export]
macro_rules! json_struct {
    ($ty:ident [$($deny:ident)?] { $($field:ident $(= $json:literal)? : $mode:ident),* $(,)? }) => {
        impl $crate::validation::FromJson for $ty {
            fn from_json(
                value: &::serde_json::Value,
                reader: &mut $crate::validation::Reader,
            ) -> ::core::option::Option<Self> {
                const FIELDS: &[&str] = &[$($crate::json_struct!(@name $field $($json)?)),*];
                let errors = reader.error_count();
                let map = reader.object(
                    value,
                    concat!("struct ", stringify!($ty)),
                    FIELDS,
                    $crate::json_struct!(@deny $($deny)?),
                )?;
                // Every field starts from the struct's default (what `from_default` keeps);
                // the struct is only returned when no field had a problem.
                let mut out = <$ty as ::core::default::Default>::default();
                $(
                    reader.field(
                        map,
                        $crate::json_struct!(@name $field $($json)?),
                        $crate::json_struct!(@absent $mode),
                        &mut out.$field,
                    );
                )*
                (reader.error_count() == errors).then_some(out)
            }
        }
    };
    (@name $field:ident $json:literal) => { $json };
    (@name $field:ident) => { stringify!($field) };
    (@deny deny_unknown_fields) => { true };
    (@deny) => { false };
    (@absent required) => { $crate::validation::WhenAbsent::Missing };
    (@absent default) => { $crate::validation::WhenAbsent::TypeDefault };
    (@absent from_default) => { $crate::validation::WhenAbsent::StructDefault };
}

/// Implements [`FromJson`](crate::validation::FromJson) for a `Copy` enum of unit variants
/// written as strings (serde's `rename_all = "snake_case"` or `rename` on each variant): an unknown
/// string is an error naming the accepted ones.
///
/// ```
/// #[derive(Debug, Clone, Copy, PartialEq)]
/// enum Side { Left, Right }
/// ctg_core::json_enum!(Side { Left = "left", Right = "right" });
/// let mut reader = ctg_core::validation::Reader::new();
/// let side = <Side as ctg_core::validation::FromJson>::from_json(&"right".into(), &mut reader);
/// assert_eq!(side, Some(Side::Right));
/// ```
#[macro_export]
macro_rules! json_enum {
    ($ty:ident { $($variant:ident = $code:literal),* $(,)? }) => {
        impl $crate::validation::FromJson for $ty {
            fn from_json(
                value: &::serde_json::Value,
                reader: &mut $crate::validation::Reader,
            ) -> ::core::option::Option<Self> {
                const VARIANTS: &[&str] = &[$($code),*];
                const VALUES: &[$ty] = &[$($ty::$variant),*];
                let position = reader.variant(value, concat!("enum ", stringify!($ty)), VARIANTS)?;
                VALUES.get(position).copied()
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::parse_date;
    use crate::validation::{from_json_slice, ErrorKind, ValidationErrors};
    use chrono::NaiveDate;

    fn found(errors: &ValidationErrors) -> Vec<(&str, Option<usize>)> {
        errors
            .errors()
            .iter()
            .map(|e| (e.path.as_str(), e.line))
            .collect()
    }

    #[test]
    fn a_situation_with_several_structure_mistakes_gives_them_all_in_file_order() {
        let text = br#"{
  "answers": 1,
  "members": [
    { "role": "parent", "age": -1 },
    { "role": "enfant", "birth_date": "2019-02-30", "fact": {} }
  ],
  "x": true
}"#;
        let errors = from_json_slice::<crate::rights::SituationInput>(text).unwrap_err();
        assert_eq!(
            found(&errors),
            [
                ("$.answers", Some(2)),
                ("$.members[0].role", Some(4)),
                ("$.members[0].age", Some(4)),
                ("$.members[1].birth_date", Some(5)),
                ("$.members[1].fact", Some(5)),
                ("$.x", Some(7)),
            ]
        );
        assert!(errors
            .errors()
            .iter()
            .all(|e| e.kind == ErrorKind::Structure));
        let messages: Vec<&str> = errors.errors().iter().map(|e| e.message.as_str()).collect();
        assert!(
            messages[0].contains("on attend un objet"),
            "{}",
            messages[0]
        );
        assert!(
            messages[1].contains("« parent »") || messages[1].contains("parent"),
            "{}",
            messages[1]
        );
        assert!(messages[3].contains("date impossible"), "{}", messages[3]);
        assert!(
            messages[4].contains("« fact » n'existe pas ici"),
            "{}",
            messages[4]
        );
    }

    #[test]
    fn a_catalogue_with_several_structure_mistakes_gives_them_all() {
        let text = br#"{"format": "ctg-droits/1", "id": "demo",
  "questions": [{"id": "q", "label": "Q ?", "type": "nombre"}],
  "benefits": [{"id": "b", "name": "B", "institution": "caf", "category": "famille",
    "summary": "S.", "condition": true, "valid_from": 2025}]}"#;
        let errors = crate::rights::CompiledCatalogue::from_json(text).unwrap_err();
        assert_eq!(
            found(&errors),
            [
                ("$.questions[0].type", Some(2)),
                ("$.benefits[0].valid_from", Some(4)),
                ("$", Some(4)), // `title` missing, at the end of the document
            ]
        );
        assert!(errors.errors()[2].message.contains("« title » manque"));
    }

    /// An absent `default` field takes its type's default, an absent `from_default` field the
    /// struct's, as serde does, even when the struct's `Default` sets both.
    #[test]
    fn absent_fields_take_the_default_their_serde_attribute_names() {
        #[derive(Debug, PartialEq, serde::Deserialize)]
        struct Counted {
            #[serde(default)]
            label: String,
            #[serde(default = "three")]
            count: u32,
        }
        fn three() -> u32 {
            3
        }
        impl Default for Counted {
            fn default() -> Self {
                Counted {
                    label: "sans titre".into(),
                    count: 3,
                }
            }
        }
        crate::json_struct!(Counted [deny_unknown_fields] { label: default, count: from_default });
        let read: Counted = from_json_slice(b"{}").unwrap_or_else(|e| panic!("{e:?}"));
        let serde: Counted = serde_json::from_slice(b"{}").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read, serde);
        assert_eq!(
            read,
            Counted {
                label: String::new(),
                count: 3
            }
        );
    }

    #[test]
    fn a_valid_document_reads_as_serde_reads_it() {
        let text = crate::civraisien::PLAN_JSON.as_bytes();
        let hand: crate::Plan = from_json_slice(text).unwrap_or_else(|e| panic!("{e:?}"));
        let serde: crate::Plan = serde_json::from_slice(text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(hand, serde);
        let text = crate::civraisien::DROITS_JSON.as_bytes();
        let hand: crate::rights::Catalogue =
            from_json_slice(text).unwrap_or_else(|e| panic!("{e:?}"));
        let serde: crate::rights::Catalogue =
            serde_json::from_slice(text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(hand, serde);
    }

    /// The hand reading of dates agrees with chrono's, value and kind of error, on every
    /// shape the tests of chrono and the documents use.
    #[test]
    fn dates_read_as_chrono_reads_them() {
        let cases = [
            "2019-07-01",
            "2019-7-1",
            " 2019 - 07 - 01 ",
            "2019-02-29",
            "2020-02-29",
            "2019-02-30",
            "2019-13-01",
            "2019-00-10",
            "2019-01-32",
            "2019-04-31",
            "19-07-01",
            "+12019-07-01",
            "-0044-03-15",
            "2019",
            "2019-",
            "2019-07",
            "2019-07-",
            "",
            "x",
            "2019/07/01",
            "2019-07-01x",
            "20190-07-01",
            "2019-007-01",
            "2019-07-011",
            "+99999999999-01-01",
            "-",
            "+",
            "2019-07-01T00:00",
            "２０１９-07-01",
            "2019-07-1 ",
            "\u{a0}2019-07-01",
        ];
        for text in cases {
            let chrono = text.parse::<NaiveDate>();
            let hand = parse_date(text);
            match (&chrono, &hand) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{text:?}"),
                (Err(a), Err(b)) => {
                    let out_of_range = a.to_string() == "input is out of range";
                    assert_eq!(
                        out_of_range,
                        *b == "input is out of range",
                        "{text:?}: {a} / {b}"
                    );
                }
                _ => panic!("{text:?}: chrono {chrono:?}, hand {hand:?}"),
            }
        }
    }
}
