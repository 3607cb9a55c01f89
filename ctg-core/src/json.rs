//! ctg's own JSON reader: text → [`serde_json::Value`], exactly as
//! `serde_json::from_slice::<Value>` reads it.
//!
//! **Why it exists: size.** serde_json's parser is generic over its readers and visitors; with
//! its exact float reader (`lexical`, its big-number arithmetic and power tables), its string
//! and escape readers and its error machinery, it weighs about 18 KB gzip of the widget's
//! WebAssembly (`BENCHMARKS.md`, « Taille du widget »). This reader is one plain recursive
//! descent, one function per rule of the grammar, that builds the same [`Value`] (serde_json
//! keeps its `Value`, `Map` and serializer: only the *parsing* is replaced). The CLI and the
//! widget both read every document through it ([`from_json_slice`](crate::validation::from_json_slice)),
//! so they agree by construction.
//!
//! **What it guarantees: serde_json's behaviour**, checked by the tests against
//! `serde_json::from_slice::<Value>` on the fixtures, the Civraisien plan and thousands of
//! mutated and random documents:
//!
//! - the same [`Value`]: a key written twice keeps its last value; an integer is a `u64` when
//!   it is non-negative and fits, an `i64` when it is negative and fits (`-0` is the float
//!   `-0.0`), otherwise an `f64`, correctly rounded (bit for bit what serde_json's
//!   `float_roundtrip` reader gives), and a number whose magnitude overflows an `f64` is an
//!   error ([`ErrorCode::NumberOutOfRange`]) while a tiny one is zero; strings with every
//!   escape, surrogate pairs joined, lone surrogates and raw control characters refused;
//! - on malformed text, the same error: the same [`ErrorCode`] (serde_json's error code of the
//!   same name) at the same line and column (line from 1, column in bytes from the start of
//!   the line, as serde_json counts them), nesting deeper than 127 levels included.
//!
//! The text is a `&str`: the bytes are checked as UTF-8 before (with the position of a bad byte,
//! see [`from_json_slice`](crate::validation::from_json_slice)), so the errors of serde_json
//! about invalid UTF-8 never arise here.
//!
//! ```
//! use ctg_core::json::{parse, ErrorCode};
//! use serde_json::json;
//!
//! let value = parse(r#"{"a": [1, -2, 2.5, "\u00e9\ud83d\ude00"], "a": null}"#).unwrap();
//! assert_eq!(value, json!({"a": null}));
//! let error = parse("{\n  \"a\": [1, 2,]\n}").unwrap_err();
//! assert_eq!((error.code, error.line, error.column), (ErrorCode::TrailingComma, 2, 14));
//! ```

use serde_json::error::Category;
use serde_json::{Map, Value};

/// Nesting of brackets and braces at which serde_json stops (its recursion limit): a document
/// may nest 127 levels, the 128th opening bracket or brace is refused. The one source of this
/// figure: [`crate::limits::Limits::max_depth`] and the French message quote it.
pub(crate) const DEPTH_LIMIT: usize = 128;

/// A malformed document: what is wrong, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error {
    /// What is wrong.
    pub code: ErrorCode,
    /// The line, from 1.
    pub line: usize,
    /// The column: bytes from the start of the line (0 when the error is just after a line
    /// break), as serde_json counts it.
    pub column: usize,
}

/// What is wrong in a malformed document: the error codes of serde_json that can arise when a
/// UTF-8 text is read as a `Value`, with the same names and the same meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// The text ends inside a list.
    EofWhileParsingList,
    /// The text ends inside an object.
    EofWhileParsingObject,
    /// The text ends inside a string.
    EofWhileParsingString,
    /// The text ends where a value should be (or inside a number or a word).
    EofWhileParsingValue,
    /// No `:` after a key.
    ExpectedColon,
    /// Neither `,` nor `]` after an element of a list.
    ExpectedListCommaOrEnd,
    /// Neither `,` nor `}` after a member of an object.
    ExpectedObjectCommaOrEnd,
    /// A word other than `true`, `false` or `null`.
    ExpectedSomeIdent,
    /// No value where one should be.
    ExpectedSomeValue,
    /// A backslash followed by something else than `"\/bfnrtu`, or `\u` followed by something
    /// else than four hexadecimal digits.
    InvalidEscape,
    /// A number that does not follow the grammar (leading zero, no digit after `.` or `e`…).
    InvalidNumber,
    /// A number too large for an `f64`.
    NumberOutOfRange,
    /// A raw control character (U+0000 to U+001F) in a string.
    ControlCharacterWhileParsingString,
    /// A member of an object that does not start with a string.
    KeyMustBeAString,
    /// A `\u` escape of a surrogate that is not part of a pair.
    LoneLeadingSurrogateInHexEscape,
    /// A comma before `]` or `}`.
    TrailingComma,
    /// Something other than blanks after the document.
    TrailingCharacters,
    /// A leading surrogate escape (`\ud83d`) not followed by a `\u` escape.
    UnexpectedEndOfHexEscape,
    /// Brackets and braces nested 128 levels deep or more.
    RecursionLimitExceeded,
}

impl ErrorCode {
    /// serde_json's category of the error: [`Category::Eof`] when the text ends too early,
    /// otherwise [`Category::Syntax`].
    pub fn category(self) -> Category {
        match self {
            ErrorCode::EofWhileParsingList
            | ErrorCode::EofWhileParsingObject
            | ErrorCode::EofWhileParsingString
            | ErrorCode::EofWhileParsingValue => Category::Eof,
            _ => Category::Syntax,
        }
    }

    /// Whether the error is about an object or list itself (a missing `,`, `:` or closing
    /// bracket, a trailing comma, text after the document…) rather than about the value being
    /// read: serde_json raises those between values.
    pub fn about_container(self) -> bool {
        matches!(
            self,
            ErrorCode::ExpectedListCommaOrEnd
                | ErrorCode::ExpectedObjectCommaOrEnd
                | ErrorCode::TrailingComma
                | ErrorCode::TrailingCharacters
                | ErrorCode::KeyMustBeAString
                | ErrorCode::ExpectedColon
                | ErrorCode::EofWhileParsingObject
                | ErrorCode::EofWhileParsingList
        )
    }
}

/// Reads a JSON document (blanks around it allowed) as a [`Value`], or the first error, exactly
/// as `serde_json::from_slice::<Value>` (see the [module](self)).
///
/// ```
/// use ctg_core::json::{parse, ErrorCode};
///
/// assert_eq!(parse(" [18446744073709551615, -1, -0, 1e2] ").unwrap().to_string(),
///            "[18446744073709551615,-1,-0.0,100.0]");
/// assert_eq!(parse("1e400").unwrap_err().code, ErrorCode::NumberOutOfRange);
/// assert_eq!(parse("").unwrap_err().code, ErrorCode::EofWhileParsingValue);
/// ```
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        index: 0,
        depth: 0,
    };
    let value = parser.value()?;
    match parser.blanks() {
        Some(_) => Err(parser.peek_error(ErrorCode::TrailingCharacters)),
        None => Ok(value),
    }
}

/// The exact `f64` of a number written in JSON's grammar without its sign
/// (`digits(.digits)?([eE][+-]?digits)?`), `None` when its magnitude overflows.
fn parse_float(text: &str) -> Option<f64> {
    crate::number::parse_f64(text)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    index: usize,
    /// The brackets and braces open around `index`.
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.index).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.index += 1;
        Some(byte)
    }

    /// Skips blanks; the byte after them, not read.
    fn blanks(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.index += 1;
        }
        self.peek()
    }

    /// An error about the byte just read (serde_json's `error`).
    fn error(&self, code: ErrorCode) -> Error {
        self.error_at(self.index, code)
    }

    /// An error about the byte about to be read (serde_json's `peek_error`).
    fn peek_error(&self, code: ErrorCode) -> Error {
        self.error_at((self.index + 1).min(self.bytes.len()), code)
    }

    /// The error at the position just before byte `index`, counted as serde_json does.
    #[cold]
    fn error_at(&self, index: usize, code: ErrorCode) -> Error {
        let before = &self.bytes[..index];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        Error {
            code,
            line: 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count(),
            column: index - line_start,
        }
    }

    /// value = blanks (null | true | false | number | string | array | object)
    fn value(&mut self) -> Result<Value, Error> {
        let Some(byte) = self.blanks() else {
            return Err(self.peek_error(ErrorCode::EofWhileParsingValue));
        };
        match byte {
            b'n' => self.word(b"null", Value::Null),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'-' => {
                self.index += 1;
                self.number(false)
            }
            b'0'..=b'9' => self.number(true),
            b'"' => {
                self.index += 1;
                self.string().map(Value::String)
            }
            b'[' => self.nested(Self::array),
            b'{' => self.nested(Self::object),
            _ => Err(self.peek_error(ErrorCode::ExpectedSomeValue)),
        }
    }

    /// `null`, `true` or `false`, whose first letter is the next byte.
    fn word(&mut self, word: &[u8], value: Value) -> Result<Value, Error> {
        self.index += 1;
        for &expected in &word[1..] {
            match self.next() {
                None => return Err(self.error(ErrorCode::EofWhileParsingValue)),
                Some(byte) if byte != expected => {
                    return Err(self.error(ErrorCode::ExpectedSomeIdent))
                }
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// An array or object (`read`), whose opening bracket is the next byte, within the depth
    /// limit.
    fn nested(&mut self, read: fn(&mut Self) -> Result<Value, Error>) -> Result<Value, Error> {
        if self.depth + 1 >= DEPTH_LIMIT {
            return Err(self.peek_error(ErrorCode::RecursionLimitExceeded));
        }
        self.depth += 1;
        self.index += 1;
        let value = read(self)?;
        self.depth -= 1;
        Ok(value)
    }

    /// array = `[` (value (`,` value)*)? `]`, after the `[`.
    fn array(&mut self) -> Result<Value, Error> {
        let mut items = Vec::new();
        loop {
            let Some(byte) = self.blanks() else {
                return Err(self.peek_error(ErrorCode::EofWhileParsingList));
            };
            if byte == b']' {
                self.index += 1;
                return Ok(Value::Array(items));
            }
            if !items.is_empty() {
                if byte != b',' {
                    return Err(self.peek_error(ErrorCode::ExpectedListCommaOrEnd));
                }
                self.index += 1;
                match self.blanks() {
                    Some(b']') => return Err(self.peek_error(ErrorCode::TrailingComma)),
                    Some(_) => {}
                    None => return Err(self.peek_error(ErrorCode::EofWhileParsingValue)),
                }
            }
            items.push(self.value()?);
        }
    }

    /// object = `{` (string `:` value (`,` string `:` value)*)? `}`, after the `{`. A key
    /// written twice keeps its last value.
    fn object(&mut self) -> Result<Value, Error> {
        let mut members = Map::new();
        loop {
            let Some(byte) = self.blanks() else {
                return Err(self.peek_error(ErrorCode::EofWhileParsingObject));
            };
            if byte == b'}' {
                self.index += 1;
                return Ok(Value::Object(members));
            }
            if members.is_empty() {
                if byte != b'"' {
                    return Err(self.peek_error(ErrorCode::KeyMustBeAString));
                }
            } else {
                if byte != b',' {
                    return Err(self.peek_error(ErrorCode::ExpectedObjectCommaOrEnd));
                }
                self.index += 1;
                match self.blanks() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.peek_error(ErrorCode::TrailingComma)),
                    Some(_) => return Err(self.peek_error(ErrorCode::KeyMustBeAString)),
                    None => return Err(self.peek_error(ErrorCode::EofWhileParsingValue)),
                }
            }
            self.index += 1;
            let key = self.string()?;
            match self.blanks() {
                Some(b':') => self.index += 1,
                Some(_) => return Err(self.peek_error(ErrorCode::ExpectedColon)),
                None => return Err(self.peek_error(ErrorCode::EofWhileParsingObject)),
            }
            let value = self.value()?;
            members.insert(key, value);
        }
    }

    /// number = `-`? int frac? exp?, after the `-` (`positive` is false when there was one).
    fn number(&mut self, positive: bool) -> Result<Value, Error> {
        let start = self.index;
        match self.next() {
            None => return Err(self.error(ErrorCode::EofWhileParsingValue)),
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(ErrorCode::InvalidNumber));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            Some(_) => return Err(self.error(ErrorCode::InvalidNumber)),
        }
        let mut integer = true;
        if let Some(b'.') = self.peek() {
            integer = false;
            self.fraction()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            integer = false;
            if let Some(zero) = self.exponent(start)? {
                return Ok(Value::from(if positive { zero } else { -zero }));
            }
        }
        let text = &self.text[start..self.index];
        if integer {
            if let Some(n) = parse_u64(text) {
                if positive {
                    return Ok(Value::from(n));
                }
                // As serde_json: an `i64` when it fits and is not zero, otherwise a float.
                let negative = (n as i64).wrapping_neg();
                return Ok(if negative >= 0 {
                    Value::from(-(n as f64))
                } else {
                    Value::from(negative)
                });
            }
        }
        match parse_float(text) {
            Some(x) => Ok(Value::from(if positive { x } else { -x })),
            None => Err(self.error(ErrorCode::NumberOutOfRange)),
        }
    }

    /// digit*
    fn digits(&mut self) -> usize {
        let start = self.index;
        while let Some(b'0'..=b'9') = self.peek() {
            self.index += 1;
        }
        self.index - start
    }

    /// frac = `.` digit+, at the `.`.
    fn fraction(&mut self) -> Result<(), Error> {
        self.index += 1;
        if self.digits() == 0 {
            let code = match self.peek() {
                Some(_) => ErrorCode::InvalidNumber,
                None => ErrorCode::EofWhileParsingValue,
            };
            return Err(self.peek_error(code));
        }
        Ok(())
    }

    /// exp = (`e` | `E`) (`+` | `-`)? digit+, at the `e`, for the number that began at
    /// `start`. When the exponent overflows an `i32`, the number is zero (`Some(0.0)`) or an
    /// error, decided there, as serde_json does.
    fn exponent(&mut self, start: usize) -> Result<Option<f64>, Error> {
        let mantissa_end = self.index;
        self.index += 1;
        let positive = match self.peek() {
            Some(b'-') => {
                self.index += 1;
                false
            }
            Some(b'+') => {
                self.index += 1;
                true
            }
            _ => true,
        };
        let mut exponent = match self.next() {
            None => return Err(self.error(ErrorCode::EofWhileParsingValue)),
            Some(digit @ b'0'..=b'9') => i32::from(digit - b'0'),
            Some(_) => return Err(self.error(ErrorCode::InvalidNumber)),
        };
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            self.index += 1;
            let next = exponent
                .checked_mul(10)
                .and_then(|e| e.checked_add(i32::from(digit - b'0')));
            match next {
                Some(next) => exponent = next,
                None => {
                    let zero = self.bytes[start..mantissa_end]
                        .iter()
                        .all(|&b| matches!(b, b'0' | b'.'));
                    if positive && !zero {
                        return Err(self.error(ErrorCode::NumberOutOfRange));
                    }
                    self.digits();
                    return Ok(Some(0.0));
                }
            }
        }
        Ok(None)
    }

    /// string = `"` (char | escape)* `"`, after the opening `"`.
    fn string(&mut self) -> Result<String, Error> {
        let mut text = String::new();
        let mut start = self.index;
        loop {
            let rest = &self.bytes[self.index..];
            match rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            {
                Some(at) => self.index += at,
                None => {
                    self.index = self.bytes.len();
                    return Err(self.error(ErrorCode::EofWhileParsingString));
                }
            }
            // `start` and `index` are at ASCII bytes: both are character boundaries.
            text.push_str(&self.text[start..self.index]);
            match self.next() {
                Some(b'"') => return Ok(text),
                Some(b'\\') => self.escape(&mut text)?,
                _ => return Err(self.error(ErrorCode::ControlCharacterWhileParsingString)),
            }
            start = self.index;
        }
    }

    /// escape = `\` (`"` | `\` | `/` | `b` | `f` | `n` | `r` | `t` | `u` hex hex hex hex),
    /// after the `\`; surrogates must come in pairs (`\ud83d\ude00`).
    fn escape(&mut self, text: &mut String) -> Result<(), Error> {
        let unescaped = match self.next() {
            None => return Err(self.error(ErrorCode::EofWhileParsingString)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => self.unicode_escape()?,
            Some(_) => return Err(self.error(ErrorCode::InvalidEscape)),
        };
        text.push(unescaped);
        Ok(())
    }

    /// The character of a `\u` escape (two for a surrogate pair), after the `u`.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let first = self.hex()?;
        let code = match first {
            0xDC00..=0xDFFF => {
                return Err(self.error(ErrorCode::LoneLeadingSurrogateInHexEscape));
            }
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.next() {
                        None => return Err(self.error(ErrorCode::EofWhileParsingString)),
                        Some(byte) if byte != expected => {
                            return Err(self.error(ErrorCode::UnexpectedEndOfHexEscape))
                        }
                        Some(_) => {}
                    }
                }
                let second = self.hex()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error(ErrorCode::LoneLeadingSurrogateInHexEscape));
                }
                0x1_0000 + (((u32::from(first) - 0xD800) << 10) | (u32::from(second) - 0xDC00))
            }
            _ => u32::from(first),
        };
        // Every code point outside the surrogates is a `char`.
        Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    /// Four hexadecimal digits.
    fn hex(&mut self) -> Result<u16, Error> {
        let Some(digits) = self.bytes.get(self.index..self.index + 4) else {
            self.index = self.bytes.len();
            return Err(self.error(ErrorCode::EofWhileParsingString));
        };
        self.index += 4;
        let mut value = 0;
        for &digit in digits {
            let Some(digit) = (digit as char).to_digit(16) else {
                return Err(self.error(ErrorCode::InvalidEscape));
            };
            value = value << 4 | digit as u16;
        }
        Ok(value)
    }
}

/// The value of a string of ASCII digits, `None` when it exceeds `u64::MAX`.
fn parse_u64(digits: &str) -> Option<u64> {
    digits.bytes().try_fold(0u64, |n, digit| {
        n.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
    })
}

#[cfg(test)]
pub(crate) mod tests {
    //! Agreement with `serde_json::from_slice::<Value>`: the same value (floats bit for bit), or
    //! the same error code, line and column, on the fixtures, the Civraisien plan, thousands of
    //! mutations of them, random documents and the edge cases of the grammar.
    use super::{parse, ErrorCode};
    use proptest::prelude::*;
    use serde_json::Value;

    /// serde_json's words for the code (its `Display`).
    fn english(code: ErrorCode) -> &'static str {
        match code {
            ErrorCode::EofWhileParsingList => "EOF while parsing a list",
            ErrorCode::EofWhileParsingObject => "EOF while parsing an object",
            ErrorCode::EofWhileParsingString => "EOF while parsing a string",
            ErrorCode::EofWhileParsingValue => "EOF while parsing a value",
            ErrorCode::ExpectedColon => "expected `:`",
            ErrorCode::ExpectedListCommaOrEnd => "expected `,` or `]`",
            ErrorCode::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            ErrorCode::ExpectedSomeIdent => "expected ident",
            ErrorCode::ExpectedSomeValue => "expected value",
            ErrorCode::InvalidEscape => "invalid escape",
            ErrorCode::InvalidNumber => "invalid number",
            ErrorCode::NumberOutOfRange => "number out of range",
            ErrorCode::ControlCharacterWhileParsingString => {
                "control character (\\u0000-\\u001F) found while parsing a string"
            }
            ErrorCode::KeyMustBeAString => "key must be a string",
            ErrorCode::LoneLeadingSurrogateInHexEscape => "lone leading surrogate in hex escape",
            ErrorCode::TrailingComma => "trailing comma",
            ErrorCode::TrailingCharacters => "trailing characters",
            ErrorCode::UnexpectedEndOfHexEscape => "unexpected end of hex escape",
            ErrorCode::RecursionLimitExceeded => "recursion limit exceeded",
        }
    }

    /// The same value: same types, same keys in the same order, floats bit for bit.
    fn identical(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Number(x), Value::Number(y)) => {
                (x.is_u64(), x.is_i64(), x.is_f64()) == (y.is_u64(), y.is_i64(), y.is_f64())
                    && x.as_u64() == y.as_u64()
                    && x.as_i64() == y.as_i64()
                    && x.as_f64().map(f64::to_bits) == y.as_f64().map(f64::to_bits)
            }
            (Value::Array(x), Value::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(a, b)| identical(a, b))
            }
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len()
                    && x.iter()
                        .zip(y)
                        .all(|((ka, a), (kb, b))| ka == kb && identical(a, b))
            }
            _ => a == b,
        }
    }

    /// Checks that ctg's reader and serde_json agree on `bytes` (when they are UTF-8); returns
    /// whether serde_json refused them.
    fn agree(bytes: &[u8]) -> bool {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return false;
        };
        let shown = || text.chars().take(400).collect::<String>();
        match (parse(text), serde_json::from_slice::<Value>(bytes)) {
            (Ok(ours), Ok(theirs)) => {
                assert!(
                    identical(&ours, &theirs),
                    "{ours:?} != {theirs:?} for {:?}",
                    shown()
                );
                false
            }
            (Err(ours), Err(theirs)) => {
                let words = theirs.to_string();
                let suffix = format!(" at line {} column {}", theirs.line(), theirs.column());
                assert_eq!(
                    (
                        english(ours.code),
                        ours.line,
                        ours.column,
                        ours.code.category()
                    ),
                    (
                        words.strip_suffix(&suffix).unwrap_or(&words),
                        theirs.line(),
                        theirs.column(),
                        theirs.classify()
                    ),
                    "for {:?}",
                    shown()
                );
                true
            }
            (ours, theirs) => panic!("ctg: {ours:?}, serde_json: {theirs:?}, for {:?}", shown()),
        }
    }

    /// Bytes deleted, inserted or replaced, and the text cut, at every position (one in
    /// `stride`); the number of refused variants.
    fn mutations(text: &[u8], stride: usize) -> usize {
        let mut refused = 0;
        for i in (0..=text.len()).step_by(stride) {
            refused += usize::from(agree(&text[..i]));
            if i < text.len() {
                let mut deleted = text.to_vec();
                deleted.remove(i);
                refused += usize::from(agree(&deleted));
            }
            for byte in b",:{}[]\"\\x1 -.eu\n" {
                let mut inserted = text.to_vec();
                inserted.insert(i, *byte);
                refused += usize::from(agree(&inserted));
                if i < text.len() {
                    let mut replaced = text.to_vec();
                    replaced[i] = *byte;
                    refused += usize::from(agree(&replaced));
                }
            }
        }
        refused
    }

    /// Every `.json` file under `dir`, at any depth (also used by `validation::locate`'s tests).
    pub(crate) fn json_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                json_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }

    #[test]
    fn every_fixture_and_its_mutations_read_as_serde_json_reads_them() {
        let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
        let mut files = Vec::new();
        json_files(&root.join("tests/fixtures"), &mut files);
        json_files(&root.join("examples"), &mut files);
        assert!(files.len() > 100, "{}", files.len());
        let mut refused = 0;
        for file in &files {
            let bytes = std::fs::read(file).unwrap_or_default();
            agree(&bytes);
            // About 20 positions in each file of less than 16 KB (the tests run unoptimized).
            if bytes.len() < 16 * 1024 {
                refused += mutations(&bytes, 1 + bytes.len() / 20);
            }
        }
        assert!(refused > 10_000, "{refused}");
    }

    #[test]
    fn the_civraisien_plan_reads_as_serde_json_reads_it() {
        let plan = crate::civraisien::PLAN_JSON.as_bytes();
        assert!(!agree(plan));
        assert!(mutations(plan, 1 + plan.len() / 25) > 300);
        // Compact and pretty, as serde_json writes it.
        let value = parse(crate::civraisien::PLAN_JSON).unwrap_or_default();
        assert!(!agree(&serde_json::to_vec(&value).unwrap_or_default()));
        assert!(!agree(
            &serde_json::to_vec_pretty(&value).unwrap_or_default()
        ));
    }

    #[test]
    fn edge_cases_read_as_serde_json_reads_them() {
        let cases: &[&str] = &[
            // Empty input, blanks, trailing characters.
            "",
            " ",
            "\n\t\r ",
            " 1 ",
            "1 2",
            "[] x",
            "{}}",
            "null x",
            "\u{a0}1",
            "1\u{a0}",
            // Words.
            "null",
            "true",
            "false",
            "nul",
            "nulx",
            "tru",
            "fals",
            "t",
            "n",
            "nULL",
            "True",
            "[nul]",
            // Numbers.
            "0",
            "-0",
            "-0.0",
            "0.0",
            "1.0",
            "1e2",
            "1E2",
            "1e+2",
            "1e-2",
            "-1e-2",
            "01",
            "-01",
            "00",
            "1.",
            "1.e5",
            ".5",
            "-",
            "--1",
            "+1",
            "-x",
            "1e",
            "1e+",
            "1e-",
            "1ex",
            "1e+x",
            "1.5x",
            "0x10",
            "1_000",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "-18446744073709551615",
            "-18446744073709551616",
            "99999999999999999999999999999999",
            "123456789012345678901234567890.123456789e-10",
            "1e308",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "-1.8e308",
            "1e309",
            "1e400",
            "-1e400",
            "1e-400",
            "-1e-400",
            "4.9e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "1e2147483647",
            "1e2147483648",
            "1e99999999999999",
            "0e99999999999999",
            "0.000e99999999999999",
            "-0e99999999999999",
            "1e-99999999999999",
            "-1e-99999999999999",
            "1.5e-2147483648",
            "0.1",
            "0.30000000000000004",
            "9007199254740993",
            "9007199254740993.0",
            "1e22",
            "1e23",
            "8.98846567431158e307",
            "0.0000000000000000000000000000000000000000001e43",
            "100000000000000000000000000000000000000000000000000000000000e-40",
            "1234567890123456789012345678901234567890e-400",
            "[1e400]",
            "{\"a\": 1e400}",
            "[1.]",
            "[1.,2]",
            "[-]",
            "[01]",
            "[1e]",
            "{\"a\": -}",
            // Strings and escapes.
            r#""""#,
            r#""abc""#,
            r#""é😀""#,
            r#""\"\\\/\b\f\n\r\t""#,
            r#""\u00e9""#,
            r#""\u00E9\u0000""#,
            r#""\ud83d\ude00""#,
            r#""\uD83D\uDE00""#,
            r#""\ud83d""#,
            r#""\ude00""#,
            r#""\ud83dx""#,
            r#""\ud83d\x""#,
            r#""\ud83d\n""#,
            r#""\ud83d\u0041""#,
            r#""\ud83d\ud83d""#,
            r#""\ud83d\"#,
            r#""\ud83d"#,
            r#""\ud83d\u"#,
            r#""\ud83d\u12"#,
            r#""\u12""#,
            r#""\u12"#,
            r#""\u""#,
            r#""\u12g4""#,
            r#""\uéé""#,
            r#""\x""#,
            r#""\é""#,
            r#""\"#,
            r#""abc"#,
            "\"",
            "\"a\tb\"",
            "\"a\nb\"",
            "\"a\u{1f}b\"",
            "\"a\u{7f}b\"",
            "\"a\u{0}\"",
            "[\"a\n\"]",
            "{\"a\nb\": 1}",
            "{\"\\u00e9\": 1}",
            // Arrays and objects.
            "[]",
            "[ ]",
            "[1,2]",
            "[1 2]",
            "[1,]",
            "[1, ]",
            "[,1]",
            "[",
            "[1",
            "[1,",
            "[1, ",
            "[[]",
            "]",
            "{}",
            "{ }",
            "{\"a\":1}",
            "{\"a\" 1}",
            "{\"a\":}",
            "{\"a\":1,}",
            "{\"a\":1 \"b\":2}",
            "{a:1}",
            "{1:1}",
            "{,}",
            "{\"a\"",
            "{\"a\":",
            "{\"a\":1",
            "{\"a\":1,",
            "{\"a\":1, ",
            "{",
            "}",
            "{\"a\":1,\"a\":2}",
            "{\"b\":1,\"a\":2,\"b\":3}",
            "[{\"a\":[{}]}]",
            "{\"a\":1,,}",
            "{\"a\":1,1}",
            // Positions across lines.
            "[\n1,\n2,\n]",
            "{\n  \"a\": [1, 2,]\n}",
            "\n\n  x",
            "[\n\n",
            "{\"a\":\n\n",
            "\"\n\"",
            "[1,\n\"\\u12\"]",
            "\r\n[1\r\n2]",
        ];
        for case in cases {
            agree(case.as_bytes());
        }
    }

    #[test]
    fn nesting_reads_as_serde_json_reads_it() {
        for depth in [1, 2, 126, 127, 128, 129, 200, 10_000] {
            for (open, close) in [("[", "]"), ("{\"a\":", "}"), ("[{\"a\":", "}]")] {
                let text = format!("{}{}", open.repeat(depth), close.repeat(depth));
                agree(text.as_bytes());
                let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
                agree(text.as_bytes());
                agree(open.repeat(depth).as_bytes());
            }
        }
    }

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            "[ -~\u{80}-\u{10ffff}\n\t\"\\\\]{0,12}".prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
                prop::collection::vec(("[a-z\"\\\\é]{0,3}", inner), 0..6)
                    .prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Random documents, compact and pretty, then cut, with a byte removed or replaced.
        #[test]
        fn random_documents_and_their_mutations(
            value in json_value(),
            cut in any::<prop::sample::Index>(),
            byte in prop::sample::select(b",:{}[]\"\\x1 -.eu0".to_vec()),
        ) {
            for text in [
                serde_json::to_vec(&value).unwrap_or_default(),
                serde_json::to_vec_pretty(&value).unwrap_or_default(),
            ] {
                prop_assert!(!agree(&text));
                let at = cut.index(text.len() + 1);
                agree(&text[..at]);
                if at < text.len() {
                    let mut changed = text.clone();
                    changed.remove(at);
                    agree(&changed);
                    changed.insert(at, byte);
                    agree(&changed);
                    changed[at] = byte;
                    agree(&changed);
                }
            }
        }

        /// Texts of JSON's characters in any order.
        #[test]
        fn random_texts(text in "[ \n\t{}\\[\\]:,\"\\\\0-9a-fnrtu.eE+\\-é\u{1}]{0,40}") {
            agree(text.as_bytes());
        }

        /// Numbers of every shape: every digit and exponent, signs, leading zeros.
        #[test]
        fn random_numbers(
            text in "-?[0-9]{1,30}(\\.[0-9]{0,30})?([eE][+-]?[0-9]{0,12})?",
        ) {
            agree(text.as_bytes());
            agree(format!("[{text}]").as_bytes());
        }

        /// Every `f64`, as serde_json writes it and in scientific notation with 17 digits.
        #[test]
        fn random_floats(x in any::<f64>()) {
            if x.is_finite() {
                agree(serde_json::to_string(&x).unwrap_or_default().as_bytes());
                agree(format!("{x:.16e}").as_bytes());
                agree(format!("{x:.25e}").as_bytes());
                agree(format!("{x:.40}").as_bytes());
            }
        }

        /// Halfway cases between two floats, where rounding is hardest: the exact decimal
        /// value of the midpoint, and the numbers just below and above it.
        #[test]
        fn halfway_floats(bits in 0u64..0x7FEF_FFFF_FFFF_FFFF) {
            let (digits, exponent) = midpoint(bits);
            for last in ["", "0000000000000000000001"] {
                agree(format!("{digits}{last}e{exponent}").as_bytes());
            }
            let mut below = digits.into_bytes();
            if let Some(last) = below.iter_mut().rev().find(|d| **d > b'0') {
                *last -= 1;
                below.extend_from_slice(b"99999999999999999999");
                let below = String::from_utf8(below).unwrap_or_default();
                agree(format!("{below}e{exponent}").as_bytes());
            }
        }
    }

    /// The exact decimal value of the midpoint between the finite `f64` of `bits` (not
    /// negative) and the next one: its digits, and the power of ten to multiply them by.
    fn midpoint(bits: u64) -> (String, i64) {
        let (mantissa, exponent) = if bits >> 52 == 0 {
            (bits, -1074)
        } else {
            (
                (bits & ((1 << 52) - 1)) | (1 << 52),
                (bits >> 52) as i64 - 1075,
            )
        };
        // (2 m + 1) 2^(e - 1), in base 10^9 limbs, least significant first.
        let mut limbs: Vec<u64> = vec![(2 * mantissa + 1) % 1_000_000_000];
        let mut high = (2 * mantissa + 1) / 1_000_000_000;
        while high > 0 {
            limbs.push(high % 1_000_000_000);
            high /= 1_000_000_000;
        }
        let multiply = |limbs: &mut Vec<u64>, by: u64| {
            let mut carry = 0;
            for limb in limbs.iter_mut() {
                let product = *limb * by + carry;
                *limb = product % 1_000_000_000;
                carry = product / 1_000_000_000;
            }
            if carry > 0 {
                limbs.push(carry);
            }
        };
        let power = exponent - 1;
        let ten_power = if power >= 0 {
            (0..power).for_each(|_| multiply(&mut limbs, 2));
            0
        } else {
            // 2^-k = 5^k 10^-k
            (0..-power).for_each(|_| multiply(&mut limbs, 5));
            power
        };
        let mut text = String::new();
        for (i, limb) in limbs.iter().rev().enumerate() {
            if i == 0 {
                text.push_str(&limb.to_string());
            } else {
                text.push_str(&format!("{limb:09}"));
            }
        }
        (text, ten_power)
    }
}
