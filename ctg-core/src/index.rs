//! [`Index`]: the crate's one map from texts to numbers (ids to positions, codes to their
//! numbers, keys seen in a JSON object), on the ordered map that serde_json links anyway
//! (`serde_json::Map`, a `BTreeMap<String, Value>` in the `.wasm`): a `HashMap` adds its own
//! code, hashbrown's tables and SipHash (6 KB of `.wasm`), for no difference anyone would
//! feel at the sizes of a plan or a catalogue. A lookup costs `O(log n)` comparisons of texts,
//! and nothing depends on a random seed (BENCHMARKS.md, « Taille du widget »).

use serde_json::{Map, Value};

/// A map from texts to numbers, with the methods of a `HashMap<String, usize>` that the
/// crate uses (`get` gives the number itself).
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    /// Each key with its number (a `Value::Number`).
    numbers: Map<String, Value>,
}

impl Index {
    /// An empty index.
    pub(crate) fn new() -> Self {
        Index::default()
    }

    /// The number of `key`, if it is in the index.
    pub(crate) fn get(&self, key: &str) -> Option<usize> {
        number(self.numbers.get(key)?)
    }

    /// Whether `key` is in the index.
    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.numbers.contains_key(key)
    }

    /// Gives `key` the number `value`; returns the number it had if it was in the index (as
    /// `HashMap::insert` does).
    pub(crate) fn insert(&mut self, key: String, value: usize) -> Option<usize> {
        number(&self.numbers.insert(key, Value::from(value))?)
    }

    /// The number of keys.
    pub(crate) fn len(&self) -> usize {
        self.numbers.len()
    }
}

/// The number an [`Index`] stored (always a `usize`, written by `insert`).
fn number(value: &Value) -> Option<usize> {
    usize::try_from(value.as_u64()?).ok()
}

#[cfg(test)]
mod tests {
    use super::Index;
    use std::collections::HashMap;

    proptest::proptest! {
        /// Any sequence of insertions and lookups gives what a `HashMap<String, usize>` gives.
        #[test]
        fn index_is_a_map(ops in proptest::collection::vec((0u8..3, "[a-c]{0,2}", 0usize..50), 0..120)) {
            let mut index = Index::new();
            let mut model: HashMap<String, usize> = HashMap::new();
            for (op, key, value) in ops {
                match op {
                    0 => proptest::prop_assert_eq!(index.insert(key.clone(), value), model.insert(key, value)),
                    1 => proptest::prop_assert_eq!(index.get(&key), model.get(&key).copied()),
                    _ => proptest::prop_assert_eq!(index.contains_key(&key), model.contains_key(&key)),
                }
                proptest::prop_assert_eq!(index.len(), model.len());
            }
        }
    }
}
