//! The expression language of eligibility rules: a JSON tree of one-key objects
//! (`{"all": [...]}`, `{"<=": [a, b]}`, `{"fact": "id"}`…), parsed here into [`Expr`].
//!
//! Every operator is documented with an example in `docs/rights-format.md`.

use crate::validation::{ErrorKind, ValidationError};
use chrono::NaiveDate;
use serde_json::Value;

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==`
    Eq,
    /// `!=`
    Ne,
}

impl CmpOp {
    /// The JSON key of the operator.
    pub fn key(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
        }
    }

    /// The French symbol shown in explanations.
    pub fn symbol_fr(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "≤",
            CmpOp::Gt => ">",
            CmpOp::Ge => "≥",
            CmpOp::Eq => "=",
            CmpOp::Ne => "≠",
        }
    }
}

/// An n-ary arithmetic operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NaryOp {
    /// Sum `+`.
    Add,
    /// Product `*`.
    Mul,
    /// Smallest `min`.
    Min,
    /// Largest `max`.
    Max,
}

/// A binary arithmetic operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// Difference `-`.
    Sub,
    /// Quotient `/` (a division by zero gives 0).
    Div,
}

/// A literal value.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A code (option of a `choix` question, INSEE code, role).
    Code(String),
    /// A date `{"date": "2025-01-01"}`.
    Date(NaiveDate),
}

/// The role of a household member.
#[derive(
    Debug,
    Clone,
    Default,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    /// An adult (parent, partner…).
    #[default]
    Adulte,
    /// A child of the household.
    Enfant,
}

impl MemberRole {
    /// The JSON code.
    pub fn code(self) -> &'static str {
        match self {
            MemberRole::Adulte => "adulte",
            MemberRole::Enfant => "enfant",
        }
    }
}

/// What an expression node is.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// All conditions hold (Kleene and).
    All(Vec<Expr>),
    /// At least one condition holds (Kleene or).
    Any(Vec<Expr>),
    /// The condition does not hold.
    Not(Box<Expr>),
    /// A comparison of two values.
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
    /// `lo <= x <= hi`.
    Between(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `x` is one of the literals.
    In(Box<Expr>, Vec<Literal>),
    /// Sum, product, min, max of numbers.
    Nary(NaryOp, Vec<Expr>),
    /// Difference or quotient.
    Bin(BinOp, Box<Expr>, Box<Expr>),
    /// If-then-else.
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    /// A literal.
    Literal(Literal),
    /// The answer to a household question.
    Fact(String),
    /// A parameter's value at the evaluation date.
    Param(String),
    /// A derived fact.
    Derived(String),
    /// Inside a quantifier: the current member's answer to a member question.
    Member(String),
    /// Inside a quantifier: the current member's age in full years at the evaluation date.
    Age,
    /// Inside a quantifier: whether the current member has this role.
    Role(MemberRole),
    /// The evaluation date.
    Today,
    /// Full years from a date to the evaluation date.
    YearsSince(Box<Expr>),
    /// The number of members for which the filter holds.
    Count(Box<Expr>),
    /// The sum of `of` over the members for which the filter holds.
    Sum(Box<Expr>, Box<Expr>),
    /// Whether the filter holds for at least one member.
    AnyMember(Box<Expr>),
    /// Whether the filter holds for every member.
    AllMembers(Box<Expr>),
}

/// An expression node with its JSON path and optional French label.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What the node is.
    pub kind: ExprKind,
    /// Its JSON path in the catalogue, for errors.
    pub path: String,
    /// The French label written next to the operator (`"label": "..."`), shown in explanations.
    pub label: Option<String>,
}

/// Every operator key, for error messages.
pub const OPERATORS: &[&str] = &[
    "all",
    "any",
    "not",
    "<",
    "<=",
    ">",
    ">=",
    "==",
    "!=",
    "between",
    "in",
    "+",
    "-",
    "*",
    "/",
    "min",
    "max",
    "if",
    "fact",
    "param",
    "derived",
    "member",
    "age",
    "role",
    "today",
    "date",
    "years_since",
    "count",
    "sum",
    "any_member",
    "all_members",
];

/// Reads a `AAAA-MM-JJ` date (year of four digits, month and day of one or two), without
/// chrono's format-string parser (which would weigh on the WebAssembly module).
pub(crate) fn parse_ymd(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let mut number = |min: usize, max: usize| -> Option<u32> {
        let part = parts.next()?;
        let digits = (min..=max).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        digits.then(|| part.parse().ok()).flatten()
    };
    let (year, month, day) = (number(4, 4)?, number(1, 2)?, number(1, 2)?);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// A date as French readers write it: `JJ/MM/AAAA`.
pub(crate) fn french_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

fn err(path: &str, message: String) -> ValidationError {
    ValidationError::new(ErrorKind::InvalidRule, path, message)
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "un booléen",
        Value::Number(_) => "un nombre",
        Value::String(_) => "un texte",
        Value::Array(_) => "une liste",
        Value::Object(_) => "un objet",
    }
}

impl Expr {
    /// Parses the JSON `value` found at `path`, pushing every problem to `errors`.
    /// Returns `None` when the tree could not be built.
    pub fn parse(value: &Value, path: &str, errors: &mut Vec<ValidationError>) -> Option<Expr> {
        let make = |kind| Expr {
            kind,
            path: path.to_owned(),
            label: None,
        };
        match value {
            Value::Bool(b) => Some(make(ExprKind::Literal(Literal::Bool(*b)))),
            Value::Number(n) => match n.as_f64() {
                Some(x) if x.is_finite() => Some(make(ExprKind::Literal(Literal::Number(x)))),
                _ => {
                    errors.push(err(path, "nombre invalide".into()));
                    None
                }
            },
            Value::String(s) => Some(make(ExprKind::Literal(Literal::Code(s.clone())))),
            Value::Null | Value::Array(_) => {
                errors.push(err(
                    path,
                    format!(
                        "une expression est attendue (un objet à une clé comme {{\"all\": [...]}}, un nombre, un booléen ou un code), pas {}",
                        describe(value)
                    ),
                ));
                None
            }
            Value::Object(map) => {
                let label = match map.get("label") {
                    None => None,
                    Some(Value::String(s)) => Some(s.clone()),
                    Some(_) => {
                        errors.push(err(
                            &format!("{path}.label"),
                            "le libellé doit être un texte".into(),
                        ));
                        None
                    }
                };
                let ops: Vec<&String> = map.keys().filter(|k| k.as_str() != "label").collect();
                if ops.len() != 1 {
                    errors.push(err(
                        path,
                        format!(
                            "une expression doit avoir exactement un opérateur (plus un « label » facultatif), trouvé : {}",
                            if ops.is_empty() { "aucun".to_owned() } else { ops.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ") }
                        ),
                    ));
                    return None;
                }
                let key = ops[0].as_str();
                let arg = &map[key];
                let sub = key_path(path, key);
                let kind = parse_op(key, arg, &sub, errors)?;
                Some(Expr {
                    kind,
                    path: path.to_owned(),
                    label,
                })
            }
        }
    }
}

/// The JSON path of key `key` under `path`, quoting keys that are not identifiers.
pub fn key_path(path: &str, key: &str) -> String {
    if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        format!("{path}.{key}")
    } else {
        format!("{path}['{key}']")
    }
}

fn list<'a>(
    arg: &'a Value,
    path: &str,
    key: &str,
    errors: &mut Vec<ValidationError>,
) -> Option<&'a Vec<Value>> {
    match arg {
        Value::Array(items) => Some(items),
        other => {
            errors.push(err(
                path,
                format!("« {key} » attend une liste, pas {}", describe(other)),
            ));
            None
        }
    }
}

fn parse_list(items: &[Value], path: &str, errors: &mut Vec<ValidationError>) -> Option<Vec<Expr>> {
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        match Expr::parse(item, &format!("{path}[{i}]"), errors) {
            Some(e) => out.push(e),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn fixed<const N: usize>(
    arg: &Value,
    path: &str,
    key: &str,
    errors: &mut Vec<ValidationError>,
) -> Option<[Box<Expr>; N]> {
    let items = list(arg, path, key, errors)?;
    if items.len() != N {
        errors.push(err(
            path,
            format!(
                "« {key} » attend exactement {N} éléments, en voici {}",
                items.len()
            ),
        ));
        return None;
    }
    let parsed = parse_list(items, path, errors)?;
    let boxed: Vec<Box<Expr>> = parsed.into_iter().map(Box::new).collect();
    boxed.try_into().ok()
}

fn string<'a>(
    arg: &'a Value,
    path: &str,
    key: &str,
    errors: &mut Vec<ValidationError>,
) -> Option<&'a str> {
    match arg {
        Value::String(s) if !s.trim().is_empty() => Some(s),
        other => {
            errors.push(err(
                path,
                format!(
                    "« {key} » attend un identifiant (texte non vide), pas {}",
                    describe(other)
                ),
            ));
            None
        }
    }
}

fn empty_object(
    arg: &Value,
    path: &str,
    key: &str,
    errors: &mut Vec<ValidationError>,
) -> Option<()> {
    match arg {
        Value::Object(m) if m.is_empty() => Some(()),
        _ => {
            errors.push(err(path, format!("« {key} » s'écrit {{\"{key}\": {{}}}}")));
            None
        }
    }
}

fn literal(value: &Value, path: &str, errors: &mut Vec<ValidationError>) -> Option<Literal> {
    match value {
        Value::String(s) => Some(Literal::Code(s.clone())),
        Value::Number(n) => n.as_f64().filter(|x| x.is_finite()).map(Literal::Number),
        Value::Bool(b) => Some(Literal::Bool(*b)),
        other => {
            errors.push(err(
                path,
                format!(
                    "une valeur littérale (code ou nombre) est attendue, pas {}",
                    describe(other)
                ),
            ));
            None
        }
    }
}

fn parse_op(
    key: &str,
    arg: &Value,
    path: &str,
    errors: &mut Vec<ValidationError>,
) -> Option<ExprKind> {
    let cmp = |op| -> Option<CmpOp> { Some(op) };
    let op = match key {
        "<" => cmp(CmpOp::Lt),
        "<=" => cmp(CmpOp::Le),
        ">" => cmp(CmpOp::Gt),
        ">=" => cmp(CmpOp::Ge),
        "==" => cmp(CmpOp::Eq),
        "!=" => cmp(CmpOp::Ne),
        _ => None,
    };
    if let Some(op) = op {
        let [a, b] = fixed::<2>(arg, path, key, errors)?;
        return Some(ExprKind::Cmp(op, a, b));
    }
    Some(match key {
        "all" | "any" => {
            let items = list(arg, path, key, errors)?;
            if items.is_empty() {
                errors.push(err(
                    path,
                    format!("« {key} » attend au moins une condition"),
                ));
                return None;
            }
            let parsed = parse_list(items, path, errors)?;
            if key == "all" {
                ExprKind::All(parsed)
            } else {
                ExprKind::Any(parsed)
            }
        }
        "+" | "*" | "min" | "max" => {
            let items = list(arg, path, key, errors)?;
            if items.is_empty() {
                errors.push(err(path, format!("« {key} » attend au moins une valeur")));
                return None;
            }
            let parsed = parse_list(items, path, errors)?;
            let op = match key {
                "+" => NaryOp::Add,
                "*" => NaryOp::Mul,
                "min" => NaryOp::Min,
                _ => NaryOp::Max,
            };
            ExprKind::Nary(op, parsed)
        }
        "-" | "/" => {
            let [a, b] = fixed::<2>(arg, path, key, errors)?;
            ExprKind::Bin(if key == "-" { BinOp::Sub } else { BinOp::Div }, a, b)
        }
        "not" => ExprKind::Not(Box::new(Expr::parse(arg, path, errors)?)),
        "between" => {
            let [x, lo, hi] = fixed::<3>(arg, path, key, errors)?;
            ExprKind::Between(x, lo, hi)
        }
        "if" => {
            let [c, t, e] = fixed::<3>(arg, path, key, errors)?;
            ExprKind::If(c, t, e)
        }
        "in" => {
            let items = list(arg, path, key, errors)?;
            if items.len() != 2 {
                errors.push(err(
                    path,
                    "« in » s'écrit {\"in\": [valeur, [\"code1\", \"code2\"]]}".into(),
                ));
                return None;
            }
            let x = Expr::parse(&items[0], &format!("{path}[0]"), errors);
            let set_path = format!("{path}[1]");
            let set = match &items[1] {
                Value::Array(values) if !values.is_empty() => {
                    let mut out = Vec::new();
                    for (i, v) in values.iter().enumerate() {
                        out.push(literal(v, &format!("{set_path}[{i}]"), errors)?);
                    }
                    Some(out)
                }
                _ => {
                    errors.push(err(
                        &set_path,
                        "« in » attend en second une liste non vide de codes ou de nombres".into(),
                    ));
                    None
                }
            };
            ExprKind::In(Box::new(x?), set?)
        }
        "fact" => ExprKind::Fact(string(arg, path, key, errors)?.to_owned()),
        "param" => ExprKind::Param(string(arg, path, key, errors)?.to_owned()),
        "derived" => ExprKind::Derived(string(arg, path, key, errors)?.to_owned()),
        "member" => ExprKind::Member(string(arg, path, key, errors)?.to_owned()),
        "role" => match string(arg, path, key, errors)? {
            "adulte" => ExprKind::Role(MemberRole::Adulte),
            "enfant" => ExprKind::Role(MemberRole::Enfant),
            other => {
                errors.push(err(
                    path,
                    format!("rôle inconnu « {other} » : « adulte » ou « enfant »"),
                ));
                return None;
            }
        },
        "age" => {
            empty_object(arg, path, key, errors)?;
            ExprKind::Age
        }
        "today" => {
            empty_object(arg, path, key, errors)?;
            ExprKind::Today
        }
        "date" => {
            let text = string(arg, path, key, errors)?;
            match parse_ymd(text) {
                Some(d) => ExprKind::Literal(Literal::Date(d)),
                None => {
                    errors.push(err(
                        path,
                        format!("date invalide « {text} » : écrire AAAA-MM-JJ"),
                    ));
                    return None;
                }
            }
        }
        "years_since" => ExprKind::YearsSince(Box::new(Expr::parse(arg, path, errors)?)),
        "any_member" => ExprKind::AnyMember(Box::new(Expr::parse(arg, path, errors)?)),
        "all_members" => ExprKind::AllMembers(Box::new(Expr::parse(arg, path, errors)?)),
        "count" | "sum" => {
            let Value::Object(m) = arg else {
                errors.push(err(
                    path,
                    format!(
                        "« {key} » attend un objet {{\"members\": filtre{}}}",
                        if key == "sum" { ", \"of\": valeur" } else { "" }
                    ),
                ));
                return None;
            };
            let allowed: &[&str] = if key == "sum" {
                &["members", "of"]
            } else {
                &["members"]
            };
            for k in m.keys() {
                if !allowed.contains(&k.as_str()) {
                    errors.push(err(
                        &key_path(path, k),
                        format!(
                            "clé inconnue « {k} » dans « {key} » (attendu : {})",
                            allowed.join(", ")
                        ),
                    ));
                }
            }
            let filter = match m.get("members") {
                Some(v) => Expr::parse(v, &format!("{path}.members"), errors),
                None => {
                    errors.push(err(path, format!("« {key} » attend un filtre « members » (par exemple {{\"role\": \"enfant\"}})")));
                    None
                }
            };
            if key == "count" {
                ExprKind::Count(Box::new(filter?))
            } else {
                let of = match m.get("of") {
                    Some(v) => Expr::parse(v, &format!("{path}.of"), errors),
                    None => {
                        errors.push(err(
                            path,
                            "« sum » attend la valeur à additionner « of »".into(),
                        ));
                        None
                    }
                };
                ExprKind::Sum(Box::new(filter?), Box::new(of?))
            }
        }
        other => {
            errors.push(err(
                path,
                format!(
                    "opérateur inconnu « {other} » ; opérateurs connus : {}",
                    OPERATORS.join(", ")
                ),
            ));
            return None;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dates_read_and_written_by_hand() {
        let date = NaiveDate::from_ymd_opt(2019, 7, 1);
        assert_eq!(parse_ymd("2019-07-01"), date);
        assert_eq!(parse_ymd("2019-7-1"), date);
        for bad in [
            "2019-02-30",
            "19-07-01",
            "2019-07",
            "2019-07-01-",
            "2019-007-01",
            "2019-07-0x",
            "",
            "+2019-07-01",
        ] {
            assert_eq!(parse_ymd(bad), None, "{bad}");
        }
        assert_eq!(
            french_date(NaiveDate::from_ymd_opt(2025, 4, 1).unwrap()),
            "01/04/2025"
        );
    }

    #[test]
    fn parses_nested_operators_and_reports_paths() {
        let mut errors = Vec::new();
        let e = Expr::parse(
            &json!({"all": [{"<=": [{"fact": "revenus"}, {"param": "plafond"}]}, {"count": {"members": {"role": "enfant"}}}], "label": "x"}),
            "$.benefits[0].condition",
            &mut errors,
        )
        .unwrap();
        assert!(errors.is_empty());
        assert_eq!(e.label.as_deref(), Some("x"));
        assert!(matches!(e.kind, ExprKind::All(ref v) if v.len() == 2));

        let mut errors = Vec::new();
        let e = Expr::parse(
            &json!({"all": [{"fact": 3}, {"frobnicate": 1}, {"<": [1]}]}),
            "$.c",
            &mut errors,
        );
        assert!(e.is_none());
        let paths: Vec<_> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "$.c.all[0].fact",
                "$.c.all[1].frobnicate",
                "$.c.all[2]['<']"
            ]
        );
    }
}
