//! Numbers written as text, without the standard library's float printer.
//!
//! `format!("{x}")` on an `f64` links `<f64 as Display>::fmt` (Grisu, Dragon, a bignum and
//! their tables: about 8.6 KB of the widget's WebAssembly). serde_json already links its own
//! shortest round-trip printer, [`zmij`], to write JSON; [`Plain`] writes an `f64` through it,
//! in the very text `<f64 as Display>` gives, so that the standard library's printer is no longer
//! linked. Every number a message of the widget's code paths writes goes through [`Plain`] (the
//! HTML and CSV reports of `evaluation::report`, which only the CLI links, keep `{x}` and `{x:.1}`).
//!
//! ```
//! use ctg_core::number::Plain;
//!
//! assert_eq!(Plain(2.5).to_string(), "2.5");
//! assert_eq!(Plain(1e21).to_string(), "1000000000000000000000");
//! assert_eq!(Plain(1.5e-7).to_string(), "0.00000015");
//! assert_eq!(Plain(-0.0).to_string(), "-0");
//! assert_eq!(Plain(f64::NAN).to_string(), "NaN");
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
}
