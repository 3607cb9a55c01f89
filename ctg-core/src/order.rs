//! One stable ordering for every list the crate sorts by a number (dates of the evaluation,
//! offsets of errors in a file): a sort is instantiated once per type of element, so the
//! lists are not sorted themselves but their positions are, through one sort of `u64` (one
//! copy of it in the `.wasm`, BENCHMARKS.md, « Taille du widget »).

/// The positions `0..n` of `keys` in increasing order of key, equal keys in their order:
/// the order a stable sort by key gives (the key in the high half of a `u64`, the position
/// in the low half, so that no two are equal). There are fewer than 2³² keys (a document
/// has at most `Limits::max_elements`, 8 million, JSON elements).
pub(crate) fn stable_order(keys: impl Iterator<Item = u32>) -> Vec<usize> {
    let mut keyed: Vec<u64> = keys
        .zip(0u32..)
        .map(|(key, i)| (u64::from(key) << 32) | u64::from(i))
        .collect();
    keyed.sort_unstable();
    keyed
        .into_iter()
        .map(|k| (k & 0xffff_ffff) as usize)
        .collect()
}

/// A date as a key of [`stable_order`]: the order of dates (days since the common era,
/// shifted from `i32` to `u32`).
pub(crate) fn date_key(date: chrono::NaiveDate) -> u32 {
    use chrono::Datelike;
    (date.num_days_from_ce() as u32) ^ 0x8000_0000
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    proptest::proptest! {
        /// The positions come in the order of a stable sort by key.
        #[test]
        fn stable_order_is_a_stable_sort(keys in proptest::collection::vec(proptest::prop_oneof![0u32..8, proptest::num::u32::ANY], 0..80)) {
            let mut stable: Vec<(u32, usize)> = keys.iter().copied().zip(0..).collect();
            stable.sort_by_key(|&(key, _)| key);
            let order = stable_order(keys.iter().copied());
            let expected: Vec<usize> = stable.into_iter().map(|(_, i)| i).collect();
            proptest::prop_assert_eq!(order, expected);
        }

        /// Dates compare as their keys.
        #[test]
        fn date_keys_keep_the_order_of_dates(a in -100_000i32..1_000_000, b in -100_000i32..1_000_000) {
            let day = |n: i32| NaiveDate::from_num_days_from_ce_opt(n).unwrap();
            proptest::prop_assert_eq!(date_key(day(a)).cmp(&date_key(day(b))), day(a).cmp(&day(b)));
        }
    }

    #[test]
    fn date_keys_at_the_ends() {
        assert!(date_key(NaiveDate::MIN) < date_key(NaiveDate::from_ymd_opt(1, 1, 1).unwrap()));
        assert!(date_key(NaiveDate::from_ymd_opt(1, 1, 1).unwrap()) < date_key(NaiveDate::MAX));
    }
}
