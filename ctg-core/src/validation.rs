//! Errors as data: every problem found in a file carries a kind, the JSON path of the value,
//! and a message in French that a data officer understands. Validation reports every
//! problem at once.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// What kind of problem was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// Reads a JSON document into `T`, turning the first syntax or structure problem into a
/// [`ValidationError`] with its JSON path, line and column.
pub fn from_json_slice<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ValidationError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = json_path(&error.path().to_string());
        let inner = error.into_inner();
        serde_error(inner, path)
    })?;
    deserializer
        .end()
        .map_err(|error| serde_error(error, "$".to_owned()))?;
    Ok(value)
}

fn json_path(serde_path: &str) -> String {
    if serde_path == "." || serde_path.is_empty() {
        "$".to_owned()
    } else if serde_path.starts_with('[') {
        format!("${serde_path}")
    } else {
        format!("$.{serde_path}")
    }
}

fn serde_error(error: serde_json::Error, path: String) -> ValidationError {
    let kind = match error.classify() {
        serde_json::error::Category::Data => ErrorKind::Structure,
        _ => ErrorKind::Syntax,
    };
    ValidationError {
        kind,
        path,
        message: error.to_string(),
        line: Some(error.line()),
        column: Some(error.column()),
    }
}
