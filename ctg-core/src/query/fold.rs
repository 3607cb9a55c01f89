//! Folding of accented Latin letters for the text search, without Unicode tables.
//!
//! [`fold`] gives, for one character, what canonical decomposition (NFD) followed by the
//! removal of combining marks gives, for every character of the Latin blocks (Basic Latin,
//! Latin-1 Supplement, Latin Extended-A and -B, Latin Extended Additional) and the combining
//! diacritical marks — everything French and the other Latin-script languages write. Other
//! scripts are kept as they are. This keeps the WebAssembly widget small: the full Unicode
//! normalization tables weigh about 70 KB gzipped. A test checks the equivalence with the
//! `unicode-normalization` crate on every character of these blocks.

/// The base letters of U+00C0..U+024F (Latin-1 Supplement letters, Latin Extended-A and -B),
/// one per character, generated from the Unicode Character Database (NFD without marks).
const LATIN: &str = concat!(
    "AAAAAAÆCEEEEIIIIÐNOOOOO×ØUUUUYÞßaaaaaaæceeeeiiiiðnooooo÷øuuuuyþy",
    "AaAaAaCcCcCcCcDdĐđEeEeEeEeEeGgGgGgGgHhĦħIiIiIiIiIıĲĳJjKkĸLlLlLlĿ",
    "ŀŁłNnNnNnŉŊŋOoOoOoŒœRrRrRrSsSsSsSsTtTtŦŧUuUuUuUuUuUuWwYyYZzZzZzſ",
    "ƀƁƂƃƄƅƆƇƈƉƊƋƌƍƎƏƐƑƒƓƔƕƖƗƘƙƚƛƜƝƞƟOoƢƣƤƥƦƧƨƩƪƫƬƭƮUuƱƲƳƴƵƶƷƸƹƺƻƼƽƾƿ",
    "ǀǁǂǃǄǅǆǇǈǉǊǋǌAaIiOoUuUuUuUuUuǝAaAaÆæǤǥGgKkOoOoƷʒjǱǲǳGgǶǷNnAaÆæØø",
    "AaAaEeEeIiIiOoOoRrRrUuUuSsTtȜȝHhȠȡȢȣȤȥAaEeOoOoOoOoYyȴȵȶȷȸȹȺȻȼȽȾȿ",
    "ɀɁɂɃɄɅɆɇɈɉɊɋɌɍɎɏ",
);

/// The base letters of U+1E00..U+1EFF (Latin Extended Additional), generated likewise.
const LATIN_ADDITIONAL: &str = concat!(
    "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMm",
    "MmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVv",
    "WwWwWwWwWwXxXxYyZzZzZzhtwyẚſẜẝẞẟAaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEe",
    "EeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYyỺỻỼỽỾỿ",
);

/// Whether `c` is a combining diacritical mark (the blocks Latin text uses).
pub(crate) fn is_diacritic(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AF0 | 0x1DC0..=0x1DFF | 0x20D0..=0x20F0 | 0xFE20..=0xFE2F)
}

/// The character without its accents: `é` → `e`, `Ç` → `C`, `ǘ` → `u`; `None` for a
/// combining mark, which folds to nothing.
pub(crate) fn fold(c: char) -> Option<char> {
    let code = c as u32;
    if is_diacritic(c) {
        return None;
    }
    let from = |table: &str, start: u32| table.chars().nth((code - start) as usize).unwrap_or(c);
    Some(match code {
        0x00C0..=0x024F => from(LATIN, 0x00C0),
        0x1E00..=0x1EFF => from(LATIN_ADDITIONAL, 0x1E00),
        0x2000 => '\u{2002}',
        0x2001 => '\u{2003}',
        0x2126 => '\u{03A9}',
        0x212A => 'K',
        0x212B => 'A',
        _ => c,
    })
}

#[cfg(test)]
mod tests {
    use super::fold;
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;

    /// What `fold` stands for: NFD, then combining marks removed.
    fn reference(c: char) -> String {
        std::iter::once(c)
            .nfd()
            .filter(|c| !is_combining_mark(*c))
            .collect()
    }

    fn covered() -> impl Iterator<Item = char> {
        [
            0x0000..=0x024F,
            0x0300..=0x036F,
            0x1AB0..=0x1AFF,
            0x1DC0..=0x1DFF,
            0x1E00..=0x1EFF,
            0x2000..=0x206F,
            0x20D0..=0x20FF,
            0xFE20..=0xFE2F,
            0x2100..=0x214F,
        ]
        .into_iter()
        .flatten()
        .filter_map(char::from_u32)
    }

    #[test]
    fn fold_equals_nfd_without_marks_on_every_latin_character() {
        for c in covered() {
            let folded: String = fold(c).into_iter().collect();
            assert_eq!(folded, reference(c), "U+{:04X} {c}", c as u32);
        }
    }

    #[test]
    fn french_letters_fold_to_their_base() {
        let folded: String = "àâäçéèêëîïôöùûüÿÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ"
            .chars()
            .filter_map(fold)
            .collect();
        assert_eq!(folded, "aaaceeeeiioouuuyAAACEEEEIIOOUUUY");
        assert_eq!(fold('\u{0301}'), None);
        assert_eq!(fold('œ'), Some('œ'));
    }

    proptest::proptest! {
        #[test]
        fn folding_a_latin_text_equals_nfd_without_marks(text in "[\\u{0020}-\\u{024F}\\u{0300}-\\u{036F}\\u{1E00}-\\u{1EFF}]{0,40}") {
            let folded: String = text.chars().filter_map(fold).collect();
            let expected: String = text.nfd().filter(|c| !is_combining_mark(*c)).collect();
            proptest::prop_assert_eq!(folded, expected);
        }
    }
}
