//! Numbers written as text and read from text, without the standard library's float printer
//! and reader.
//!
//! `format!("{x}")` on an `f64` links `<f64 as Display>::fmt` (Grisu, Dragon, a bignum and
//! their tables: about 8.6 KB of the widget's WebAssembly). serde_json already links its own
//! shortest round-trip printer, [`zmij`], to write JSON; [`Plain`] writes an `f64` through it,
//! in the very text `<f64 as Display>` gives, so that the standard library's printer is no longer
//! linked. Every number a message of the widget's code paths writes goes through [`Plain`] (the
//! HTML and CSV reports of `evaluation::report`, which only the CLI links, keep `{x}` and `{x:.1}`).
//!
//! The other way, [`parse_f64`] reads a number written in JSON's grammar exactly as
//! `str::parse::<f64>` does, in about 2 KB of WebAssembly instead of the standard library's
//! `dec2flt` and its 11 KB table of powers of five: ctg's JSON reader ([`crate::json`]) and the
//! answers written as text (`rights::situation`) read their numbers through it.
//!
//! ```
//! use ctg_core::number::Plain;
//!
//! assert_eq!(Plain(2.5).to_string(), "2.5");
//! assert_eq!(Plain(1e21).to_string(), "1000000000000000000000");
//! assert_eq!(Plain(1.5e-7).to_string(), "0.00000015");
//! assert_eq!(Plain(-0.0).to_string(), "-0");
//! assert_eq!(Plain(f64::NAN).to_string(), "NaN");
//! assert_eq!(ctg_core::number::parse_f64("0.1"), Some(0.1));
//! ```

use std::fmt;

/// An `f64` displayed exactly as `<f64 as Display>` displays it, without its code: no exponent,
/// the shortest digits that read back to the same number, `-0` for negative zero, `inf`,
/// `-inf` and `NaN`.
///
/// The digits come from [`zmij`] (the printer serde_json uses), rewritten from its scientific
/// form (`1e21`, `1.5e-7`, `1.0`) to plain notation. Width, fill, alignment, `+` and `0` are
/// honoured as for an integer (`{:>8}`), which is what the standard library does for a float
/// too (except that `{:+}` writes `+NaN` where the standard library writes `NaN`). A precision
/// is not honoured here (it would link the exact printer into the widget's WebAssembly for
/// every caller).
///
/// ```
/// use ctg_core::number::Plain;
///
/// assert_eq!(format!("{}", Plain(0.1 + 0.2)), "0.30000000000000004");
/// assert_eq!(format!("{:>6}", Plain(-2.5)), "  -2.5");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plain(pub f64);

impl fmt::Display for Plain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_assert!(f.precision().is_none(), "`Plain` has no precision");
        // Sign, `NaN` and the infinities as the standard library writes them, padded as an
        // integer.
        let x = self.0;
        if x.is_nan() {
            return f.pad_integral(true, "", "NaN");
        }
        let mut text = String::with_capacity(24);
        if x.is_infinite() {
            text.push_str("inf");
        } else {
            shortest(x.abs(), &mut text);
        }
        f.pad_integral(!x.is_sign_negative(), "", &text)
    }
}

/// Writes a finite, non-negative `x` in plain notation with its shortest round-trip digits.
fn shortest(x: f64, out: &mut String) {
    let mut buffer = zmij::Buffer::new();
    let text = buffer.format_finite(x);
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, parse_exponent(e)),
        None => (text, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The significant digits, and where the decimal point falls among them.
    let mut point = int.len() as i64 + exponent;
    let mut kept = Vec::with_capacity(20);
    for d in int.bytes().chain(frac.bytes()) {
        if kept.is_empty() && d == b'0' {
            point -= 1;
        } else {
            kept.push(d);
        }
    }
    while kept.last() == Some(&b'0') {
        kept.pop();
    }
    if rounded_down_on_tie(x, &kept, point) {
        // The standard library takes the upper of two equally near shortest candidates.
        round_up(&mut kept, &mut point);
    }
    if kept.is_empty() {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        push_zeros(out, point.unsigned_abs());
        push_digits(out, &kept);
    } else if point as usize >= kept.len() {
        push_digits(out, &kept);
        push_zeros(out, point as u64 - kept.len() as u64);
    } else {
        let (whole, rest) = kept.split_at(point as usize);
        push_digits(out, whole);
        out.push('.');
        push_digits(out, rest);
    }
}

/// Whether `x` lies exactly halfway between `digits` (with the decimal point after `point` of
/// them) and the next number of as many digits, `digits` being the lower: zmij breaks such a
/// tie to the even candidate, the standard library to the upper one (`2^-25` =
/// `2.98023223876953125e-8`: zmij `…312`, the standard library `…313`).
///
/// With `x = m × 2^e` (`m` odd) and `D` the digits as an integer, `x = D × 10^-q` to the digits
/// written (`q` decimals), the tie is `2x × 10^q = 2D + 1`, that is `m × 2^(e+1) × 10^q =
/// 2D + 1`: an odd integer, so `e + 1 = -q` and `m × 5^q = 2D + 1` (for `q < 0`:
/// `m = (2D + 1) × 5^-q`).
fn rounded_down_on_tie(x: f64, digits: &[u8], point: i64) -> bool {
    // zmij writes at most 17 significant digits: `2D + 1` fits in a `u64`.
    if digits.is_empty() || digits.len() > 17 {
        return false;
    }
    let bits = x.to_bits();
    let exponent_bits = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if exponent_bits == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exponent_bits - 1075)
    };
    if m == 0 {
        return false;
    }
    e += i64::from(m.trailing_zeros());
    m >>= m.trailing_zeros();
    let q = digits.len() as i64 - point;
    if e + 1 != -q {
        return false;
    }
    let d = digits
        .iter()
        .fold(0u64, |n, &c| n * 10 + u64::from(c - b'0'));
    let odd = 2 * d + 1;
    // Multiply the smaller side by 5 until it reaches the other: `m × 5^q = 2D + 1`.
    let (mut small, large) = if q >= 0 { (m, odd) } else { (odd, m) };
    for _ in 0..q.unsigned_abs() {
        match small.checked_mul(5) {
            Some(next) if next <= large => small = next,
            _ => return false,
        }
    }
    small == large
}

/// Adds one to the last of `digits`, carrying (`199` → `2`, the point moved if `99` → `1`),
/// and drops the trailing zeros.
fn round_up(digits: &mut Vec<u8>, point: &mut i64) {
    let mut i = digits.len();
    loop {
        if i == 0 {
            digits.insert(0, b'1');
            *point += 1;
            break;
        }
        i -= 1;
        if digits[i] == b'9' {
            digits[i] = b'0';
        } else {
            digits[i] += 1;
            break;
        }
    }
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
}

/// Reads the exponent of zmij's scientific form: `21`, `+21`, `-07`.
fn parse_exponent(text: &str) -> i64 {
    let (sign, digits) = match text.as_bytes().first() {
        Some(b'-') => (-1, &text[1..]),
        Some(b'+') => (1, &text[1..]),
        _ => (1, text),
    };
    sign * digits
        .bytes()
        .fold(0i64, |n, d| n * 10 + i64::from(d.wrapping_sub(b'0')))
}

fn push_zeros(out: &mut String, n: u64) {
    for _ in 0..n {
        out.push('0');
    }
}

fn push_digits(out: &mut String, digits: &[u8]) {
    for &d in digits {
        out.push(char::from(d));
    }
}

/// The most significant digits [`parse_f64`] reads exactly; the digits after them only tell
/// whether the number lies above the one they were cut from. Every number halfway between
/// two neighbouring `f64` (`(2m + 1) × 2^(e - 1)`, `e ≥ -1074`) has at most 767 significant
/// digits, so no such point lies strictly between `D × 10^k` (`D` of 800 digits) and
/// `(D + 1) × 10^k` (it would be a multiple of `10^(k + 33)`): the cut number and its
/// truncation round alike once a nonzero cut digit counts as "a little more".
const MAX_DIGITS: usize = 800;

/// Limbs of the big integers of [`exact`] (2 816 bits). None reaches `2^2659`: the digits
/// (`10^800 < 2^2658`), `5^1123 < 2^2608` (800 digits of a number below `10^-323`) and
/// `d × 5^k < 10^309` align to at most 2 658 bits, and the remainder stays below twice the
/// divisor.
const LIMBS: usize = 88;

/// A non-negative big integer, little-endian in base `2^32`.
type Big = [u32; LIMBS];

/// Reads a number written in JSON's grammar, `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`,
/// as the nearest `f64` (ties to even), bit for bit as [`str::parse::<f64>`] reads it —
/// `-0` is negative zero, `1e-400` is `0.0` —, without the standard library's tables (about
/// 11 KB of the widget's WebAssembly). `None` for any other text, and for a number too large
/// for an `f64` (serde_json's "number out of range").
///
/// Numbers of at most 19 digits with a small exponent (those of plans: amounts, rates, years)
/// take one exact floating-point multiplication or division (Clinger's fast path); the others
/// an exact big-integer division, of at most [`MAX_DIGITS`] digits whatever the length of the
/// text (the standard library reads `inf` or `0` for some numbers of more than a million
/// digits, whose exponent it saturates; serde_json and this function read them exactly).
///
/// ```
/// use ctg_core::number::parse_f64;
///
/// assert_eq!(parse_f64("1200.50"), Some(1200.5));
/// assert_eq!(parse_f64("-0").map(f64::is_sign_negative), Some(true));
/// assert_eq!(parse_f64("2.2250738585072011e-308"), Some(2.225073858507201e-308));
/// assert_eq!(parse_f64("1e-400"), Some(0.0));
/// assert_eq!(parse_f64("1e400"), None);
/// assert_eq!(parse_f64("+1"), None);
/// assert_eq!(parse_f64(".5"), None);
/// ```
pub fn parse_f64(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let start = usize::from(negative);
    let mut i = start;
    let whole = digits(bytes, &mut i);
    if whole == 0 || (whole > 1 && bytes[start] == b'0') {
        return None;
    }
    let mut fraction = 0;
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        fraction = digits(bytes, &mut i);
        if fraction == 0 {
            return None;
        }
    }
    let mantissa = &bytes[start..i];
    let mut exponent = 0i64;
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        let sign = bytes.get(i).copied();
        i += usize::from(matches!(sign, Some(b'+' | b'-')));
        let first = i;
        if digits(bytes, &mut i) == 0 {
            return None;
        }
        for &d in &bytes[first..i] {
            // Saturated far beyond any exponent that could matter.
            if exponent < 1 << 40 {
                exponent = exponent * 10 + i64::from(d - b'0');
            }
        }
        if sign == Some(b'-') {
            exponent = -exponent;
        }
    }
    if i != bytes.len() {
        return None;
    }
    // The number is `D × 10^exponent`, `D` the integer of every digit written, of `count`
    // significant digits, the first 19 of which are `head`.
    exponent -= fraction as i64;
    let (mut count, mut head) = (0usize, 0u64);
    for &c in mantissa {
        if c != b'.' && (count > 0 || c != b'0') {
            if count < 19 {
                head = head * 10 + u64::from(c - b'0');
            }
            count += 1;
        }
    }
    let magnitude = count as i64 + exponent; // the number is below 10^magnitude
    let x = if count == 0 || magnitude <= -324 {
        0.0
    } else if magnitude > 309 {
        return None;
    } else if count <= 19 && head <= 1 << 53 && (-22..=22).contains(&exponent) {
        // Two exact doubles, one correctly rounded operation.
        let mut power = 1.0;
        for _ in 0..exponent.unsigned_abs() {
            power *= 10.0;
        }
        if exponent < 0 {
            head as f64 / power
        } else {
            head as f64 * power
        }
    } else {
        // The first `MAX_DIGITS` significant digits, nine at a time.
        let mut d = [0; LIMBS];
        let (mut chunk, mut scale, mut kept, mut sticky) = (0, 1, 0, false);
        for &c in mantissa {
            if c == b'.' || (kept == 0 && c == b'0') {
                continue;
            }
            if kept == MAX_DIGITS {
                sticky |= c != b'0';
                continue;
            }
            chunk = chunk * 10 + u32::from(c - b'0');
            scale *= 10;
            kept += 1;
            if scale == 1_000_000_000 {
                mul_add(&mut d, scale, chunk);
                (chunk, scale) = (0, 1);
            }
        }
        mul_add(&mut d, scale, chunk);
        f64::from_bits(exact(d, magnitude - kept as i64, sticky)?)
    };
    Some(if negative { -x } else { x })
}

/// Moves `*i` past the digits there, and tells how many.
fn digits(bytes: &[u8], i: &mut usize) -> usize {
    let start = *i;
    while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
        *i += 1;
    }
    *i - start
}

/// The bits of the `f64` nearest to `(d + ε) × 10^exponent` (`0 < d < 10^800`, `-1123 ≤
/// exponent` and `d × 10^exponent < 10^309`; `ε` infinitesimal and positive if `sticky`, else
/// zero), `None` if it is infinite: with `10^k = 5^k × 2^k`, the quotient `d × 5^k / 1` or
/// `d / 5^-k` is computed bit by bit, 53 bits (fewer for a subnormal) and one for rounding,
/// the remainder and `sticky` breaking ties.
fn exact(mut num: Big, exponent: i64, sticky: bool) -> Option<u64> {
    let mut den = [0; LIMBS];
    den[0] = 1;
    mul_pow(
        if exponent < 0 { &mut den } else { &mut num },
        5,
        exponent.unsigned_abs(),
    );
    // Scale so that `1 ≤ num / den < 2`: the number is then `num / den × 2^top`.
    let shift = bit_length(&num) - bit_length(&den);
    mul_pow(
        if shift > 0 { &mut den } else { &mut num },
        2,
        shift.unsigned_abs(),
    );
    let mut top = exponent + shift;
    if less(&num, &den) {
        mul_add(&mut num, 2, 0);
        top -= 1;
    }
    if top > 1023 {
        return None;
    }
    // The last bit kept is worth 2^low; one more bit rounds. The remainder stays below
    // `2 × den`: the limbs that hold one bit more than `den` are enough.
    let low = (top - 52).max(-1074);
    let used = (bit_length(&den) as usize + 32) / 32;
    let (rest, divisor) = (&mut num[..used], &den[..used]);
    let mut q = 0u64;
    for _ in 0..top - low + 2 {
        q <<= 1;
        if !less(rest, divisor) {
            subtract(rest, divisor);
            q |= 1;
        }
        mul_add(rest, 2, 0);
    }
    let mut m = q >> 1;
    if q & 1 == 1 && (sticky || num != [0; LIMBS] || m & 1 == 1) {
        m += 1;
    }
    // `m < 2^52` at `low = -1074` is a subnormal; `m = 2^53` carries into the exponent.
    let bits = (((low + 1074) as u64) << 52) + m;
    (bits < 0x7ff << 52).then_some(bits)
}

/// `n = n × m + add` (never beyond its limbs here).
fn mul_add(n: &mut [u32], m: u32, add: u32) {
    let mut carry = u64::from(add);
    for limb in n {
        let x = u64::from(*limb) * u64::from(m) + carry;
        *limb = x as u32;
        carry = x >> 32;
    }
}

/// `n = n × base^k`, `base` 2 or 5, 31 or 13 factors at a time (`5^13 < 2^32`).
fn mul_pow(n: &mut Big, base: u32, mut k: u64) {
    while k > 0 {
        let step = k.min(if base == 2 { 31 } else { 13 });
        mul_add(n, base.pow(step as u32), 0);
        k -= step;
    }
}

fn bit_length(n: &Big) -> i64 {
    let mut bits = 32 * LIMBS as i64;
    for &limb in n.iter().rev() {
        if limb != 0 {
            return bits - i64::from(limb.leading_zeros());
        }
        bits -= 32;
    }
    0
}

fn less(a: &[u32], b: &[u32]) -> bool {
    for i in (0..a.len()).rev() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
    }
    false
}

/// `a = a - b`, `a ≥ b`.
fn subtract(a: &mut [u32], b: &[u32]) {
    let mut borrow = 0;
    for (x, &y) in a.iter_mut().zip(b) {
        let r = (1 << 32) + u64::from(*x) - u64::from(y) - borrow;
        *x = r as u32;
        borrow = 1 - (r >> 32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same(x: f64) {
        assert_eq!(
            Plain(x).to_string(),
            format!("{x}"),
            "bits {:#x}",
            x.to_bits()
        );
    }

    #[test]
    fn edge_cases_read_as_the_standard_library_writes_them() {
        let cases = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            0.2,
            0.3,
            0.1 + 0.2,
            2.5,
            -2.5,
            1.5e-7,
            1e-7,
            1e-5,
            0.000123,
            123456.789,
            1e15,
            1e16,
            1e21,
            1e22,
            1e23,
            1.7976931348623157e308,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            f64::from_bits(0x000f_ffff_ffff_ffff), // the largest subnormal
            9007199254740992.0,
            9007199254740993.0,
            4503599627370495.5,
            123456789012345680.0,
            0.30000000000000004,
            100.0,
            1000.0,
            12345.0,
            33.333333333333336,
            f64::EPSILON,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
        ];
        for x in cases {
            same(x);
        }
        for e in -325..=308 {
            same(format!("1e{e}").parse().unwrap());
            same(format!("9.999e{e}").parse().unwrap());
        }
        for e in -1074..=1023 {
            same(2f64.powi(e));
        }
        // Ties between two shortest candidates: small odd multiples of powers of two.
        for k in -1074..=200 {
            for a in (1..400u32).step_by(2) {
                same(f64::from(a) * 2f64.powi(k));
                same(-(f64::from(a) * 2f64.powi(k)));
            }
        }
    }

    #[test]
    fn width_and_alignment_are_honoured() {
        for x in [
            2.5,
            -1.0,
            0.0,
            -0.0,
            1234.5678,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(format!("{:>8}", Plain(x)), format!("{x:>8}"));
            assert_eq!(format!("{:<8}|", Plain(x)), format!("{x:<8}|"));
            assert_eq!(format!("{:+}", Plain(x)), format!("{x:+}"));
            assert_eq!(format!("{:*>7}", Plain(x)), format!("{x:*>7}"));
            assert_eq!(format!("{:7}", Plain(x)), format!("{x:7}"));
        }
        assert_eq!(format!("{:>5}", Plain(f64::NAN)), "  NaN");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn any_bit_pattern_reads_as_display(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assert_eq!(Plain(x).to_string(), format!("{x}"));
        }

        #[test]
        fn any_float_class_reads_as_display(x in proptest::num::f64::ANY) {
            prop_assert_eq!(Plain(x).to_string(), format!("{x}"));
        }

        #[test]
        fn integers_and_decimals_read_as_display(n in any::<i64>(), scale in 0i32..20) {
            let x = n as f64 / 10f64.powi(scale);
            prop_assert_eq!(Plain(x).to_string(), format!("{x}"));
        }

        #[test]
        fn odd_multiples_of_powers_of_two_read_as_display(a in 1u64..(1 << 53), k in -1074i32..=971) {
            let x = (a | 1) as f64 * 2f64.powi(k);
            prop_assert_eq!(Plain(x).to_string(), format!("{x}"));
        }

        #[test]
        fn tiny_and_huge_read_as_display(m in 1.0f64..10.0, e in -324i32..=308) {
            let x: f64 = format!("{m}e{e}").parse().unwrap();
            prop_assert_eq!(Plain(x).to_string(), format!("{x}"));
        }
    }

    /// What [`parse_f64`] stands for: the standard library's exact reading, finite only.
    fn reference(text: &str) -> Option<f64> {
        text.parse::<f64>().ok().filter(|x| x.is_finite())
    }

    fn reads_as_parse(text: &str) {
        let (got, expected) = (parse_f64(text), reference(text));
        assert_eq!(
            got.map(f64::to_bits),
            expected.map(f64::to_bits),
            "{text:?}: {got:?} / {expected:?}"
        );
    }

    /// Fraction digits of the exact decimal expansions below: any `f64` has at most 1074.
    const FRACTION: usize = 1100;
    /// Integer digits: `2^1024` has 309.
    const WHOLE: usize = 311;

    /// The exact decimal expansion of a finite, non-negative `x`, as `WHOLE + FRACTION` digits
    /// (the standard library's exact printer).
    fn exact_digits(x: f64) -> Vec<u8> {
        let text = format!("{x:.FRACTION$}");
        let (whole, fraction) = text.split_once('.').unwrap();
        let mut digits = vec![0; WHOLE - whole.len()];
        digits.extend(whole.bytes().chain(fraction.bytes()).map(|d| d - b'0'));
        digits
    }

    /// `(a + b) / 2`, digit by digit (exact: the halfway point of two neighbouring doubles
    /// has at most 1075 fraction digits).
    fn halfway(a: &[u8], b: &[u8]) -> Vec<u8> {
        let mut sum = vec![0; a.len()];
        let mut carry = 0;
        for i in (0..a.len()).rev() {
            let s = a[i] + b[i] + carry;
            sum[i] = s % 10;
            carry = s / 10;
        }
        assert_eq!(carry, 0);
        let mut rest = 0;
        for d in &mut sum {
            let n = rest * 10 + *d;
            *d = n / 2;
            rest = n % 2;
        }
        assert_eq!(rest, 0);
        sum
    }

    /// Adds (`+1`) or subtracts (`-1`) one unit of the last digit.
    fn nudge(mut digits: Vec<u8>, up: bool) -> Vec<u8> {
        for d in digits.iter_mut().rev() {
            if up && *d < 9 {
                *d += 1;
                break;
            } else if !up && *d > 0 {
                *d -= 1;
                break;
            }
            *d = if up { 0 } else { 9 };
        }
        digits
    }

    /// The number of `digits` (`WHOLE + FRACTION` of them) written in JSON's grammar in three
    /// ways: plain (`0.00123`), scientific (`1.23e-3`) and as an integer with an exponent
    /// (`123e-5`).
    fn writings(digits: &[u8], negative: bool) -> [String; 3] {
        let sign = if negative { "-" } else { "" };
        let text = |ds: &[u8]| ds.iter().map(|d| char::from(b'0' + d)).collect::<String>();
        let first = digits
            .iter()
            .position(|&d| d != 0)
            .unwrap_or(digits.len() - 1);
        let last = digits
            .iter()
            .rposition(|&d| d != 0)
            .unwrap_or(first)
            .max(first);
        let whole = text(&digits[first.min(WHOLE - 1)..WHOLE]);
        let fraction = text(&digits[WHOLE..=last.max(WHOLE - 1)]);
        let plain = if fraction.is_empty() {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{fraction}")
        };
        let significant = text(&digits[first..=last]);
        // The value of the last significant digit is 10^(WHOLE - 1 - last).
        let unit = WHOLE as i64 - 1 - last as i64;
        let integer = format!("{sign}{significant}e{unit}");
        let (lead, tail) = significant.split_at(1);
        let power = unit + tail.len() as i64;
        let scientific = if tail.is_empty() {
            format!("{sign}{lead}E{power:+}")
        } else {
            format!("{sign}{lead}.{tail}e{power}")
        };
        [plain, scientific, integer]
    }

    /// The halfway point after the positive finite `x` (to `2^1024` after `f64::MAX`), and
    /// the numbers a hair below and above it, each written three ways.
    fn around_halfway_after(x: f64, negative: bool) {
        let next = if x == f64::MAX {
            let half = exact_digits(2f64.powi(1023));
            // 2^1024 = 2^1023 + 2^1023.
            let mut sum = vec![0; half.len()];
            let mut carry = 0;
            for i in (0..half.len()).rev() {
                let s = 2 * half[i] + carry;
                sum[i] = s % 10;
                carry = s / 10;
            }
            sum
        } else {
            exact_digits(f64::from_bits(x.to_bits() + 1))
        };
        let middle = halfway(&exact_digits(x), &next);
        for digits in [
            nudge(middle.clone(), false),
            middle.clone(),
            nudge(middle, true),
        ] {
            for text in writings(&digits, negative) {
                reads_as_parse(&text);
            }
        }
    }

    #[test]
    fn the_writing_helpers_are_right() {
        assert_eq!(
            writings(&exact_digits(0.125), false),
            ["0.125", "1.25e-1", "125e-3"].map(String::from)
        );
        assert_eq!(
            writings(&exact_digits(1200.0), true),
            ["-1200", "-1.2e3", "-12e2"].map(String::from)
        );
        assert_eq!(writings(&exact_digits(3.0), false)[1], "3E+0");
        let middle = halfway(&exact_digits(1.0), &exact_digits(1.0 + f64::EPSILON));
        assert_eq!(
            writings(&middle, false)[1],
            "1.00000000000000011102230246251565404236316680908203125e0"
        );
    }

    #[test]
    fn edge_cases_read_as_parse_reads_them() {
        for text in [
            "0",
            "-0",
            "0.0",
            "-0.0",
            "0e0",
            "-0E-7",
            "0e999999999999999999999999",
            "-0.000e-999999999999999999999",
            "1",
            "-1",
            "0.1",
            "0.5",
            "1200.50",
            "0.05",
            "2026",
            "1e22",
            "1e23",
            "9007199254740992",
            "9007199254740993",
            "9007199254740993e-22",
            "9007199254740993e22",
            "18446744073709551615",
            "18446744073709551616",
            "1e-400",
            "-1e-400",
            "1e400",
            "-1e400",
            "1e308",
            "1e309",
            "1e-324",
            "2e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "3e-324",
            "4.9e-324",
            "5e-324",
            "7.4e-324",
            "7.5e-324",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "2.2250738585072014e-308",
            "2.225073858507201136057409796709131975934819546351645648e-308",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "-1.7976931348623157e308",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
            "0.1000000000000000055511151231257827021181583404541015625",
            "0.10000000000000000555111512312578270211815834045410156250000000000000000001",
            "0.1000000000000000055511151231257827021181583404541015624999999999999999999",
            "123456789012345678901234567890",
            "0.000000000000000000000000000000000000000000001",
            "1e0000000000000000000000000000000000000000000000000000000001",
            "1e-0000000000000000000000000000000000000000000000000000000001",
            "1e99999999999999999999999999999999999999",
            "1e-99999999999999999999999999999999999999",
            "1.5e+2",
            "1.5E-2",
        ] {
            reads_as_parse(text);
        }
        // Every power of ten and of two.
        for e in -360..=360 {
            reads_as_parse(&format!("1e{e}"));
            reads_as_parse(&format!("-9.999999999999999e{e}"));
        }
        for e in -1074..=1023 {
            reads_as_parse(&format!("{:e}", 2f64.powi(e)));
        }
    }

    #[test]
    fn text_outside_the_json_grammar_is_refused() {
        for text in [
            "", "-", "+", "+1", ".5", "-.5", "5.", "1.e5", "01", "-01", "00", "-00.5", "1e", "1e+",
            "1e-", "1E+-1", "e5", " 1", "1 ", "1,5", "1.2.3", "1e5.5", "1e5e5", "inf", "-inf",
            "infinity", "NaN", "0x10", "1_000", "١٢", "--1", "-+1", "1-", "1.5f",
        ] {
            assert_eq!(parse_f64(text), None, "{text:?}");
        }
    }

    #[test]
    fn subnormal_normal_and_largest_boundaries() {
        let mut bits = vec![
            0,
            1,
            2,
            3,
            0x000f_ffff_ffff_fffe,
            0x000f_ffff_ffff_ffff, // the largest subnormal
            0x0010_0000_0000_0000, // the smallest normal
            0x0010_0000_0000_0001,
            0x001f_ffff_ffff_ffff,
            0x3fef_ffff_ffff_ffff,
            0x3ff0_0000_0000_0000,
            0x7fef_ffff_ffff_fffe,
            0x7fef_ffff_ffff_ffff, // f64::MAX
        ];
        bits.extend(0..64u64);
        bits.extend((0..64u64).map(|k| 1 << k.min(62)));
        for b in bits {
            let x = f64::from_bits(b);
            around_halfway_after(x, false);
            around_halfway_after(x, true);
            for text in writings(&exact_digits(x), b % 2 == 1) {
                reads_as_parse(&text);
            }
        }
    }

    #[test]
    fn very_long_numbers_are_read_in_bounded_work() {
        // Only the first 800 significant digits are multiplied, whatever the length.
        let zeros = "0".repeat(400_000);
        for text in [
            format!("1{zeros}e-400000"),
            format!("1{zeros}1e-400001"),
            format!("0.{zeros}1e400001"),
            format!("9{}e-400000", "9".repeat(400_000)),
        ] {
            reads_as_parse(&text);
        }
        // Half the smallest subnormal (752 significant digits): a tie (to 0), then above it.
        let [_, tie, _] = writings(&halfway(&exact_digits(0.0), &exact_digits(5e-324)), false);
        let (digits, exponent) = tie.split_once('e').unwrap();
        assert_eq!(exponent, "-324");
        reads_as_parse(&format!("{digits}{zeros}e-324"));
        reads_as_parse(&format!("{digits}{zeros}1e-324"));
        assert_eq!(parse_f64(&format!("{digits}{zeros}e-324")), Some(0.0));
        assert_eq!(parse_f64(&format!("{digits}{zeros}1e-324")), Some(5e-324));
        // Beyond about a million digits the standard library saturates its exponent and
        // reads `inf` or `0`; serde_json, like `parse_f64`, reads the exact value.
        let zeros = "0".repeat(4_000_000);
        for (text, x) in [
            (format!("1{zeros}e-4000000"), 1.0),
            (format!("-1{zeros}1e-4000001"), -1.0),
            (format!("0.{zeros}1e4000001"), 1.0),
            (format!("9{}e-4000000", "9".repeat(4_000_000)), 10.0),
        ] {
            assert_eq!(parse_f64(&text), Some(x));
            assert_eq!(serde_json::from_str::<f64>(&text).ok(), Some(x));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn any_double_printed_shortest_reads_back(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite());
            reads_as_parse(&format!("{x}"));
            reads_as_parse(&format!("{x:e}"));
            prop_assert_eq!(parse_f64(&format!("{x:e}")).map(f64::to_bits), Some(bits));
        }

        #[test]
        fn any_double_printed_with_17_to_25_digits_reads_as_parse(
            bits in any::<u64>(),
            precision in 16usize..25,
        ) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite());
            reads_as_parse(&format!("{x:.precision$e}"));
        }

        #[test]
        fn random_digits_with_random_exponents_read_as_parse(
            negative in any::<bool>(),
            whole in "0|[1-9][0-9]{0,30}",
            fraction in proptest::option::of("[0-9]{1,30}"),
            exponent in proptest::option::of(-420i32..420),
            capital in any::<bool>(),
        ) {
            let mut text = format!("{}{whole}", if negative { "-" } else { "" });
            if let Some(fraction) = fraction {
                text = format!("{text}.{fraction}");
            }
            if let Some(e) = exponent {
                text = format!("{text}{}{e}", if capital { 'E' } else { 'e' });
            }
            reads_as_parse(&text);
        }

        #[test]
        fn numbers_of_the_plans_read_as_parse(
            units in 0u64..100_000_000,
            cents in 0u32..100,
            years in 1900u32..2100,
        ) {
            reads_as_parse(&format!("{units}.{cents:02}"));
            reads_as_parse(&format!("{units}"));
            reads_as_parse(&format!("{years}"));
            reads_as_parse(&format!("0.{cents:02}"));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1_500))]

        #[test]
        fn around_every_halfway_point_reads_as_parse(
            bits in 0u64..0x7ff0_0000_0000_0000,
            negative in any::<bool>(),
        ) {
            around_halfway_after(f64::from_bits(bits), negative);
        }

        #[test]
        fn around_subnormal_halfway_points_reads_as_parse(bits in 0u64..(1 << 53)) {
            around_halfway_after(f64::from_bits(bits), false);
        }

        #[test]
        fn long_digit_strings_read_as_parse(
            digits in "[1-9][0-9]{700,900}",
            exponent in -1200i32..400,
        ) {
            reads_as_parse(&format!("{digits}e{exponent}"));
            reads_as_parse(&format!("0.{digits}e{exponent}"));
        }
    }
}
