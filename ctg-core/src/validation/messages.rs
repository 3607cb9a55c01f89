//! French messages for the problems of a JSON document: its syntax (from the error codes
//! of [`crate::json`]), its structure (written by the hand reader, `validation::read`), and
//! chrono's English words about dates.

use super::{ErrorKind, ValidationError};
use crate::json::{self, ErrorCode, DEPTH_LIMIT};
#[cfg(test)]
use serde_json::error::Category;

/// The bytes as text, or the first byte that is not UTF-8, with its line and column.
pub(super) fn check_utf8(bytes: &[u8]) -> Result<&str, ValidationError> {
    let error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(error) => error,
    };
    let before = &bytes[..error.valid_up_to()];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    Err(ValidationError {
        kind: ErrorKind::Syntax,
        path: "$".to_owned(),
        message: "le fichier n'est pas encodé en UTF-8 (un octet invalide se trouve à cette \
                  position) ; enregistrez-le en UTF-8 depuis votre éditeur ou votre tableur."
            .to_owned(),
        line: Some(line),
        column: Some(column),
    })
}

/// Appends `.key`, or `["key"]` when the key is not a plain word.
pub(super) fn push_key(out: &mut String, key: &str) {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if plain {
        out.push('.');
        out.push_str(key);
    } else {
        // The key as a JSON string (quoted, escaped); serializing a `str` cannot fail.
        out.push('[');
        out.push_str(&serde_json::to_string(key).unwrap_or_default());
        out.push(']');
    }
}

/// Turns a syntax error of the JSON reader ([`crate::json`]; nesting depth included) into a
/// [`ValidationError`] with a French message, at `path`.
pub(super) fn syntax_error(error: &json::Error, path: String) -> ValidationError {
    let kind = match error.code {
        ErrorCode::RecursionLimitExceeded => ErrorKind::LimitExceeded,
        _ => ErrorKind::Syntax,
    };
    let message = syntax_message(error.code);
    ValidationError {
        kind,
        path,
        message,
        line: Some(error.line),
        column: Some(error.column),
    }
}

/// An error of serde_json (syntax, or structure raised by serde's derived readers, whose
/// English words are translated) as ctg reports it: the tests compare the hand reader's
/// messages and the JSON reader's errors with these.
#[cfg(test)]
pub(super) fn translate_serde(error: serde_json::Error, mut path: String) -> ValidationError {
    let (line, column) = (error.line(), error.column());
    let english = english_message(&error);
    if error.classify() == Category::Data {
        let message = structure_message(&english, &mut path);
        return ValidationError {
            kind: ErrorKind::Structure,
            path,
            message,
            line: (line > 0).then_some(line),
            column: (line > 0).then_some(column),
        };
    }
    let code = match english.as_str() {
        // Bytes that are not UTF-8 in a string: never met by ctg's reader (the text is checked
        // as UTF-8 before it), worded as an invalid escape.
        "invalid unicode code point" => ErrorCode::UnexpectedEndOfHexEscape,
        other => json_code(other).unwrap_or_else(|| panic!("no code for {other:?}")),
    };
    syntax_error(&json::Error { code, line, column }, path)
}

/// The code of serde_json's error whose words are `english`.
#[cfg(test)]
pub(super) fn json_code(english: &str) -> Option<ErrorCode> {
    use ErrorCode::*;
    let code = match english {
        "EOF while parsing a list" => EofWhileParsingList,
        "EOF while parsing an object" => EofWhileParsingObject,
        "EOF while parsing a string" => EofWhileParsingString,
        "EOF while parsing a value" => EofWhileParsingValue,
        "expected `:`" => ExpectedColon,
        "expected `,` or `]`" => ExpectedListCommaOrEnd,
        "expected `,` or `}`" => ExpectedObjectCommaOrEnd,
        "expected ident" => ExpectedSomeIdent,
        "expected value" => ExpectedSomeValue,
        "invalid escape" => InvalidEscape,
        "invalid number" => InvalidNumber,
        "number out of range" => NumberOutOfRange,
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            ControlCharacterWhileParsingString
        }
        "key must be a string" => KeyMustBeAString,
        "lone leading surrogate in hex escape" => LoneLeadingSurrogateInHexEscape,
        "trailing comma" => TrailingComma,
        "trailing characters" => TrailingCharacters,
        "unexpected end of hex escape" => UnexpectedEndOfHexEscape,
        "recursion limit exceeded" => RecursionLimitExceeded,
        _ => return None,
    };
    Some(code)
}

#[cfg(test)]
fn english_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_owned()
}

fn syntax_message(code: ErrorCode) -> String {
    const FIX: &str =
        "vérifiez les guillemets, virgules, crochets et accolades autour de cette position";
    let message = match code {
        ErrorCode::EofWhileParsingList
        | ErrorCode::EofWhileParsingObject
        | ErrorCode::EofWhileParsingString
        | ErrorCode::EofWhileParsingValue => {
            "le fichier s'arrête avant la fin du document JSON : un crochet `]`, une accolade `}` \
             ou un guillemet fermant manque probablement"
                .to_owned()
        }
        ErrorCode::TrailingCharacters => "du texte suit la fin du document JSON ; supprimez-le (ou il manque une accolade ouvrante plus haut)".to_owned(),
        ErrorCode::TrailingComma => "une virgule en trop précède la fermeture `]` ou `}` ; supprimez-la".to_owned(),
        ErrorCode::ExpectedSomeValue => format!("une valeur JSON est attendue ici (texte entre guillemets, nombre, true, false, null, [ ] ou {{ }}) ; {FIX}"),
        ErrorCode::ExpectedSomeIdent => format!("mot inconnu : seuls true, false et null s'écrivent sans guillemets ; {FIX}"),
        ErrorCode::ExpectedColon => "il manque les deux-points `:` entre le nom du champ et sa valeur".to_owned(),
        ErrorCode::ExpectedListCommaOrEnd => "il manque une virgule `,` entre deux éléments de la liste, ou le crochet fermant `]`".to_owned(),
        ErrorCode::ExpectedObjectCommaOrEnd => "il manque une virgule `,` entre deux champs, ou l'accolade fermante `}`".to_owned(),
        ErrorCode::KeyMustBeAString => "le nom d'un champ doit être écrit entre guillemets droits (\"nom\")".to_owned(),
        ErrorCode::InvalidEscape => "séquence d'échappement invalide après une barre oblique inverse `\\` dans un texte ; doublez-la (`\\\\`) si vous vouliez une barre".to_owned(),
        ErrorCode::InvalidNumber => "nombre mal écrit ; utilisez le point comme séparateur décimal, sans espace ni unité (1234.5)".to_owned(),
        ErrorCode::NumberOutOfRange => "nombre trop grand pour être représenté".to_owned(),
        ErrorCode::LoneLeadingSurrogateInHexEscape | ErrorCode::UnexpectedEndOfHexEscape => "caractère invalide dans un texte (octets non UTF-8 ou échappement \\u incorrect)".to_owned(),
        ErrorCode::ControlCharacterWhileParsingString => "un texte contient un caractère de contrôle (retour à la ligne, tabulation…) ; écrivez-le \\n ou \\t".to_owned(),
        ErrorCode::RecursionLimitExceeded => format!(
            "le document est imbriqué trop profondément (plus de {DEPTH_LIMIT} niveaux de \
             crochets ou d'accolades) ; un plan n'en a jamais besoin, vérifiez le fichier"
        ),
    };
    format!("{message}.")
}

#[cfg(test)]
fn structure_message(english: &str, path: &mut String) -> String {
    if let Some(rest) = english.strip_prefix("missing field `") {
        return missing_field(rest.trim_end_matches('`'));
    }
    if let Some(rest) = english.strip_prefix("unknown field `") {
        let (field, allowed) = rest.split_once('`').unwrap_or((rest, ""));
        let mut step = String::new();
        push_key(&mut step, field);
        if !path.ends_with(&step) {
            push_key(path, field);
        }
        return unknown_field(field, &quoted_names(allowed));
    }
    if let Some(rest) = english.strip_prefix("unknown variant `") {
        let (code, allowed) = rest.split_once('`').unwrap_or((rest, ""));
        return unknown_variant(code, &quoted_names(allowed));
    }
    if let Some(rest) = english.strip_prefix("invalid type: ") {
        let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        return invalid("type incorrect", expected, &found_fr(found));
    }
    if let Some(rest) = english.strip_prefix("invalid value: ") {
        let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        return invalid("valeur incorrecte", expected, &found_fr(found));
    }
    if let Some(rest) = english.strip_prefix("duplicate field `") {
        return duplicate_field(rest.trim_end_matches('`'));
    }
    custom(english)
}

#[cfg(test)]
/// The names between backquotes in serde's list of what it expected (`` expected one of `a`,
/// `b` ``).
fn quoted_names(allowed: &str) -> Vec<&str> {
    allowed
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|name| !name.is_empty())
        .collect()
}

// The messages of the structure errors, built directly by the hand reader
// (`validation::read`), and from serde's English words by `structure_message`: the same
// French either way (the agreement test of `locate.rs` compares them on thousands of
// documents).

/// A field the type requires is absent.
pub(super) fn missing_field(field: &str) -> String {
    format!(
        "le champ obligatoire « {field} » manque ; ajoutez-le à cet objet (voir docs/plan-format.md)."
    )
}

/// A key that is not a field of the object (`allowed` are the fields).
pub(super) fn unknown_field(field: &str, allowed: &[&str]) -> String {
    if allowed.is_empty() {
        format!("le champ « {field} » n'existe pas ici ; cet objet n'accepte aucun champ.")
    } else {
        format!(
            "le champ « {field} » n'existe pas ici (faute de frappe ?) ; champs possibles : {}.",
            allowed.join(", ")
        )
    }
}

/// A code that is none of the `allowed` ones.
pub(super) fn unknown_variant(code: &str, allowed: &[&str]) -> String {
    format!(
        "la valeur « {code} » n'est pas reconnue (faute de frappe ?) ; valeurs possibles : {}.",
        allowed.join(", ")
    )
}

/// A key written twice in an object.
pub(super) fn duplicate_field(field: &str) -> String {
    format!("le champ « {field} » est écrit deux fois dans cet objet ; gardez-en un seul.")
}

/// A value of the wrong JSON type; `expected` is serde's name of the type (`a string`,
/// `u32`, `struct Plan`…).
pub(super) fn invalid_type(found: &serde_json::Value, expected: &str) -> String {
    invalid("type incorrect", expected, &found_text(found))
}

/// An integer out of the range of its type (`u32`…).
pub(super) fn invalid_integer(found: &serde_json::Number, expected: &str) -> String {
    invalid(
        "valeur incorrecte",
        expected,
        &format!("le nombre entier {found}"),
    )
}

/// Any other problem of a value, as chrono (a date) or serde words it.
pub(super) fn custom(english: &str) -> String {
    date_message(english)
        .unwrap_or_else(|| format!("contenu inattendu ({english}) ; voir docs/plan-format.md."))
}

fn invalid(what: &str, expected: &str, found: &str) -> String {
    let expected = match expected_date(expected) {
        Some(date) => date.to_owned(),
        None => expected_fr(expected),
    };
    format!("{what} : on attend {expected}, le fichier contient {found}.")
}

fn expected_date(expected: &str) -> Option<&'static str> {
    expected
        .contains("date")
        .then_some("une date au format AAAA-MM-JJ (entre guillemets, par exemple \"2019-07-01\")")
}

/// What a JSON value is, in French, as `found_fr` says it from serde_json's words.
fn found_text(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("la valeur {b}"),
        Value::Number(n) if n.is_f64() => format!("le nombre {n}"),
        Value::Number(n) => format!("le nombre entier {n}"),
        Value::String(s) => format!("le texte {}", quoted(s)),
        Value::Array(_) => "une liste [ … ]".to_owned(),
        Value::Object(_) => "un objet { … }".to_owned(),
    }
}

/// `text` between double quotes, escaped exactly as `format!("{text:?}")` writes it (the
/// `Debug` of `str`): written by hand with `char::escape_debug`, so that the `.wasm` does not
/// link `str`'s `Debug` (1.5 KB) for this one message (BENCHMARKS.md, « Taille du widget »).
/// `str`'s `Debug` escapes every character as `char::escape_debug` does, except the single
/// quote, which it leaves as is.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c == '\'' {
            out.push(c);
        } else {
            out.extend(c.escape_debug());
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
fn found_fr(found: &str) -> String {
    let value = |prefix: &str| found.strip_prefix(prefix).map(|v| v.trim_matches('`'));
    if let Some(text) = found.strip_prefix("string ") {
        return format!("le texte {text}");
    }
    if let Some(v) = value("integer ") {
        return format!("le nombre entier {v}");
    }
    if let Some(v) = value("floating point ") {
        return format!("le nombre {v}");
    }
    if let Some(v) = value("boolean ") {
        return format!("la valeur {v}");
    }
    match found {
        "null" | "unit value" => "null".to_owned(),
        "map" => "un objet { … }".to_owned(),
        "sequence" => "une liste [ … ]".to_owned(),
        other => other.to_owned(),
    }
}

fn expected_fr(expected: &str) -> String {
    let text = match expected {
        "a string" | "a borrowed string" | "string" => "un texte entre guillemets",
        "a sequence" => "une liste [ … ]",
        "a boolean" => "true ou false",
        "f64" | "f32" => "un nombre (avec un point décimal si besoin)",
        "u8" | "u16" | "u32" | "u64" | "usize" => "un nombre entier positif ou nul",
        "i8" | "i16" | "i32" | "i64" | "isize" => "un nombre entier",
        other if other.starts_with("struct ") || other == "a map" => "un objet { … }",
        other => return format!("« {other} »"),
    };
    text.to_owned()
}

/// chrono's parse errors, which are the only custom messages of the plan types.
fn date_message(english: &str) -> Option<String> {
    const FORMAT: &str = "écrivez une date au format AAAA-MM-JJ, par exemple \"2019-07-01\"";
    let message = match english {
        "input is out of range" => {
            format!("date impossible : ce jour n'existe pas dans le calendrier (31 avril, 30 février…) ; {FORMAT}.")
        }
        "input contains invalid characters"
        | "premature end of input"
        | "trailing input"
        | "bad or unsupported format string"
        | "input is not enough for unique date and time"
        | "no possible date and time matching input" => {
            format!("date illisible ; {FORMAT}.")
        }
        _ => return None,
    };
    Some(message)
}

#[cfg(test)]
mod tests {
    use crate::validation::{from_json_slice, ErrorKind};
    use chrono::NaiveDate;

    #[derive(Debug, Default)]
    #[allow(dead_code)]
    struct Sample {
        date: NaiveDate,
        list: Vec<u32>,
    }
    crate::json_struct!(Sample [deny_unknown_fields] { date: required, list: default });

    #[test]
    fn quoted_is_str_debug_on_special_characters() {
        for text in [
            "",
            "abc",
            "l'axe",
            "a\"b",
            "a\\b",
            "\n\r\t\0",
            "\u{1}\u{7f}\u{85}",
            "é à ç",
            "\u{301}e\u{301}",
            "\u{200b}\u{feff}\u{2028}",
            "\u{e000}\u{10ffff}",
            "🇫🇷 🤷\u{200d}♂️",
        ] {
            assert_eq!(super::quoted(text), format!("{text:?}"));
        }
    }

    proptest::proptest! {
        #[test]
        fn quoted_is_str_debug(text in "\\PC*", raw in proptest::collection::vec(proptest::char::any(), 0..16)) {
            proptest::prop_assert_eq!(super::quoted(&text), format!("{text:?}"));
            let raw: String = raw.into_iter().collect();
            proptest::prop_assert_eq!(super::quoted(&raw), format!("{raw:?}"));
        }
    }

    fn error(text: &str) -> crate::ValidationError {
        from_json_slice::<Sample>(text.as_bytes())
            .unwrap_err()
            .0
            .remove(0)
    }

    #[test]
    fn a_key_written_twice_is_reported_at_its_second_place_with_the_other_errors() {
        let text = "{\n  \"date\": \"2020-01-01\",\n  \"list\": [1],\n  \"date\": \"2021-02-30\",\n  \"list\": [2, -1]\n}";
        let errors = from_json_slice::<Sample>(text.as_bytes()).unwrap_err().0;
        let found: Vec<(&str, Option<usize>)> =
            errors.iter().map(|e| (e.path.as_str(), e.line)).collect();
        // The second `date` is both repeated and impossible; the second `list` repeated and
        // holding a negative number: all of it, in the order of the file.
        assert_eq!(
            found,
            [
                ("$.date", Some(4)),
                ("$.date", Some(4)),
                ("$.list", Some(5)),
                ("$.list[1]", Some(5))
            ]
        );
        let repeated: Vec<(&str, ErrorKind)> = errors
            .iter()
            .filter(|e| {
                e.message.contains("« date » est écrit deux fois")
                    || e.message.contains("« list » est écrit deux fois")
            })
            .map(|e| (e.path.as_str(), e.kind))
            .collect();
        assert_eq!(
            repeated,
            [
                ("$.date", ErrorKind::Structure),
                ("$.list", ErrorKind::Structure)
            ]
        );
        // The same key in two objects, or twice in a list of texts, is not a repetition.
        let apart = r#"[{"a": 1}, {"a": 2, "b": {"a": 3}}, ["a", "a"]]"#;
        assert!(from_json_slice::<serde_json::Value>(apart.as_bytes()).is_ok());
    }

    #[test]
    fn impossible_date_is_explained_in_french() {
        let e = error(r#"{"date": "2019-02-30"}"#);
        assert_eq!(e.kind, ErrorKind::Structure);
        assert_eq!(e.path, "$.date");
        assert!(e.message.contains("date impossible"), "{}", e.message);
        assert!(e.message.contains("AAAA-MM-JJ"));
    }

    #[test]
    fn unknown_field_names_the_field_and_the_allowed_ones() {
        let e = error(r#"{"date": "2019-02-01", "lsit": []}"#);
        assert_eq!(e.path, "$.lsit");
        assert!(e.message.contains("« lsit »"));
        assert!(e.message.contains("date, list"), "{}", e.message);
    }

    #[test]
    fn missing_field_wrong_type_and_syntax() {
        assert!(error("{}").message.contains("« date » manque"));
        let e = error(r#"{"date": "2019-02-01", "list": "x"}"#);
        assert_eq!(e.path, "$.list");
        assert!(e.message.contains("une liste"), "{}", e.message);
        let e = error("{\"date\": \"2019-02-01\",\n }");
        assert_eq!((e.kind, e.line), (ErrorKind::Syntax, Some(2)));
        assert!(error(r#"{"date": "2019-02-01"} x"#)
            .message
            .contains("suit la fin"));
        assert!(error(r#"{"date": "2019"#).message.contains("s'arrête"));
    }

    #[test]
    fn bad_utf8_and_deep_nesting_are_errors() {
        let e = from_json_slice::<Sample>(b"{\"date\": \"2019\xff\"}")
            .unwrap_err()
            .0
            .remove(0);
        assert_eq!(
            (e.kind, e.line, e.column),
            (ErrorKind::Syntax, Some(1), Some(15))
        );
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let e = from_json_slice::<serde_json::Value>(deep.as_bytes())
            .unwrap_err()
            .0
            .remove(0);
        assert_eq!(e.kind, ErrorKind::LimitExceeded);
    }
}
