//! A situation: answers (possibly partial) and the household's members, checked against a
//! compiled catalogue and stored as slot arrays for evaluation.

use super::catalogue::{QuestionType, Scope};
use super::compile::{
    days, is_insee, CompiledCatalogue, AGE, MAX_MEMBERS, NOMBRE_ADULTES, NOMBRE_ENFANTS, V,
};
use super::expr::MemberRole;
use crate::number::Plain;
use crate::validation::{ErrorKind, ValidationError, ValidationErrors};
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A situation as written in JSON (see `docs/rights-format.md`, « Situations »).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SituationInput {
    /// An identifier, echoed in outputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Answers to household questions, by question id.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub answers: Map<String, Value>,
    /// The household's members; absent when the composition is not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<MemberInput>>,
}

/// A household member as written in JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberInput {
    /// Adult or child.
    pub role: MemberRole,
    /// Age in full years at the evaluation date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    /// Date of birth (the age is then computed at the evaluation date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
    /// Answers to member questions, by question id.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub facts: Map<String, Value>,
}

/// How a member's age is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AgeSpec {
    Unknown,
    Years(u32),
    /// Year, month, day of birth.
    Birth(i32, u32, u32),
}

/// A household member, compiled.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Member {
    pub role: MemberRole,
    pub age: AgeSpec,
    pub facts: Vec<V>,
}

/// A question to ask, possibly about one member.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub struct QuestionRef {
    /// The question id (a catalogue question, or the built-in `nombre_adultes`, `nombre_enfants`, `age`).
    pub question: String,
    /// The member index (from 0, adults first) for member questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<usize>,
}

/// A situation checked against a catalogue: answers in slots, members in order (adults first).
#[derive(Debug, Clone, PartialEq)]
pub struct Situation {
    pub(crate) id: Option<String>,
    pub(crate) facts: Vec<V>,
    pub(crate) adults: Option<u32>,
    pub(crate) children: Option<u32>,
    pub(crate) members: Vec<Member>,
}

fn structure(path: &str, message: String) -> ValidationError {
    ValidationError::new(ErrorKind::Structure, path, message)
}

impl Situation {
    /// An empty situation: nothing answered, composition unknown.
    pub fn empty(catalogue: &CompiledCatalogue) -> Situation {
        Situation {
            id: None,
            facts: vec![V::Unknown; catalogue.foyer_facts.len()],
            adults: None,
            children: None,
            members: Vec::new(),
        }
    }

    /// The situation's id, if any.
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The number of known members.
    pub fn member_count(&self) -> usize {
        self.members.len()
    }

    /// Whether both the number of adults and of children are known.
    pub fn composition_known(&self) -> bool {
        self.adults.is_some() && self.children.is_some()
    }

    /// The role of member `index`.
    pub fn member_role(&self, index: usize) -> Option<MemberRole> {
        self.members.get(index).map(|m| m.role)
    }

    /// Reads a situation from JSON text and checks it against the catalogue.
    pub fn from_json(
        catalogue: &CompiledCatalogue,
        bytes: &[u8],
    ) -> Result<Situation, ValidationErrors> {
        let input: SituationInput = crate::validation::from_json_slice(bytes)?;
        Situation::from_input(catalogue, &input)
    }

    /// Checks a situation against the catalogue, reporting every problem with its path.
    pub fn from_input(
        catalogue: &CompiledCatalogue,
        input: &SituationInput,
    ) -> Result<Situation, ValidationErrors> {
        let mut s = Situation::empty(catalogue);
        s.id = input.id.clone();
        let mut errors = Vec::new();
        if let Some(members) = &input.members {
            if members.len() > MAX_MEMBERS {
                errors.push(ValidationError::new(
                    ErrorKind::LimitExceeded,
                    "$.members",
                    format!("au plus {MAX_MEMBERS} membres par foyer"),
                ));
            }
            // Adults first, then children, each in the order given.
            let listed = || members.iter().enumerate().take(MAX_MEMBERS);
            let adults = listed().filter(|(_, m)| m.role == MemberRole::Adulte);
            for (i, m) in adults.chain(listed().filter(|(_, m)| m.role == MemberRole::Enfant)) {
                let path = format!("$.members[{i}]");
                let mut member = Member {
                    role: m.role,
                    age: AgeSpec::Unknown,
                    facts: vec![V::Unknown; catalogue.member_facts.len()],
                };
                if let Some(age) = m.age {
                    if age > 130 {
                        errors.push(ValidationError::new(
                            ErrorKind::InvalidNumber,
                            format!("{path}.age"),
                            format!("âge impossible : {age}"),
                        ));
                    }
                    member.age = AgeSpec::Years(age);
                }
                if let Some(b) = m.birth_date {
                    if m.age.is_some() {
                        errors.push(structure(
                            &format!("{path}.birth_date"),
                            "donnez l'âge ou la date de naissance, pas les deux".into(),
                        ));
                    }
                    member.age = AgeSpec::Birth(b.year(), b.month(), b.day());
                }
                for (key, value) in &m.facts {
                    let fpath = format!("{path}.facts.{key}");
                    match catalogue.question_index.get(key) {
                        Some(qi) if catalogue.source.questions[qi].scope == Scope::Membre => {
                            match parse_answer(catalogue, qi, value, &fpath) {
                                Ok(v) => member.facts[catalogue.question_slot[qi] as usize] = v,
                                Err(e) => errors.push(e),
                            }
                        }
                        Some(_) => errors.push(structure(
                            &fpath,
                            format!(
                                "« {key} » est une question du foyer : mettez-la dans « answers »"
                            ),
                        )),
                        None => errors.push(ValidationError::new(
                            ErrorKind::DanglingReference,
                            fpath,
                            format!("question inconnue « {key} »"),
                        )),
                    }
                }
                s.members.push(member);
            }
            let adults = s
                .members
                .iter()
                .filter(|m| m.role == MemberRole::Adulte)
                .count() as u32;
            s.adults = Some(adults);
            s.children = Some(s.members.len() as u32 - adults);
        }
        for (key, value) in &input.answers {
            let path = format!("$.answers.{key}");
            if key == NOMBRE_ADULTES || key == NOMBRE_ENFANTS {
                let role = if key == NOMBRE_ADULTES {
                    MemberRole::Adulte
                } else {
                    MemberRole::Enfant
                };
                match value.as_u64() {
                    Some(n) if n as usize <= MAX_MEMBERS => {
                        if input.members.is_some() {
                            let known = if role == MemberRole::Adulte {
                                s.adults
                            } else {
                                s.children
                            };
                            if known != Some(n as u32) {
                                errors.push(structure(
                                    &path,
                                    format!(
                                        "« {key} » vaut {n} mais « members » en liste {}",
                                        known.unwrap_or(0)
                                    ),
                                ));
                            }
                        } else if let Err(e) = s.set_count(role, Some(n as u32), catalogue) {
                            errors.push(ValidationError {
                                path: path.clone(),
                                ..e
                            });
                        }
                    }
                    Some(n) if !value.is_null() => errors.push(ValidationError::new(
                        ErrorKind::LimitExceeded,
                        path,
                        format!("au plus {MAX_MEMBERS} membres par foyer, pas {n}"),
                    )),
                    _ => {
                        if !value.is_null() {
                            errors.push(structure(
                                &path,
                                format!("« {key} » attend un nombre entier positif"),
                            ));
                        }
                    }
                }
                continue;
            }
            match catalogue.question_index.get(key) {
                Some(qi) if catalogue.source.questions[qi].scope == Scope::Foyer => {
                    match parse_answer(catalogue, qi, value, &path) {
                        Ok(v) => s.facts[catalogue.question_slot[qi] as usize] = v,
                        Err(e) => errors.push(e),
                    }
                }
                Some(_) => errors.push(structure(
                    &path,
                    format!(
                        "« {key} » est posée à chaque membre : mettez-la dans « facts » du membre"
                    ),
                )),
                None => errors.push(ValidationError::new(
                    ErrorKind::DanglingReference,
                    path,
                    format!("question inconnue « {key} »"),
                )),
            }
        }
        if errors.is_empty() {
            Ok(s)
        } else {
            Err(ValidationErrors(errors))
        }
    }

    fn set_count(
        &mut self,
        role: MemberRole,
        n: Option<u32>,
        catalogue: &CompiledCatalogue,
    ) -> Result<(), ValidationError> {
        let other = if role == MemberRole::Adulte {
            self.children
        } else {
            self.adults
        };
        if n.unwrap_or(0) as usize + other.unwrap_or(0) as usize > MAX_MEMBERS {
            return Err(ValidationError::new(
                ErrorKind::LimitExceeded,
                "$",
                format!("au plus {MAX_MEMBERS} membres par foyer"),
            ));
        }
        match role {
            MemberRole::Adulte => self.adults = n,
            MemberRole::Enfant => self.children = n,
        }
        // Keep the members of each role in order, as many as now declared.
        let mut adults: Vec<Member> = Vec::new();
        let mut children: Vec<Member> = Vec::new();
        for m in self.members.drain(..) {
            match m.role {
                MemberRole::Adulte => adults.push(m),
                MemberRole::Enfant => children.push(m),
            }
        }
        let fresh = |role| Member {
            role,
            age: AgeSpec::Unknown,
            facts: vec![V::Unknown; catalogue.member_facts.len()],
        };
        if let Some(a) = self.adults {
            adults.resize_with(a as usize, || fresh(MemberRole::Adulte));
        }
        if let Some(c) = self.children {
            children.resize_with(c as usize, || fresh(MemberRole::Enfant));
        }
        self.members = adults;
        self.members.append(&mut children);
        Ok(())
    }

    /// Sets (or, with `Value::Null`, clears) the answer to a question, checking its type and bounds.
    pub fn set(
        &mut self,
        catalogue: &CompiledCatalogue,
        question: &QuestionRef,
        value: &Value,
    ) -> Result<(), ValidationError> {
        let path = match question.member {
            Some(m) => format!("$.members[{m}].facts.{}", question.question),
            None => format!("$.answers.{}", question.question),
        };
        let id = question.question.as_str();
        if id == NOMBRE_ADULTES || id == NOMBRE_ENFANTS {
            let role = if id == NOMBRE_ADULTES {
                MemberRole::Adulte
            } else {
                MemberRole::Enfant
            };
            let n = if value.is_null() {
                None
            } else {
                match value.as_u64() {
                    Some(n) if n as usize <= MAX_MEMBERS => Some(n as u32),
                    _ => {
                        return Err(ValidationError::new(
                            ErrorKind::InvalidNumber,
                            path,
                            format!("un nombre entier de 0 à {MAX_MEMBERS} est attendu"),
                        ))
                    }
                }
            };
            return self
                .set_count(role, n, catalogue)
                .map_err(|e| ValidationError { path, ..e });
        }
        if id == AGE {
            let Some(m) = question.member.and_then(|m| self.members.get_mut(m)) else {
                return Err(ValidationError::new(
                    ErrorKind::DanglingReference,
                    path,
                    "membre inconnu".to_owned(),
                ));
            };
            m.age = if value.is_null() {
                AgeSpec::Unknown
            } else if let Some(text) = value.as_str().filter(|t| t.contains('-')) {
                match super::expr::parse_ymd(text) {
                    Some(b) => AgeSpec::Birth(b.year(), b.month(), b.day()),
                    None => {
                        return Err(structure(
                            &path,
                            format!("date invalide « {text} » : AAAA-MM-JJ"),
                        ))
                    }
                }
            } else {
                match value.as_u64() {
                    Some(a) if a <= 130 => AgeSpec::Years(a as u32),
                    _ => {
                        return Err(ValidationError::new(
                            ErrorKind::InvalidNumber,
                            path,
                            "un âge de 0 à 130 ans est attendu".to_owned(),
                        ))
                    }
                }
            };
            return Ok(());
        }
        let Some(qi) = catalogue.question_index.get(id) else {
            return Err(ValidationError::new(
                ErrorKind::DanglingReference,
                path,
                format!("question inconnue « {id} »"),
            ));
        };
        let q = &catalogue.source.questions[qi];
        let slot = catalogue.question_slot[qi] as usize;
        let v = if value.is_null() {
            V::Unknown
        } else {
            parse_answer(catalogue, qi, value, &path)?
        };
        match (q.scope, question.member) {
            (Scope::Foyer, None) => self.facts[slot] = v,
            (Scope::Membre, Some(m)) => match self.members.get_mut(m) {
                Some(member) => member.facts[slot] = v,
                None => {
                    return Err(ValidationError::new(
                        ErrorKind::DanglingReference,
                        path,
                        format!("pas de membre n° {m}"),
                    ))
                }
            },
            (Scope::Foyer, Some(_)) => {
                return Err(structure(
                    &path,
                    format!("« {id} » est une question du foyer"),
                ))
            }
            (Scope::Membre, None) => {
                return Err(structure(
                    &path,
                    format!("« {id} » est posée à un membre : précisez lequel"),
                ))
            }
        }
        Ok(())
    }

    /// Whether the question already has an answer.
    pub fn is_answered(&self, catalogue: &CompiledCatalogue, question: &QuestionRef) -> bool {
        match question.question.as_str() {
            NOMBRE_ADULTES => self.adults.is_some(),
            NOMBRE_ENFANTS => self.children.is_some(),
            AGE => question
                .member
                .and_then(|m| self.members.get(m))
                .is_some_and(|m| m.age != AgeSpec::Unknown),
            id => match (catalogue.question_index.get(id), question.member) {
                (Some(qi), None) => self
                    .facts
                    .get(catalogue.question_slot[qi] as usize)
                    .is_some_and(|v| *v != V::Unknown),
                (Some(qi), Some(m)) => self
                    .members
                    .get(m)
                    .and_then(|mem| mem.facts.get(catalogue.question_slot[qi] as usize))
                    .is_some_and(|v| *v != V::Unknown),
                _ => false,
            },
        }
    }

    /// The situation back as JSON input (answers given so far).
    pub fn to_input(&self, catalogue: &CompiledCatalogue) -> SituationInput {
        let mut answers = Map::new();
        for (slot, info) in catalogue.foyer_facts.iter().enumerate() {
            if let Some(v) = value_json(catalogue, info.question, self.facts[slot]) {
                answers.insert(catalogue.source.questions[info.question].id.clone(), v);
            }
        }
        let members = if self.composition_known() {
            Some(
                self.members
                    .iter()
                    .map(|m| {
                        let mut facts = Map::new();
                        for (slot, info) in catalogue.member_facts.iter().enumerate() {
                            if let Some(v) = value_json(catalogue, info.question, m.facts[slot]) {
                                facts.insert(
                                    catalogue.source.questions[info.question].id.clone(),
                                    v,
                                );
                            }
                        }
                        let (age, birth_date) = match m.age {
                            AgeSpec::Unknown => (None, None),
                            AgeSpec::Years(a) => (Some(a), None),
                            AgeSpec::Birth(y, mo, d) => (None, NaiveDate::from_ymd_opt(y, mo, d)),
                        };
                        MemberInput {
                            role: m.role,
                            age,
                            birth_date,
                            facts,
                        }
                    })
                    .collect(),
            )
        } else {
            if let Some(a) = self.adults {
                answers.insert(NOMBRE_ADULTES.into(), a.into());
            }
            if let Some(c) = self.children {
                answers.insert(NOMBRE_ENFANTS.into(), c.into());
            }
            None
        };
        SituationInput {
            id: self.id.clone(),
            answers,
            members,
        }
    }
}

fn value_json(catalogue: &CompiledCatalogue, question: usize, v: V) -> Option<Value> {
    let q = &catalogue.source.questions[question];
    Some(match v {
        V::Unknown => return None,
        V::Bool(b) => Value::Bool(b),
        V::Num(x) if q.kind == QuestionType::Date => Value::String(
            NaiveDate::from_num_days_from_ce_opt(x as i32)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
        V::Num(x) => serde_json::Number::from_f64(x)
            .map(Value::Number)
            .unwrap_or(Value::Null),
        V::Code(c) => Value::String(catalogue.code_text(c)),
    })
}

/// A number written as text (`"1200.50"`, `"+3"`, `".5"`, `"1e3"`), read as
/// [`str::parse::<f64>`] reads it, but rewritten in JSON's grammar and read by
/// [`number::parse_f64`](crate::number::parse_f64), so that the WebAssembly widget carries one
/// small number parser, not the standard library's (about 11 KB). `None` for anything else,
/// including `inf` and `NaN`, and for numbers too large for an `f64`.
fn decimal(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    // The same number in JSON's grammar: no `+`, no leading zeros, digits on both sides of
    // the point.
    let mut json = String::with_capacity(unsigned.len() + 2);
    let whole = whole.trim_start_matches('0');
    json.push_str(if whole.is_empty() { "0" } else { whole });
    if !fraction.is_empty() {
        json.push('.');
        json.push_str(fraction);
    }
    if let Some(exponent) = exponent {
        let exponent_digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        if exponent_digits.is_empty() || !digits(exponent_digits) {
            return None;
        }
        json.push('e');
        json.push_str(exponent);
    }
    // The sign is applied afterwards so that `-0` stays negative zero, as `parse` reads it.
    crate::number::parse_f64(&json).map(|x| if negative { -x } else { x })
}

/// Checks one answer against its question.
pub(crate) fn parse_answer(
    catalogue: &CompiledCatalogue,
    qi: usize,
    value: &Value,
    path: &str,
) -> Result<V, ValidationError> {
    let q = &catalogue.source.questions[qi];
    let wrong = |what: &str| structure(path, format!("la question « {} » attend {what}", q.id));
    match q.kind {
        QuestionType::OuiNon => match value {
            Value::Bool(b) => Ok(V::Bool(*b)),
            Value::String(s) => match s.as_str() {
                "oui" | "true" => Ok(V::Bool(true)),
                "non" | "false" => Ok(V::Bool(false)),
                _ => Err(wrong("oui ou non (true / false)")),
            },
            _ => Err(wrong("oui ou non (true / false)")),
        },
        QuestionType::Entier | QuestionType::MontantMensuel | QuestionType::MontantAnnuel => {
            let x = match value {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => decimal(&s.trim().replace(',', ".")),
                _ => None,
            };
            let Some(x) = x.filter(|x| x.is_finite()) else {
                return Err(wrong(if q.kind == QuestionType::Entier {
                    "un nombre entier"
                } else {
                    "un montant en euros"
                }));
            };
            if q.kind == QuestionType::Entier && x.fract() != 0.0 {
                return Err(ValidationError::new(
                    ErrorKind::InvalidNumber,
                    path,
                    format!(
                        "la question « {} » attend un nombre entier, pas {x}",
                        q.id,
                        x = Plain(x)
                    ),
                ));
            }
            if let Some(lo) = q.min.filter(|lo| x < *lo) {
                return Err(ValidationError::new(
                    ErrorKind::InvalidNumber,
                    path,
                    format!(
                        "{x} est inférieur au minimum {lo} de la question « {} »",
                        q.id,
                        x = Plain(x),
                        lo = Plain(lo)
                    ),
                ));
            }
            if let Some(hi) = q.max.filter(|hi| x > *hi) {
                return Err(ValidationError::new(
                    ErrorKind::InvalidNumber,
                    path,
                    format!(
                        "{x} dépasse le maximum {hi} de la question « {} »",
                        q.id,
                        x = Plain(x),
                        hi = Plain(hi)
                    ),
                ));
            }
            Ok(V::Num(x))
        }
        QuestionType::Date => match value
            .as_str()
            .and_then(|s| super::expr::parse_ymd(s.trim()))
        {
            Some(d) => Ok(V::Num(days(d))),
            _ => Err(wrong("une date AAAA-MM-JJ")),
        },
        QuestionType::Choix => {
            let Some(code) = value.as_str() else {
                return Err(wrong("un code d'option"));
            };
            if q.options.iter().any(|o| o.code == code) {
                Ok(catalogue.code_value(code))
            } else {
                Err(ValidationError::new(
                    ErrorKind::UnknownValue,
                    path,
                    format!(
                        "« {code} » n'est pas une option de « {} » ({})",
                        q.id,
                        q.option_codes()
                    ),
                ))
            }
        }
        QuestionType::Commune => {
            let code = match value {
                Value::String(s) => s.trim().to_owned(),
                Value::Number(n) if n.is_u64() => format!("{:05}", n.as_u64().unwrap_or(0)),
                _ => return Err(wrong("un code INSEE de commune")),
            };
            if is_insee(&code) {
                Ok(catalogue.code_value(&code))
            } else {
                Err(ValidationError::new(
                    ErrorKind::InvalidCode,
                    path,
                    format!("code INSEE invalide « {code} » (5 caractères, comme 86078)"),
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::decimal;

    /// What `decimal` stands for: the standard library's reading, finite numbers only.
    fn reference(text: &str) -> Option<f64> {
        text.parse::<f64>().ok().filter(|x| x.is_finite())
    }

    fn same(text: &str) {
        let (got, expected) = (decimal(text), reference(text));
        assert_eq!(
            got.map(f64::to_bits),
            expected.map(f64::to_bits),
            "{text:?}: {got:?} / {expected:?}"
        );
    }

    #[test]
    fn numbers_written_as_text_read_as_parse_reads_them() {
        for text in [
            "0",
            "-0",
            "+0",
            "12",
            "007",
            "1200.50",
            ".5",
            "5.",
            "-.5",
            "+3",
            "1e3",
            "1E-3",
            "2.5e+2",
            "0e999999999999",
            "1e400",
            "-1e400",
            "1e-400",
            "4.9e-324",
            "2.2250738585072011e-308",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "9007199254740993",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775809",
            "0.1000000000000000055511151231257827021181583404541015625",
            "123456789012345678901234567890",
            "",
            ".",
            "-",
            "+",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "1,5",
            " 1",
            "1 ",
            "inf",
            "-infinity",
            "NaN",
            "0x10",
            "1_000",
            "١٢",
            "--1",
            "+-1",
        ] {
            same(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_number_like_text_reads_as_parse_reads_it(text in "[+-]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][+-]?[0-9]{0,4})?") {
            same(&text);
        }

        #[test]
        fn any_finite_f64_printed_reads_back(x in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO) {
            same(&x.to_string());
            same(&format!("{x:e}"));
        }
    }
}
