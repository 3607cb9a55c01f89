//! The JSON path of a syntax error, found from its line and column.
//!
//! The JSON reader ([`crate::json`], which reports errors as serde_json does) gives where it
//! stopped (line, column) but not in which value. Rather than tracking the path while reading
//! (serde_json's readers would need a second, path-tracking copy of every `Deserialize`
//! implementation — about 100 KB of WebAssembly), [`json_error_path`] walks
//! the text up to the error with a tiny non-recursive scanner that keeps the current key or
//! index of each open object or array, and names the value the reader was reading: the
//! same path a path-tracking deserializer gives (checked against `serde_path_to_error` by
//! the tests on thousands of broken documents).

use super::messages::{self, push_key};
use super::read::Anchor;
use super::{ErrorKind, ValidationError};
use crate::index::Index;
use crate::json;
use serde_json::error::Category;

/// Where the scan stands inside an object or array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// After `{` or `,` in an object: a key comes next.
    AwaitKey,
    /// Inside a key, or after a key before its `:`.
    Key,
    /// After `:` in an object, or after `[` or `,` in an array: a value comes next.
    AwaitValue,
    /// Inside a value (a string, a number, a word, an object or array still open).
    InValue,
    /// After a complete value.
    ValueDone,
}

#[derive(Debug)]
struct Frame {
    object: bool,
    key: Option<String>,
    index: usize,
    state: State,
}

/// The byte offset of a (line, column) position as serde_json counts them (line from 1,
/// column in bytes from the start of the line).
fn offset_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(i) => start += i + 1,
            None => return bytes.len(),
        }
    }
    (start + column).min(bytes.len())
}

/// The JSON path (`$.axes[0].title`) of the value the JSON reader ([`crate::json`]) was
/// reading in `bytes` when it failed with `error`.
pub(super) fn json_error_path(bytes: &[u8], error: &json::Error) -> String {
    path_at(
        bytes,
        (error.line, error.column),
        error.code.category(),
        error.code.about_container(),
    )
}

/// [`json_error_path`] for an error of serde_json (syntax, or structure raised by serde's
/// derived readers): the tests compare the paths with those of a path-tracking deserializer.
#[cfg(test)]
fn error_path(bytes: &[u8], error: &serde_json::Error) -> String {
    if error.line() == 0 {
        return "$".to_owned();
    }
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let about_container = messages::json_code(text.strip_suffix(&suffix).unwrap_or(&text))
        .is_some_and(json::ErrorCode::about_container);
    path_at(
        bytes,
        (error.line(), error.column()),
        error.classify(),
        about_container,
    )
}

/// The JSON path of the value being read in `bytes` when the reading stopped at
/// `(line, column)` (line from 1, column in bytes from the start of the line) with an error of
/// `category`; `about_container` when the error is about an object or list itself (a missing
/// `,`, `:` or closing bracket, a trailing comma…) rather than about the value being read:
/// those are raised between values, so the path names the object or array, not its current
/// member.
fn path_at(
    bytes: &[u8],
    (line, column): (usize, usize),
    category: Category,
    about_container: bool,
) -> String {
    let offset = offset_of(bytes, line, column);
    // A syntax error is reported just after the byte that broke the document (read or only
    // looked at): stop before it, inside the value or between values where it happened.
    let end = match category {
        Category::Syntax => offset.saturating_sub(1),
        _ => offset,
    };
    let stack = scan(&bytes[..end]);
    let between = match category {
        Category::Syntax => about_container,
        Category::Eof => {
            about_container
                // After `,` in an array, the reader looks for the next element itself.
                || stack
                    .last()
                    .is_some_and(|f| !f.object && f.state == State::AwaitValue && f.index > 0)
        }
        _ => false,
    };
    let mut path = String::from("$");
    let last = stack.len().saturating_sub(1);
    for (depth, frame) in stack.iter().enumerate() {
        // Outer containers are inside one of their members; the innermost one names its
        // current member unless the error is about the container itself or no member began.
        let member = match frame.state {
            State::AwaitKey | State::Key => false,
            _ => !(between && depth == last),
        };
        if !member || !push_member(&mut path, frame) {
            break;
        }
    }
    path
}

/// Appends to `path` the member of `frame` being read (its key, or its index); `false` when
/// an object has no key yet.
fn push_member(path: &mut String, frame: &Frame) -> bool {
    if !frame.object {
        path.push_str(&format!("[{}]", frame.index));
        return true;
    }
    match &frame.key {
        Some(key) => {
            push_key(path, key);
            true
        }
        None => false,
    }
}

/// Marks the start of a value in the innermost container.
fn begin_value(stack: &mut [Frame]) {
    if let Some(top) = stack.last_mut() {
        top.state = State::InValue;
    }
}

fn end_value(stack: &mut [Frame]) {
    if let Some(top) = stack.last_mut() {
        top.state = State::ValueDone;
    }
}

/// The open objects and arrays at the end of `bytes`, outermost first.
fn scan(bytes: &[u8]) -> Vec<Frame> {
    walk(bytes, |_, _, _| {})
}

/// The path of the value every open container is in (the innermost included).
fn path_of(stack: &[Frame]) -> String {
    let mut path = String::from("$");
    for frame in stack {
        if !push_member(&mut path, frame) {
            break;
        }
    }
    path
}

/// Every key written a second time in the same object, at its path. Parsing into a
/// `serde_json::Value` keeps the last value silently; serde's derived readers refused a
/// repeated field, and a data officer wants to know which of the two counts.
pub(super) fn duplicate_keys(bytes: &[u8]) -> Vec<ValidationError> {
    // The keys seen in each open container, aligned with the walk's stack (as the keys of an
    // `Index`, the crate's one map type: one copy of its code in the `.wasm`; the values are
    // unused).
    let mut seen: Vec<Index> = Vec::new();
    let mut duplicates = Vec::new();
    walk(bytes, |anchor, offset, stack| {
        if anchor != Anchor::Start {
            return;
        }
        let depth = stack.len();
        seen.truncate(depth);
        if let Some(Frame {
            object: true,
            key: Some(key),
            ..
        }) = stack.last()
        {
            if let Some(keys) = seen.get_mut(depth - 1) {
                if keys.insert(key.clone(), 0).is_some() {
                    // The message serde gives for a struct's field written twice.
                    duplicates.push(ValidationError::new(
                        ErrorKind::Structure,
                        path_of(stack),
                        messages::duplicate_field(key),
                    ));
                }
            }
        }
        if matches!(bytes.get(offset), Some(b'{' | b'[')) {
            seen.push(Index::new());
        }
    });
    duplicates
}

/// Places the errors of a reading ([`super::read`]) in the text: each gets the line and
/// column of the value at its path (or of the end of the object, for a missing field), and
/// they come back in the order of the file.
pub(super) fn place(bytes: &[u8], errors: Vec<(ValidationError, Anchor)>) -> Vec<ValidationError> {
    // The errors wanted at each path and anchor: the group of their positions in `groups`,
    // found by the path with the anchor in front (`Index`, the crate's one map type).
    let anchored = |path: &str, anchor: Anchor| {
        let mut key = String::with_capacity(path.len() + 1);
        key.push(if anchor == Anchor::Start { 's' } else { 'e' });
        key.push_str(path);
        key
    };
    let mut wanted = Index::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, (error, anchor)) in errors.iter().enumerate() {
        let key = anchored(&error.path, *anchor);
        match wanted.get(&key).and_then(|group| groups.get_mut(group)) {
            Some(group) => group.push(i),
            None => {
                wanted.insert(key, groups.len());
                groups.push(vec![i]);
            }
        }
    }
    let mut offsets = vec![usize::MAX; errors.len()];
    walk(bytes, |anchor, offset, stack| {
        let key = anchored(&path_of(stack), anchor);
        for &i in wanted
            .get(&key)
            .and_then(|group| groups.get(group))
            .into_iter()
            .flatten()
        {
            offsets[i] = offset;
        }
    });
    // In the order of the file (a stable sort by offset, through the crate's one sort; the
    // offsets are below 2³², the largest input being 64 MiB, and an error not found stays last).
    let order =
        crate::order::stable_order(offsets.iter().map(|&o| o.min(u32::MAX as usize) as u32));
    let mut errors: Vec<Option<ValidationError>> =
        errors.into_iter().map(|(error, _)| Some(error)).collect();
    order
        .into_iter()
        .filter_map(|i| Some((offsets[i], errors[i].take()?)))
        .map(|(offset, mut error)| {
            if let Some(before) = bytes.get(..offset) {
                let line_start = before
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                error.line = Some(before.iter().filter(|&&b| b == b'\n').count() + 1);
                error.column = Some(
                    String::from_utf8_lossy(&before[line_start..])
                        .chars()
                        .count()
                        + 1,
                );
            }
            error
        })
        .collect()
}

/// Walks `bytes`, calling `on(Anchor::Start, offset, stack)` where a value begins and
/// `on(Anchor::End, offset, stack)` where an object or array ends (the stack then holds the
/// containers around it); returns the containers still open at the end.
fn walk(bytes: &[u8], mut on: impl FnMut(Anchor, usize, &[Frame])) -> Vec<Frame> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            open @ (b'{' | b'[') => {
                on(Anchor::Start, i, &stack);
                begin_value(&mut stack);
                let object = open == b'{';
                stack.push(Frame {
                    object,
                    key: None,
                    index: 0,
                    state: if object {
                        State::AwaitKey
                    } else {
                        State::AwaitValue
                    },
                });
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                on(Anchor::End, i, &stack);
                end_value(&mut stack);
                i += 1;
            }
            b',' => {
                if let Some(top) = stack.last_mut() {
                    if top.object {
                        top.key = None;
                        top.state = State::AwaitKey;
                    } else {
                        top.index += 1;
                        top.state = State::AwaitValue;
                    }
                }
                i += 1;
            }
            b':' => {
                if let Some(top) = stack.last_mut() {
                    if top.object {
                        top.state = State::AwaitValue;
                    }
                }
                i += 1;
            }
            b'"' => {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                let closed = j < bytes.len();
                match stack.last_mut() {
                    Some(top) if top.object && top.state == State::AwaitKey => {
                        top.state = State::Key;
                        if closed {
                            // The key unescaped by the JSON reader, or as written when it
                            // is broken.
                            let key = std::str::from_utf8(&bytes[i..=j]).ok().map(json::parse);
                            top.key = Some(match key {
                                Some(Ok(serde_json::Value::String(key))) => key,
                                _ => String::from_utf8_lossy(&bytes[i + 1..j]).into_owned(),
                            });
                        }
                    }
                    _ => {
                        on(Anchor::Start, i, &stack);
                        begin_value(&mut stack);
                        if closed {
                            end_value(&mut stack);
                        }
                    }
                }
                i = j + 1;
            }
            _ => {
                // A number or `true`, `false`, `null`: complete once something follows it.
                on(Anchor::Start, i, &stack);
                begin_value(&mut stack);
                let mut j = i;
                while j < bytes.len()
                    && !matches!(
                        bytes[j],
                        b',' | b'}'
                            | b']'
                            | b' '
                            | b'\n'
                            | b'\r'
                            | b'\t'
                            | b'"'
                            | b':'
                            | b'{'
                            | b'['
                    )
                {
                    j += 1;
                }
                if j < bytes.len() {
                    end_value(&mut stack);
                }
                i = j;
            }
        }
    }
    stack
}

#[cfg(test)]
mod tests {
    //! The paths found from the position agree with those of a path-tracking deserializer
    //! (`serde_path_to_error`, which ctg used before) on thousands of broken documents: every
    //! value of the fixtures replaced by values of every JSON type, every key removed or
    //! misspelt, and bytes deleted, inserted or cut at every position of small documents.
    use crate::validation::{messages, FromJson, ValidationError};
    use serde::de::DeserializeOwned;
    use serde_json::Value;
    use serde_path_to_error::Segment;

    /// The error as ctg reported it with `serde_path_to_error`.
    fn tracked<T: Read>(bytes: &[u8]) -> Option<ValidationError> {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        match serde_path_to_error::deserialize::<_, T>(&mut de) {
            Ok(_) => de
                .end()
                .err()
                .map(|e| messages::translate_serde(e, "$".to_owned())),
            Err(error) => {
                let mut path = String::from("$");
                let segments: Vec<&Segment> = error.path().iter().collect();
                let known = segments
                    .iter()
                    .rposition(|s| !matches!(s, Segment::Unknown))
                    .map_or(0, |i| i + 1);
                for segment in &segments[..known] {
                    match segment {
                        Segment::Seq { index } => path.push_str(&format!("[{index}]")),
                        Segment::Map { key } | Segment::Enum { variant: key } => {
                            messages::push_key(&mut path, key)
                        }
                        Segment::Unknown => path.push_str(".?"),
                    }
                }
                Some(messages::translate_serde(error.into_inner(), path))
            }
        }
    }

    /// The error as ctg reports it now.
    fn located<T: Read>(bytes: &[u8]) -> Option<ValidationError> {
        let error = serde_json::from_slice::<T>(bytes).err()?;
        let path = super::error_path(bytes, &error);
        Some(messages::translate_serde(error, path))
    }

    /// Checks one document: the path found from the position is the tracked one, and the
    /// hand reader ([`crate::validation::read`]) agrees with serde's derived reader.
    fn same<T: Read>(bytes: &[u8]) -> usize {
        let (old, new) = (tracked::<T>(bytes), located::<T>(bytes));
        assert_eq!(
            old,
            new,
            "document: {}",
            String::from_utf8_lossy(&bytes[..bytes.len().min(3000)])
        );
        agree::<T>(bytes);
        usize::from(new.is_some())
    }

    /// What the agreement test needs of a document type.
    trait Read: DeserializeOwned + FromJson + PartialEq + std::fmt::Debug {}
    impl<T: DeserializeOwned + FromJson + PartialEq + std::fmt::Debug> Read for T {}

    /// The hand reader and serde's derived reader agree on `bytes`: the same value when serde
    /// reads it; when serde refuses it, the hand reader refuses it too and its first error is
    /// serde's (kind, path, message), syntax errors included. Two documented differences:
    /// serde reads a struct from a JSON list of its fields and a unit variant from
    /// `{"variant": null}`, the hand reader wants an object and a string; and a syntax error
    /// comes first, even after a structure error (the whole text is parsed before it is read).
    fn agree<T: Read>(bytes: &[u8]) {
        let text = || String::from_utf8_lossy(&bytes[..bytes.len().min(3000)]).into_owned();
        let serde = serde_json::from_slice::<T>(bytes);
        let Ok(value) = serde_json::from_slice::<Value>(bytes) else {
            // Not JSON: the syntax error is the one of `located` when serde met it first.
            return;
        };
        let hand = super::super::read_json::<T>(bytes, &value);
        match (serde, hand) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "document: {}", text()),
            (Ok(_), Err(errors)) => {
                assert!(
                    errors.0.iter().any(quirk),
                    "serde reads it, the hand reader refuses it: {errors:?}\ndocument: {}",
                    text()
                );
            }
            (Err(error), hand) => {
                let expected = messages::translate_serde(error, "$".to_owned());
                let Err(errors) = hand else {
                    panic!(
                        "serde refuses it ({expected:?}), the hand reader reads it\ndocument: {}",
                        text()
                    );
                };
                let first = &errors.0[0];
                let located = located::<T>(bytes).unwrap_or(expected);
                if quirk(first) || located.kind == super::super::ErrorKind::Syntax {
                    return;
                }
                assert_eq!(
                    (first.kind, &first.path, &first.message),
                    (located.kind, &located.path, &located.message),
                    "all: {errors:?}\ndocument: {}",
                    text()
                );
            }
        }
    }

    /// The hand reader refuses a struct written as a list, or a variant written as an object.
    fn quirk(error: &ValidationError) -> bool {
        let object_as_list = error
            .message
            .contains("on attend un objet { … }, le fichier contient une liste");
        let variant_as_object = error.message.contains("on attend « enum ")
            && error.message.contains("le fichier contient un objet");
        object_as_list || variant_as_object
    }

    /// Every value of `doc` (one in `stride`) replaced by values of other types, every key
    /// of its objects removed or misspelt; printed compact and pretty.
    fn structural<T: Read>(doc: &Value, stride: usize) -> usize {
        let mut pointers = Vec::new();
        collect(doc, String::new(), &mut pointers);
        let replacements = [
            Value::from("x"),
            Value::from("2019-02-30"),
            Value::from(7),
            Value::from(-1.5),
            Value::from(true),
            Value::Null,
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!([1, "x"]),
            serde_json::json!({"zz": 1}),
        ];
        let mut errors = 0;
        let mut check = |value: &Value| {
            let compact = serde_json::to_vec(value).unwrap_or_default();
            let pretty = serde_json::to_vec_pretty(value).unwrap_or_default();
            errors += same::<T>(&compact) + same::<T>(&pretty);
        };
        for pointer in pointers.iter().step_by(stride) {
            for replacement in &replacements {
                let mut copy = doc.clone();
                if let Some(slot) = copy.pointer_mut(pointer) {
                    *slot = replacement.clone();
                }
                check(&copy);
            }
            if let Some(Value::Object(map)) = doc.pointer(pointer) {
                for key in map.keys() {
                    let mut copy = doc.clone();
                    let mut value = Value::Null;
                    if let Some(Value::Object(m)) = copy.pointer_mut(pointer) {
                        value = m.remove(key).unwrap_or_default();
                    }
                    check(&copy);
                    if let Some(Value::Object(m)) = copy.pointer_mut(pointer) {
                        m.insert(format!("{key}_x"), value);
                    }
                    check(&copy);
                }
            }
        }
        errors
    }

    fn collect(value: &Value, pointer: String, out: &mut Vec<String>) {
        out.push(pointer.clone());
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    let escaped = key.replace('~', "~0").replace('/', "~1");
                    collect(v, format!("{pointer}/{escaped}"), out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    collect(v, format!("{pointer}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    /// Bytes deleted, inserted or cut at every position (one in `stride`).
    fn textual<T: Read>(text: &[u8], stride: usize) -> usize {
        let mut errors = 0;
        for i in (0..=text.len()).step_by(stride) {
            errors += same::<T>(&text[..i]);
            if i < text.len() {
                let mut deleted = text.to_vec();
                deleted.remove(i);
                errors += same::<T>(&deleted);
            }
            for byte in b",:{}[]\"x1 -tn.e" {
                let mut inserted = text.to_vec();
                inserted.insert(i, *byte);
                errors += same::<T>(&inserted);
            }
        }
        errors
    }

    fn fixture(path: &str) -> Vec<u8> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        std::fs::read(format!("{root}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn plan_paths_agree_with_a_path_tracking_deserializer() {
        let minimal = fixture("tests/fixtures/plans/valid/minimal.json");
        assert!(textual::<crate::Plan>(&minimal, 1) > 1000);
        let full = fixture("tests/fixtures/plans/valid/full.json");
        assert!(textual::<crate::Plan>(&full, 29) > 1000);
        let full: Value = serde_json::from_slice(&full).unwrap_or_default();
        assert!(structural::<crate::Plan>(&full, 1) > 1000);
        let civraisien: Value =
            serde_json::from_str(crate::civraisien::PLAN_JSON).unwrap_or_default();
        assert!(structural::<crate::Plan>(&civraisien, 797) > 20);
    }

    #[test]
    fn catalogue_and_situation_paths_agree_with_a_path_tracking_deserializer() {
        use crate::rights::{Catalogue, SituationInput};
        let toy = fixture("tests/fixtures/rights/toy.json");
        assert!(textual::<Catalogue>(&toy, 17) > 1000);
        let toy: Value = serde_json::from_slice(&toy).unwrap_or_default();
        assert!(structural::<Catalogue>(&toy, 1) > 1000);
        let cases: Value = serde_json::from_slice(&fixture("tests/fixtures/rights/toy-cases.json"))
            .unwrap_or_default();
        for case in cases["cases"].as_array().into_iter().flatten().take(6) {
            let text = serde_json::to_vec_pretty(&case["situation"]).unwrap_or_default();
            textual::<SituationInput>(&text, 1);
            structural::<SituationInput>(&case["situation"], 1);
        }
    }

    /// Every fixture and example, read as a plan, a catalogue and a situation: both readers
    /// agree (see [`agree`]).
    #[test]
    fn every_fixture_reads_the_same_with_both_readers() {
        use crate::json::tests::json_files;
        use crate::rights::{Catalogue, SituationInput};
        let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
        let mut files = Vec::new();
        json_files(&root.join("tests/fixtures"), &mut files);
        json_files(&root.join("examples/civraisien"), &mut files);
        assert!(files.len() > 100, "{}", files.len());
        for file in &files {
            let bytes = std::fs::read(file).unwrap_or_default();
            agree::<crate::Plan>(&bytes);
            agree::<Catalogue>(&bytes);
            agree::<SituationInput>(&bytes);
        }
    }

    #[test]
    fn examples() {
        let path = |text: &str| located::<crate::Plan>(text.as_bytes()).map(|e| e.path);
        assert_eq!(path(r#"{"format": 1}"#).as_deref(), Some("$.format"));
        assert_eq!(path(r#"{"axes": [1]}"#).as_deref(), Some("$.axes[0]"));
        assert_eq!(path(r#"{"format": "x" "id"}"#).as_deref(), Some("$"));
        assert_eq!(
            path(r#"{"period": {"start": "2019-02-30""#).as_deref(),
            Some("$.period.start")
        );
    }
}
