//! Explicit limits on what ctg reads, checked before any work starts (documented in
//! `docs/limits.md`).
//!
//! Every JSON document (plan, rights catalogue, situation) goes through
//! [`from_json_slice`](crate::validation::from_json_slice), which first calls
//! [`check_json`]: a single pass over the bytes, without recursion, that refuses a document
//! too large, with too many JSON elements, or with a string too long, as
//! [`ErrorKind::LimitExceeded`] with the JSON path of the offending value and a French
//! message. Nesting deeper than [`Limits::max_depth`] is refused by the JSON reader itself
//! ([`crate::json`], which stops at serde_json's recursion limit, reported with the same
//! kind), so that deeply nested input
//! never overflows the stack, natively or in WebAssembly.
//!
//! The rights engine adds its own limits, checked when a catalogue is compiled or a
//! situation is read: expression depth ([`Limits::max_expression_depth`], also along derived
//! facts) and household size ([`Limits::max_household_members`]).
//!
//! ```
//! use ctg_core::limits::{check_json, Limits};
//! use ctg_core::ErrorKind;
//! let limits = Limits { max_string_bytes: 8, ..Limits::DEFAULT };
//! let error = check_json(br#"{"axes": [{"title": "un titre bien trop long"}]}"#, &limits)
//!     .unwrap_err();
//! assert_eq!(error.kind, ErrorKind::LimitExceeded);
//! assert_eq!(error.path, "$.axes[0].title");
//! ```

use crate::validation::{ErrorKind, ValidationError};

/// The limits on an input, with their defaults in [`Limits::DEFAULT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest document, in bytes (default 64 MiB; a department-scale plan of 13.5 MB
    /// fits five times).
    pub max_input_bytes: usize,
    /// The most JSON elements (objects, arrays, strings — keys included —, numbers,
    /// `true`/`false`/`null`) in a document (default 8 000 000).
    pub max_elements: usize,
    /// The longest string, in bytes as written in the file (default 256 KiB, some hundred
    /// pages of text).
    pub max_string_bytes: usize,
    /// The deepest nesting of brackets and braces (128, serde_json's recursion limit, which
    /// ctg's JSON reader keeps; a plan needs fewer than 10).
    pub max_depth: usize,
    /// The deepest a rule expression may nest in a rights catalogue
    /// ([`rights::compile::MAX_DEPTH`](crate::rights::compile::MAX_DEPTH)); following
    /// derived facts, [`rights::compile::MAX_TOTAL_DEPTH`](crate::rights::compile::MAX_TOTAL_DEPTH).
    pub max_expression_depth: usize,
    /// The most members of a household in a situation
    /// ([`rights::compile::MAX_MEMBERS`](crate::rights::compile::MAX_MEMBERS)).
    pub max_household_members: usize,
}

impl Limits {
    /// The limits every reading function of ctg applies.
    pub const DEFAULT: Limits = Limits {
        max_input_bytes: 64 * 1024 * 1024,
        max_elements: 8_000_000,
        max_string_bytes: 256 * 1024,
        max_depth: crate::json::DEPTH_LIMIT,
        max_expression_depth: crate::rights::compile::MAX_DEPTH,
        max_household_members: crate::rights::compile::MAX_MEMBERS,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// One level of the scan: an object (its current key) or an array (its current index).
enum Frame {
    Object(Option<String>),
    Array(usize),
}

fn path_of(stack: &[Frame]) -> String {
    let mut path = String::from("$");
    for frame in stack {
        match frame {
            Frame::Object(Some(key)) => {
                let plain = !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                if plain {
                    path.push('.');
                    path.push_str(key);
                } else {
                    // The key as a JSON string (quoted, escaped), through the serializer
                    // the crate links anyway rather than the `Display` of a `Value` (its
                    // own copy of the serializer, 2.7 KB of `.wasm`); serializing a `str`
                    // cannot fail.
                    path.push('[');
                    path.push_str(&serde_json::to_string(key.as_str()).unwrap_or_default());
                    path.push(']');
                }
            }
            Frame::Object(None) => {}
            Frame::Array(i) => path.push_str(&format!("[{i}]")),
        }
    }
    path
}

fn limit_error(path: String, message: String) -> ValidationError {
    ValidationError::new(ErrorKind::LimitExceeded, path, message)
}

/// Checks the size, the number of elements and the string lengths of a JSON document in one
/// pass without recursion, before it is parsed. Malformed JSON is not reported here (the
/// parser does it, with its line and column); the scan stops at nesting deeper than
/// `limits.max_depth`, which the parser refuses.
pub fn check_json(bytes: &[u8], limits: &Limits) -> Result<(), ValidationError> {
    if bytes.len() > limits.max_input_bytes {
        return Err(limit_error(
            "$".to_owned(),
            format!(
                "le document fait {} octets ; ctg en lit au plus {} ({} Mio) : découpez-le ou \
                 vérifiez qu'il s'agit du bon fichier",
                bytes.len(),
                limits.max_input_bytes,
                limits.max_input_bytes / (1024 * 1024)
            ),
        ));
    }
    let mut stack: Vec<Frame> = Vec::new();
    // In an object: is the next string a key?
    let mut expect_key = false;
    let mut elements = 0usize;
    let mut i = 0usize;
    let mut count = |stack: &[Frame]| -> Result<(), ValidationError> {
        elements += 1;
        if elements > limits.max_elements {
            return Err(limit_error(
                path_of(stack),
                format!(
                    "le document compte plus de {} éléments JSON (valeurs et clés) : c'est \
                     la limite de ctg ; découpez-le",
                    limits.max_elements
                ),
            ));
        }
        Ok(())
    };
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                let end = j.min(bytes.len());
                let is_key = expect_key && matches!(stack.last(), Some(Frame::Object(_)));
                if is_key {
                    let key = String::from_utf8_lossy(&bytes[start..end]).into_owned();
                    if let Some(Frame::Object(k)) = stack.last_mut() {
                        *k = Some(key);
                    }
                    expect_key = false;
                }
                count(&stack)?;
                if end - start > limits.max_string_bytes {
                    let what = if is_key { "une clé" } else { "un texte" };
                    return Err(limit_error(
                        path_of(&stack),
                        format!(
                            "{what} de {} octets dépasse la limite de {} octets : \
                             raccourcissez-le",
                            end - start,
                            limits.max_string_bytes
                        ),
                    ));
                }
                i = end + 1;
                continue;
            }
            b'{' | b'[' => {
                count(&stack)?;
                if stack.len() >= limits.max_depth {
                    // The parser refuses it, with its own message.
                    return Ok(());
                }
                if bytes[i] == b'{' {
                    stack.push(Frame::Object(None));
                    expect_key = true;
                } else {
                    stack.push(Frame::Array(0));
                }
            }
            b'}' | b']' => {
                stack.pop();
                expect_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(_)) => expect_key = true,
                None => {}
            },
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
                count(&stack)?;
                while i + 1 < bytes.len()
                    && !matches!(
                        bytes[i + 1],
                        b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t' | b'"' | b':'
                    )
                {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small(f: impl FnOnce(&mut Limits)) -> Limits {
        let mut l = Limits::DEFAULT;
        f(&mut l);
        l
    }

    proptest::proptest! {
        /// A key that is not a plain word is written as the `Display` of a JSON string
        /// `Value` used to write it.
        #[test]
        fn quoted_keys_as_json_values(key in "\\PC*", raw in proptest::collection::vec(proptest::char::any(), 0..12)) {
            let raw: String = raw.into_iter().collect();
            for key in [key, raw] {
                let path = path_of(&[Frame::Object(Some(key.clone())), Frame::Array(2)]);
                let expected = if !key.is_empty()
                    && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                {
                    format!("$.{key}[2]")
                } else {
                    format!("$[{}][2]", serde_json::Value::from(key.as_str()))
                };
                proptest::prop_assert_eq!(path, expected);
            }
        }
    }

    #[test]
    fn paths_of_long_strings() {
        let l = small(|l| l.max_string_bytes = 3);
        let e = check_json(br#"{"a": [1, "xy", {"b c": "long"}]}"#, &l).unwrap_err();
        assert_eq!(e.path, r#"$.a[2]["b c"]"#);
        assert!(check_json(br#"{"a": [1, "xy"]}"#, &l).is_ok());
        // Escapes do not end the string.
        let e = check_json(br#"{"k": "a\"bcd"}"#, &l).unwrap_err();
        assert_eq!(e.path, "$.k");
    }

    #[test]
    fn element_count() {
        let l = small(|l| l.max_elements = 5);
        assert!(check_json(br#"{"a": [1, 2]}"#, &l).is_ok());
        let e = check_json(br#"{"a": [1, 2, true, null]}"#, &l).unwrap_err();
        assert_eq!(e.kind, ErrorKind::LimitExceeded);
        assert_eq!(e.path, "$.a[2]");
    }

    #[test]
    fn input_size() {
        let l = small(|l| l.max_input_bytes = 4);
        assert_eq!(check_json(b"[1, 2]", &l).unwrap_err().path, "$");
    }

    #[test]
    fn deep_and_broken_input_is_left_to_the_parser() {
        let deep = "[".repeat(100_000);
        assert!(check_json(deep.as_bytes(), &Limits::DEFAULT).is_ok());
        assert!(check_json(b"\"unterminated \\", &Limits::DEFAULT).is_ok());
        assert!(check_json(b"}}]]", &Limits::DEFAULT).is_ok());
    }
}
