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

/// The lowercase mappings of Unicode as runs `(first, count, stride, delta)`: the characters
/// `first + k * stride` for `k < count` have the lowercase `c + delta`. Generated from
/// `char::to_lowercase` (every character whose lowercase is one other character; U+0130 `İ`,
/// whose lowercase is two characters, is folded to `I` first), so that the search does not
/// link the standard library's case tables (about 12 KB in the widget). The test
/// `lower_equals_to_lowercase_on_every_character` checks it and prints the table again when
/// the Unicode version of the toolchain changes.
#[rustfmt::skip]
const LOWER_RUNS: &[(u32, u8, u8, i32)] = &[
    (0x0041, 26, 1, 32), (0x00C0, 23, 1, 32), (0x00D8, 7, 1, 32), (0x0100, 24, 2, 1),
    (0x0132, 3, 2, 1), (0x0139, 8, 2, 1), (0x014A, 23, 2, 1), (0x0178, 1, 1, -121),
    (0x0179, 3, 2, 1), (0x0181, 1, 1, 210), (0x0182, 2, 2, 1), (0x0186, 1, 1, 206),
    (0x0187, 1, 1, 1), (0x0189, 2, 1, 205), (0x018B, 1, 1, 1), (0x018E, 1, 1, 79),
    (0x018F, 1, 1, 202), (0x0190, 1, 1, 203), (0x0191, 1, 1, 1), (0x0193, 1, 1, 205),
    (0x0194, 1, 1, 207), (0x0196, 1, 1, 211), (0x0197, 1, 1, 209), (0x0198, 1, 1, 1),
    (0x019C, 1, 1, 211), (0x019D, 1, 1, 213), (0x019F, 1, 1, 214), (0x01A0, 3, 2, 1),
    (0x01A6, 1, 1, 218), (0x01A7, 1, 1, 1), (0x01A9, 1, 1, 218), (0x01AC, 1, 1, 1),
    (0x01AE, 1, 1, 218), (0x01AF, 1, 1, 1), (0x01B1, 2, 1, 217), (0x01B3, 2, 2, 1),
    (0x01B7, 1, 1, 219), (0x01B8, 1, 1, 1), (0x01BC, 1, 1, 1), (0x01C4, 1, 1, 2),
    (0x01C5, 1, 1, 1), (0x01C7, 1, 1, 2), (0x01C8, 1, 1, 1), (0x01CA, 1, 1, 2),
    (0x01CB, 9, 2, 1), (0x01DE, 9, 2, 1), (0x01F1, 1, 1, 2), (0x01F2, 2, 2, 1),
    (0x01F6, 1, 1, -97), (0x01F7, 1, 1, -56), (0x01F8, 20, 2, 1), (0x0220, 1, 1, -130),
    (0x0222, 9, 2, 1), (0x023A, 1, 1, 10795), (0x023B, 1, 1, 1), (0x023D, 1, 1, -163),
    (0x023E, 1, 1, 10792), (0x0241, 1, 1, 1), (0x0243, 1, 1, -195), (0x0244, 1, 1, 69),
    (0x0245, 1, 1, 71), (0x0246, 5, 2, 1), (0x0370, 2, 2, 1), (0x0376, 1, 1, 1),
    (0x037F, 1, 1, 116), (0x0386, 1, 1, 38), (0x0388, 3, 1, 37), (0x038C, 1, 1, 64),
    (0x038E, 2, 1, 63), (0x0391, 17, 1, 32), (0x03A3, 9, 1, 32), (0x03CF, 1, 1, 8),
    (0x03D8, 12, 2, 1), (0x03F4, 1, 1, -60), (0x03F7, 1, 1, 1), (0x03F9, 1, 1, -7),
    (0x03FA, 1, 1, 1), (0x03FD, 3, 1, -130), (0x0400, 16, 1, 80), (0x0410, 32, 1, 32),
    (0x0460, 17, 2, 1), (0x048A, 27, 2, 1), (0x04C0, 1, 1, 15), (0x04C1, 7, 2, 1),
    (0x04D0, 48, 2, 1), (0x0531, 38, 1, 48), (0x10A0, 38, 1, 7264), (0x10C7, 1, 1, 7264),
    (0x10CD, 1, 1, 7264), (0x13A0, 80, 1, 38864), (0x13F0, 6, 1, 8), (0x1C89, 1, 1, 1),
    (0x1C90, 43, 1, -3008), (0x1CBD, 3, 1, -3008), (0x1E00, 75, 2, 1), (0x1E9E, 1, 1, -7615),
    (0x1EA0, 48, 2, 1), (0x1F08, 8, 1, -8), (0x1F18, 6, 1, -8), (0x1F28, 8, 1, -8),
    (0x1F38, 8, 1, -8), (0x1F48, 6, 1, -8), (0x1F59, 4, 2, -8), (0x1F68, 8, 1, -8),
    (0x1F88, 8, 1, -8), (0x1F98, 8, 1, -8), (0x1FA8, 8, 1, -8), (0x1FB8, 2, 1, -8),
    (0x1FBA, 2, 1, -74), (0x1FBC, 1, 1, -9), (0x1FC8, 4, 1, -86), (0x1FCC, 1, 1, -9),
    (0x1FD8, 2, 1, -8), (0x1FDA, 2, 1, -100), (0x1FE8, 2, 1, -8), (0x1FEA, 2, 1, -112),
    (0x1FEC, 1, 1, -7), (0x1FF8, 2, 1, -128), (0x1FFA, 2, 1, -126), (0x1FFC, 1, 1, -9),
    (0x2126, 1, 1, -7517), (0x212A, 1, 1, -8383), (0x212B, 1, 1, -8262), (0x2132, 1, 1, 28),
    (0x2160, 16, 1, 16), (0x2183, 1, 1, 1), (0x24B6, 26, 1, 26), (0x2C00, 48, 1, 48),
    (0x2C60, 1, 1, 1), (0x2C62, 1, 1, -10743), (0x2C63, 1, 1, -3814), (0x2C64, 1, 1, -10727),
    (0x2C67, 3, 2, 1), (0x2C6D, 1, 1, -10780), (0x2C6E, 1, 1, -10749), (0x2C6F, 1, 1, -10783),
    (0x2C70, 1, 1, -10782), (0x2C72, 1, 1, 1), (0x2C75, 1, 1, 1), (0x2C7E, 2, 1, -10815),
    (0x2C80, 50, 2, 1), (0x2CEB, 2, 2, 1), (0x2CF2, 1, 1, 1), (0xA640, 23, 2, 1),
    (0xA680, 14, 2, 1), (0xA722, 7, 2, 1), (0xA732, 31, 2, 1), (0xA779, 2, 2, 1),
    (0xA77D, 1, 1, -35332), (0xA77E, 5, 2, 1), (0xA78B, 1, 1, 1), (0xA78D, 1, 1, -42280),
    (0xA790, 2, 2, 1), (0xA796, 10, 2, 1), (0xA7AA, 1, 1, -42308), (0xA7AB, 1, 1, -42319),
    (0xA7AC, 1, 1, -42315), (0xA7AD, 1, 1, -42305), (0xA7AE, 1, 1, -42308),
    (0xA7B0, 1, 1, -42258), (0xA7B1, 1, 1, -42282), (0xA7B2, 1, 1, -42261), (0xA7B3, 1, 1, 928),
    (0xA7B4, 8, 2, 1), (0xA7C4, 1, 1, -48), (0xA7C5, 1, 1, -42307), (0xA7C6, 1, 1, -35384),
    (0xA7C7, 2, 2, 1), (0xA7CB, 1, 1, -42343), (0xA7CC, 8, 2, 1), (0xA7DC, 1, 1, -42561),
    (0xA7F5, 1, 1, 1), (0xFF21, 26, 1, 32), (0x10400, 40, 1, 40), (0x104B0, 36, 1, 40),
    (0x10570, 11, 1, 39), (0x1057C, 15, 1, 39), (0x1058C, 7, 1, 39), (0x10594, 2, 1, 39),
    (0x10C80, 51, 1, 64), (0x10D50, 22, 1, 32), (0x118A0, 32, 1, 32), (0x16E40, 32, 1, 32),
    (0x16EA0, 25, 1, 27), (0x1E900, 34, 1, 34),
];

/// The lowercase of `c`, as [`char::to_lowercase`] gives it when it is one character (every
/// character but U+0130, which [`fold`] turns into `I`).
pub(crate) fn lower(c: char) -> char {
    let code = c as u32;
    let index = LOWER_RUNS.partition_point(|&(first, _, _, _)| first <= code);
    let Some(&(first, count, stride, delta)) = index.checked_sub(1).map(|i| &LOWER_RUNS[i]) else {
        return c;
    };
    let offset = code - first;
    if offset % u32::from(stride) != 0 || offset / u32::from(stride) >= u32::from(count) {
        return c;
    }
    code.checked_add_signed(delta)
        .and_then(char::from_u32)
        .unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::{fold, lower, LOWER_RUNS};
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

    /// The runs of `LOWER_RUNS`, computed again from the standard library.
    fn runs_of_to_lowercase() -> Vec<(u32, u8, u8, i32)> {
        let mut runs: Vec<(u32, u8, u8, i32)> = Vec::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut lowercase = c.to_lowercase();
            let (Some(l), None) = (lowercase.next(), lowercase.next()) else {
                continue;
            };
            if l == c {
                continue;
            }
            let (code, delta) = (c as u32, l as i32 - c as i32);
            if let Some(run) = runs.last_mut() {
                let last = run.0 + (u32::from(run.1) - 1) * u32::from(run.2);
                let step = code - last;
                if run.3 == delta
                    && run.1 < u8::MAX
                    && (step == u32::from(run.2) || (run.1 == 1 && step == 2))
                {
                    run.2 = step as u8;
                    run.1 += 1;
                    continue;
                }
            }
            runs.push((code, 1, 1, delta));
        }
        runs
    }

    #[test]
    fn lower_equals_to_lowercase_on_every_character() {
        let runs = runs_of_to_lowercase();
        let table: Vec<String> = runs
            .iter()
            .map(|(first, count, stride, delta)| {
                format!("(0x{first:04X}, {count}, {stride}, {delta})")
            })
            .collect();
        assert!(
            runs == LOWER_RUNS,
            "the Unicode version changed: set LOWER_RUNS to\n{}",
            table.join(", ")
        );
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut lowercase = c.to_lowercase();
            if let (Some(l), None) = (lowercase.next(), lowercase.next()) {
                assert_eq!(lower(c), l, "U+{:04X} {c}", c as u32);
            }
        }
        assert_eq!(lower(fold('İ').unwrap_or('İ')), 'i');
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
