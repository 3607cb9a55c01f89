//! Errors as data: every problem found in a file carries a kind, the JSON path of the value,
//! and a message in French that a data officer understands. Validation reports every
//! problem at once.
//!
//! Reading a plan goes in three steps, each reported with JSON paths:
//!
//! 1. **syntax and structure** ([`from_json_slice`]): the bytes must be UTF-8 JSON (the
//!    first syntax problem stops the reading: nothing can be read past a broken document),
//!    of the shape of a [`Plan`](crate::Plan): every wrong type, unknown or missing field,
//!    impossible date is reported at once ([`FromJson`]), each with its line and column;
//! 2. **format**: the `format` field must name a version this library reads
//!    ([`FORMAT`](crate::plan::FORMAT)), otherwise [`ErrorKind::UnsupportedFormat`];
//! 3. **meaning** ([`Plan::validate`](crate::Plan::validate)): every duplicate id, dangling
//!    reference, date out of order, unknown code, empty text, malformed INSEE code… at once.
//!
//! ```
//! use ctg_core::{ErrorKind, Plan};
//!
//! let text = r#"{
//!   "format": "ctg-plan/1", "id": "p", "title": "CTG",
//!   "territory": {},
//!   "period": { "start": "2019-01-01", "end": "2022-12-31" },
//!   "axes": [ { "id": "a1", "title": " " } ]
//! }"#;
//! let errors = Plan::from_json(text).unwrap_err();
//! assert_eq!(errors.errors()[0].kind, ErrorKind::EmptyText);
//! assert_eq!(errors.errors()[0].path, "$.axes[0].title");
//! ```

mod checks;
mod context;
mod documents;
mod evaluation_rules;
mod locate;
mod messages;
mod path;
mod read;
mod tree_checks;

pub use context::{IdKind, Validator};
pub use path::JsonPath;
pub use read::{parse_date, FromJson, Reader, WhenAbsent};

use serde::{Deserialize, Serialize};

/// What kind of problem was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not JSON (or not UTF-8).
    Syntax,
    /// The JSON does not have the expected shape: missing field, unknown field, wrong type, impossible date.
    Structure,
    /// The `format` field names a version this library does not read.
    UnsupportedFormat,
    /// Two elements share an id.
    DuplicateId,
    /// A reference names an element that does not exist.
    DanglingReference,
    /// A required text is empty or only blanks.
    EmptyText,
    /// An id is malformed.
    InvalidId,
    /// An INSEE code, SIREN number or other code is malformed.
    InvalidCode,
    /// A value is not in its vocabulary.
    UnknownValue,
    /// An end comes before its start.
    DateOrder,
    /// A date falls outside the plan's period.
    OutOfPeriod,
    /// A number is negative, not finite, or otherwise impossible.
    InvalidNumber,
    /// A rule of the evaluation or of the rights catalogue is inconsistent.
    InvalidRule,
    /// The input exceeds a documented limit.
    LimitExceeded,
}

impl ErrorKind {
    /// The code of the kind, as serialized (`duplicate_id`…).
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "syntax",
            ErrorKind::Structure => "structure",
            ErrorKind::UnsupportedFormat => "unsupported_format",
            ErrorKind::DuplicateId => "duplicate_id",
            ErrorKind::DanglingReference => "dangling_reference",
            ErrorKind::EmptyText => "empty_text",
            ErrorKind::InvalidId => "invalid_id",
            ErrorKind::InvalidCode => "invalid_code",
            ErrorKind::UnknownValue => "unknown_value",
            ErrorKind::DateOrder => "date_order",
            ErrorKind::OutOfPeriod => "out_of_period",
            ErrorKind::InvalidNumber => "invalid_number",
            ErrorKind::InvalidRule => "invalid_rule",
            ErrorKind::LimitExceeded => "limit_exceeded",
        }
    }
}

/// One problem found in a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[error("{kind} at {path}: {message}", kind = .kind.code())]
pub struct ValidationError {
    /// What kind of problem.
    pub kind: ErrorKind,
    /// The JSON path of the value, such as `$.axes[0].strategic_objectives[1].title`.
    pub path: String,
    /// What is wrong and how to mend it, in French.
    pub message: String,
    /// The line in the file, when known (syntax and structure errors).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The column in the file, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl ValidationError {
    /// A problem at a path, without position in the file.
    pub fn new(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        ValidationError {
            kind,
            path: path.into(),
            message: message.into(),
            line: None,
            column: None,
        }
    }
}

/// Every problem found in a file, in the order of the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[error("{} problem(s), the first: {}", .0.len(), .0.first().map(|e| e.to_string()).unwrap_or_default())]
#[serde(transparent)]
pub struct ValidationErrors(pub Vec<ValidationError>);

impl ValidationErrors {
    /// The problems.
    pub fn errors(&self) -> &[ValidationError] {
        &self.0
    }
}

impl From<ValidationError> for ValidationErrors {
    fn from(error: ValidationError) -> Self {
        ValidationErrors(vec![error])
    }
}

/// A character that shows nothing: zero-width spaces and joiners, bidirectional marks and
/// embeddings, word joiner, byte order mark, soft hyphen, or a control character.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// A text that a reader would see as empty: only blanks and invisible characters
/// ([`is_invisible`]).
///
/// ```
/// assert!(ctg_core::validation::is_blank(" \u{200b}\u{a0}"));
/// assert!(!ctg_core::validation::is_blank("Axe 1"));
/// ```
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// Reads a JSON document into `T`, reporting every structure problem (wrong type, unknown
/// or missing field, impossible date…) with its JSON path, line and column and a French
/// message, in the order of the file; or the first syntax problem, with its position.
///
/// Bytes that are not UTF-8 are reported as [`ErrorKind::Syntax`] with the position of the
/// first bad byte; nesting deeper than 128 levels, and the other limits of
/// [`limits`](crate::limits) (size, elements, string length), as [`ErrorKind::LimitExceeded`]. A UTF-8
/// byte order mark at the start is ignored.
///
/// ```
/// use ctg_core::plan::Period;
/// let text = "{\n  \"start\": \"2019-02-30\",\n  \"end\": 2022\n}";
/// let errors = ctg_core::validation::from_json_slice::<Period>(text.as_bytes()).unwrap_err();
/// let found: Vec<(&str, Option<usize>)> =
///     errors.errors().iter().map(|e| (e.path.as_str(), e.line)).collect();
/// assert_eq!(found, [("$.start", Some(2)), ("$.end", Some(3))]);
/// ```
pub fn from_json_slice<T: FromJson>(bytes: &[u8]) -> Result<T, ValidationErrors> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value = parse_json(bytes)?;
    read_json(bytes, &value)
}

/// The syntax step of [`from_json_slice`]: `bytes` (without byte order mark) as a JSON value,
/// within the limits.
fn parse_json(bytes: &[u8]) -> Result<serde_json::Value, ValidationError> {
    crate::limits::check_json(bytes, &crate::limits::Limits::DEFAULT)?;
    let text = messages::check_utf8(bytes)?;
    // ctg's reader, which reads as serde_json does (see `crate::json`). On failure, the path is
    // found from the error's position (see `locate`).
    crate::json::parse(text).map_err(|error| {
        let path = locate::json_error_path(bytes, &error);
        messages::syntax_error(&error, path)
    })
}

/// The structure step of [`from_json_slice`]: `value`, parsed from `bytes`, as a `T`.
fn read_json<T: FromJson>(bytes: &[u8], value: &serde_json::Value) -> Result<T, ValidationErrors> {
    let mut reader = Reader::new();
    let read = T::from_json(value, &mut reader);
    let errors = structure_errors(bytes, reader);
    match read {
        Some(read) if errors.is_empty() => Ok(read),
        _ => Err(ValidationErrors(locate::place(bytes, errors))),
    }
}

/// The problems of a reading, with the keys written twice in `bytes` (the part of
/// [`read_json`] that does not depend on the type read).
fn structure_errors(bytes: &[u8], reader: Reader) -> Vec<(ValidationError, read::Anchor)> {
    let mut errors = reader.into_anchored();
    errors.extend(
        locate::duplicate_keys(bytes)
            .into_iter()
            .map(|error| (error, read::Anchor::Start)),
    );
    errors
}

impl crate::Plan {
    /// Reads and validates a plan from JSON text. See [`Plan::from_slice`](crate::Plan::from_slice).
    pub fn from_json(text: &str) -> Result<crate::Plan, ValidationErrors> {
        crate::Plan::from_slice(text.as_bytes())
    }

    /// Reads and validates a plan from bytes (UTF-8 JSON).
    ///
    /// Returns the plan when it is valid; otherwise every problem: the first syntax problem,
    /// or a format this library does not read, or every structure problem (each with line and
    /// column), or every problem of meaning found by [`Plan::validate`](crate::Plan::validate).
    ///
    /// ```
    /// let plan = ctg_core::Plan::from_slice(ctg_core::civraisien::PLAN_JSON.as_bytes());
    /// # let _ = plan;
    /// let bad = ctg_core::Plan::from_slice(b"{ \"format\": \"ctg-plan/9\" }").unwrap_err();
    /// assert_eq!(bad.errors()[0].kind, ctg_core::ErrorKind::UnsupportedFormat);
    /// ```
    pub fn from_slice(bytes: &[u8]) -> Result<crate::Plan, ValidationErrors> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let value = parse_json(bytes)?;
        // A format this library does not read explains every other problem.
        if let Some(serde_json::Value::String(format)) = value.get("format") {
            if let Some(error) = checks::check_format(format) {
                return Err(error.into());
            }
        }
        let plan: crate::Plan = read_json(bytes, &value)?;
        let errors = plan.validate();
        if errors.is_empty() {
            Ok(plan)
        } else {
            Err(ValidationErrors(errors))
        }
    }

    /// Every problem of meaning in the plan, each with its JSON path: duplicate ids, dangling
    /// references, dates out of order or out of the period, unknown codes, empty texts,
    /// malformed INSEE or SIREN codes, impossible numbers. Empty when the plan is valid.
    ///
    /// The `format` field is not checked here (see [`Plan::from_slice`](crate::Plan::from_slice)).
    ///
    /// ```
    /// let mut plan = ctg_core::civraisien::plan();
    /// assert!(plan.validate().is_empty());
    /// plan.axes[1].id = plan.axes[0].id.clone();
    /// let errors = plan.validate();
    /// assert_eq!(errors[0].kind, ctg_core::ErrorKind::DuplicateId);
    /// assert_eq!(errors[0].path, "$.axes[1].id");
    /// ```
    pub fn validate(&self) -> Vec<ValidationError> {
        checks::validate(self)
    }

    /// The plan as pretty JSON (2 spaces, trailing newline), readable back by
    /// [`Plan::from_json`](crate::Plan::from_json).
    ///
    /// ```
    /// let plan = ctg_core::civraisien::plan();
    /// let text = plan.to_json();
    /// assert!(text.starts_with("{\n  \"format\": \"ctg-plan/1\""));
    /// assert_eq!(ctg_core::Plan::from_json(&text).unwrap(), plan);
    /// ```
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self)
            .unwrap_or_else(|error| format!("{{\"error\": {:?}}}", error.to_string()));
        text.push('\n');
        text
    }
}

/// The JSON Schema of the plan format, generated from the types.
pub fn plan_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(crate::Plan)).unwrap_or_default()
}

/// [`plan_schema`] as pretty JSON with a trailing newline, as kept in `docs/plan.schema.json`.
pub fn plan_schema_json() -> String {
    let mut text = serde_json::to_string_pretty(&plan_schema()).unwrap_or_default();
    text.push('\n');
    text
}
