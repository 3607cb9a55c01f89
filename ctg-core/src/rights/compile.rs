//! Compilation of a catalogue: references resolved to slot numbers, types checked, cycles and
//! excessive depth refused, parameters checked for date gaps. The result is a flat, index-based
//! form evaluated without string lookups or allocation.

use super::catalogue::{Catalogue, Question, QuestionType, Scope, FORMAT};
use super::expr::{BinOp, CmpOp, Expr, ExprKind, Literal, MemberRole, NaryOp};
use crate::index::Index;
use crate::number::Plain;
use crate::validation::{ErrorKind, ValidationError, ValidationErrors};
use chrono::{Datelike, NaiveDate};

/// The deepest an expression may nest.
pub const MAX_DEPTH: usize = 32;
/// The deepest an expression may nest when following derived facts.
pub const MAX_TOTAL_DEPTH: usize = 64;
/// The most members a household may have.
pub const MAX_MEMBERS: usize = 20;
/// The built-in household question: number of adults.
pub const NOMBRE_ADULTES: &str = "nombre_adultes";
/// The built-in household question: number of children.
pub const NOMBRE_ENFANTS: &str = "nombre_enfants";
/// The built-in member question: age in years.
pub const AGE: &str = "age";

/// A value during evaluation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum V {
    /// Not known yet.
    Unknown,
    Bool(bool),
    /// Numbers, amounts, and dates (as days since 0001-01-01).
    Num(f64),
    /// An interned code.
    Code(u32),
}

/// The type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ty {
    Bool,
    Num,
    Date,
    Code,
}

impl Ty {
    fn fr(self) -> &'static str {
        match self {
            Ty::Bool => "oui/non",
            Ty::Num => "nombre",
            Ty::Date => "date",
            Ty::Code => "code",
        }
    }
}

/// One node of the compiled expression arena; children are indices.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Node {
    Const(V),
    Fact(u32),
    /// 0: adults, 1: children.
    Composition(u8),
    MemberFact(u32),
    Age,
    Role(MemberRole),
    Today,
    Param(u32),
    Derived(u32),
    All(u32, u32),
    Any(u32, u32),
    Not(u32),
    Cmp(CmpOp, u32, u32),
    Between(u32, u32, u32),
    /// x, start and length in `lits`.
    In(u32, u32, u32),
    Nary(NaryOp, u32, u32),
    Bin(BinOp, u32, u32),
    If(u32, u32, u32),
    YearsSince(u32),
    Count(u32),
    Sum(u32, u32),
    AnyMember(u32),
    AllMembers(u32),
}

/// Source information of a node, for explanations.
#[derive(Debug, Clone)]
pub(crate) struct NodeInfo {
    pub label: Option<String>,
    pub ty: Ty,
    /// Depends only on literals, parameters and the date: folded to a constant at a date.
    pub pure: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct FactInfo {
    pub question: usize,
}

#[derive(Debug, Clone)]
pub(crate) struct DerivedInfo {
    pub label: String,
    pub scope: Scope,
    /// For member-scoped derived facts: their slot in the per-member cache.
    pub member_slot: u32,
    pub root: u32,
    pub params: Vec<u32>,
    pub depth: usize,
}

#[derive(Debug, Clone)]
pub(crate) struct BenefitInfo {
    pub root: u32,
    /// Parameters used directly or through derived facts, sorted.
    pub params: Vec<u32>,
}

/// A catalogue checked and compiled for evaluation.
#[derive(Debug, Clone)]
pub struct CompiledCatalogue {
    pub(crate) source: Catalogue,
    pub(crate) nodes: Vec<Node>,
    pub(crate) infos: Vec<NodeInfo>,
    pub(crate) kids: Vec<u32>,
    pub(crate) lits: Vec<V>,
    pub(crate) codes: Vec<String>,
    /// Code → its number (a `u32`, kept as `usize`: every index of the catalogue is the
    /// crate's one map type, [`Index`], one copy of its code in WebAssembly).
    pub(crate) code_index: Index,
    /// Household facts: slot → question index.
    pub(crate) foyer_facts: Vec<FactInfo>,
    /// Member facts: slot → question index.
    pub(crate) member_facts: Vec<FactInfo>,
    /// Question index → slot.
    pub(crate) question_slot: Vec<u32>,
    pub(crate) question_index: Index,
    pub(crate) param_index: Index,
    pub(crate) derived: Vec<DerivedInfo>,
    pub(crate) benefits: Vec<BenefitInfo>,
    pub(crate) benefit_index: Index,
    /// The number of member-scoped derived facts.
    pub(crate) member_derived_count: u32,
}

fn is_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Whether `code` has the shape of an INSEE commune code (`86078`, `2A004`).
pub fn is_insee(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 5
        && b[0].is_ascii_digit()
        && (b[1].is_ascii_digit() || b[1] == b'A' || b[1] == b'B')
        && b[2..].iter().all(u8::is_ascii_digit)
}

fn insee_code(code: &str) -> u32 {
    let mut n: u32 = 0;
    for c in code.bytes() {
        n = n * 36 + (c as char).to_digit(36).unwrap_or(0);
    }
    0x8000_0000 | n
}

pub(crate) fn days(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

struct Compiler<'a> {
    cat: &'a Catalogue,
    out: CompiledCatalogue,
    errors: Vec<ValidationError>,
    derived_index: Index,
    /// 0 not compiled, 1 in progress, 2 done, 3 failed.
    derived_state: Vec<u8>,
    derived_compiled: Vec<Option<usize>>,
    stack: Vec<usize>,
    params_used: Vec<Vec<u32>>,
}

#[derive(Clone, Copy)]
struct Ctx {
    /// Inside a quantifier (or a member-scoped derived fact).
    member: bool,
    /// Inside a member-scoped derived fact: quantifiers are not allowed.
    in_member_derived: bool,
    depth: usize,
}

fn invalid(path: &str, message: String) -> ValidationError {
    ValidationError::new(ErrorKind::InvalidRule, path, message)
}

impl CompiledCatalogue {
    /// Reads and compiles a catalogue from JSON text, reporting every problem with its path.
    ///
    /// ```
    /// let json = r#"{"format": "ctg-droits/1", "id": "demo", "title": "Démo",
    ///   "questions": [{"id": "age_demandeur", "label": "Votre âge ?", "type": "entier"}],
    ///   "benefits": [{"id": "aide_jeunes", "name": "Aide jeunes", "institution": "commune",
    ///     "category": "jeunesse", "summary": "Pour les moins de 26 ans.",
    ///     "condition": {"<": [{"fact": "age_demandeur"}, 26]}}]}"#;
    /// let catalogue = ctg_core::rights::CompiledCatalogue::from_json(json.as_bytes()).unwrap();
    /// assert_eq!(catalogue.catalogue().benefits.len(), 1);
    /// ```
    pub fn from_json(bytes: &[u8]) -> Result<CompiledCatalogue, ValidationErrors> {
        compile(crate::validation::from_json_slice(bytes)?)
    }

    /// The catalogue as written.
    pub fn catalogue(&self) -> &Catalogue {
        &self.source
    }

    /// The question with this id (built-in questions are not catalogue questions).
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index
            .get(id)
            .map(|i| &self.source.questions[i])
    }

    /// The body that grants benefit `index` (catalogue order) in this situation: the first of
    /// its `institution_when` whose question has that answer, otherwise its `institution`.
    ///
    /// ```
    /// # let json = br#"{"format": "ctg-droits/1", "id": "demo", "title": "Demo",
    /// #   "questions": [{"id": "regime", "label": "Regime ?", "type": "choix",
    /// #     "options": [{"code": "general", "label": "General"}, {"code": "agricole", "label": "Agricole"}]}],
    /// #   "benefits": [{"id": "af", "name": "AF", "institution": "caf",
    /// #     "institution_when": [{"question": "regime", "answer": "agricole", "institution": "msa"}],
    /// #     "category": "famille", "summary": "Allocations.", "condition": true}]}"#;
    /// use ctg_core::rights::{catalogue::Institution, CompiledCatalogue, Situation};
    /// let catalogue = CompiledCatalogue::from_json(json).unwrap();
    /// let msa = Situation::from_json(&catalogue, br#"{"answers": {"regime": "agricole"}}"#).unwrap();
    /// assert_eq!(catalogue.institution(0, &msa), Institution::Msa);
    /// assert_eq!(catalogue.institution(0, &Situation::empty(&catalogue)), Institution::Caf);
    /// ```
    pub fn institution(
        &self,
        index: usize,
        situation: &super::situation::Situation,
    ) -> super::catalogue::Institution {
        let benefit = &self.source.benefits[index];
        for w in &benefit.institution_when {
            let Some(question) = self.question_index.get(&w.question) else {
                continue;
            };
            let slot = self.question_slot[question] as usize;
            let answer = situation.facts.get(slot).copied().unwrap_or(V::Unknown);
            if answer != V::Unknown && answer == self.code_value(&w.answer) {
                return w.institution;
            }
        }
        benefit.institution
    }

    /// The index of a benefit by id.
    pub fn benefit_position(&self, id: &str) -> Option<usize> {
        self.benefit_index.get(id)
    }

    pub(crate) fn code_value(&self, code: &str) -> V {
        if is_insee(code) {
            V::Code(insee_code(code))
        } else {
            match self.code_index.get(code) {
                Some(i) => V::Code(i as u32),
                // A code no rule mentions: distinct from every known code.
                None => V::Code(0x7fff_ffff),
            }
        }
    }

    pub(crate) fn code_text(&self, value: u32) -> String {
        if value & 0x8000_0000 != 0 {
            let mut n = value & 0x7fff_ffff;
            let mut chars = ['0'; 5];
            for slot in chars.iter_mut().rev() {
                *slot = std::char::from_digit(n % 36, 36)
                    .unwrap_or('0')
                    .to_ascii_uppercase();
                n /= 36;
            }
            chars.iter().collect()
        } else {
            self.codes
                .get(value as usize)
                .cloned()
                .unwrap_or_else(|| "(autre code)".to_owned())
        }
    }
}

/// Checks and compiles a catalogue, which the result keeps; every problem is reported, each
/// with its JSON path.
pub fn compile(catalogue: Catalogue) -> Result<CompiledCatalogue, ValidationErrors> {
    let cat = &catalogue;
    let mut c = Compiler {
        cat,
        out: CompiledCatalogue {
            // The catalogue itself, once compiled (no copy of it).
            source: Catalogue::default(),
            nodes: Vec::new(),
            infos: Vec::new(),
            kids: Vec::new(),
            lits: Vec::new(),
            codes: Vec::new(),
            code_index: Index::new(),
            foyer_facts: Vec::new(),
            member_facts: Vec::new(),
            question_slot: Vec::new(),
            question_index: Index::new(),
            param_index: Index::new(),
            derived: Vec::new(),
            benefits: Vec::new(),
            benefit_index: Index::new(),
            member_derived_count: 0,
        },
        errors: Vec::new(),
        derived_index: Index::new(),
        derived_state: vec![0; cat.derived.len()],
        derived_compiled: vec![None; cat.derived.len()],
        stack: Vec::new(),
        params_used: Vec::new(),
    };
    c.run();
    let Compiler {
        mut out, errors, ..
    } = c;
    if errors.is_empty() {
        out.source = catalogue;
        Ok(out)
    } else {
        Err(ValidationErrors(errors))
    }
}

impl<'a> Compiler<'a> {
    fn error(&mut self, kind: ErrorKind, path: impl Into<String>, message: String) {
        self.errors.push(ValidationError::new(kind, path, message));
    }

    fn check_id(&mut self, id: &str, path: String) {
        if !is_id(id) {
            self.error(
                ErrorKind::InvalidId,
                path,
                format!("identifiant invalide « {id} » : lettres minuscules sans accent, chiffres et _, en commençant par une lettre"),
            );
        }
    }

    fn run(&mut self) {
        let cat = self.cat;
        if cat.format != FORMAT {
            self.error(
                ErrorKind::UnsupportedFormat,
                "$.format",
                format!(
                    "format « {} » non pris en charge : ce programme lit « {FORMAT} »",
                    cat.format
                ),
            );
        }
        // Questions.
        for (i, q) in cat.questions.iter().enumerate() {
            let path = format!("$.questions[{i}]");
            self.check_id(&q.id, format!("{path}.id"));
            if [NOMBRE_ADULTES, NOMBRE_ENFANTS, AGE].contains(&q.id.as_str()) {
                self.error(
                    ErrorKind::DuplicateId,
                    format!("{path}.id"),
                    format!(
                        "« {} » est une question intégrée au moteur : ne pas la déclarer",
                        q.id
                    ),
                );
            }
            if self.out.question_index.insert(q.id.clone(), i).is_some() {
                self.error(
                    ErrorKind::DuplicateId,
                    format!("{path}.id"),
                    format!("la question « {} » est déclarée deux fois", q.id),
                );
            }
            if crate::validation::is_blank(&q.label) {
                self.error(
                    ErrorKind::EmptyText,
                    format!("{path}.label"),
                    "le libellé de la question est vide".into(),
                );
            }
            let slot = match q.scope {
                Scope::Foyer => {
                    self.out.foyer_facts.push(FactInfo { question: i });
                    self.out.foyer_facts.len() - 1
                }
                Scope::Membre => {
                    self.out.member_facts.push(FactInfo { question: i });
                    self.out.member_facts.len() - 1
                }
            };
            self.out.question_slot.push(slot as u32);
            let numeric = matches!(
                q.kind,
                QuestionType::Entier | QuestionType::MontantMensuel | QuestionType::MontantAnnuel
            );
            if !numeric && (q.min.is_some() || q.max.is_some()) {
                self.error(ErrorKind::Structure, format!("{path}.min"), format!("« min » et « max » ne valent que pour les nombres et montants, pas pour le type « {} »", q.kind.code()));
            }
            if let (Some(lo), Some(hi)) = (q.min, q.max) {
                if lo > hi {
                    self.error(
                        ErrorKind::InvalidNumber,
                        format!("{path}.max"),
                        format!(
                            "le maximum {hi} est inférieur au minimum {lo}",
                            hi = Plain(hi),
                            lo = Plain(lo)
                        ),
                    );
                }
            }
            if q.kind == QuestionType::Choix {
                if q.options.is_empty() {
                    self.error(
                        ErrorKind::Structure,
                        format!("{path}.options"),
                        "une question « choix » doit lister ses options".into(),
                    );
                }
                let mut seen = Vec::new();
                for (j, o) in q.options.iter().enumerate() {
                    self.check_id(&o.code, format!("{path}.options[{j}].code"));
                    if seen.contains(&o.code.as_str()) {
                        self.error(
                            ErrorKind::DuplicateId,
                            format!("{path}.options[{j}].code"),
                            format!("l'option « {} » est déclarée deux fois", o.code),
                        );
                    }
                    seen.push(&o.code);
                    self.intern(&o.code);
                }
            } else if !q.options.is_empty() {
                self.error(
                    ErrorKind::Structure,
                    format!("{path}.options"),
                    "seules les questions « choix » ont des options".into(),
                );
            }
        }
        // Parameters.
        for (i, p) in cat.parameters.iter().enumerate() {
            let path = format!("$.parameters[{i}]");
            self.check_id(&p.id, format!("{path}.id"));
            if self.out.param_index.insert(p.id.clone(), i).is_some() {
                self.error(
                    ErrorKind::DuplicateId,
                    format!("{path}.id"),
                    format!("le paramètre « {} » est déclaré deux fois", p.id),
                );
            }
            if p.values.is_empty() {
                self.error(
                    ErrorKind::Structure,
                    format!("{path}.values"),
                    "un paramètre doit avoir au moins une valeur datée".into(),
                );
            }
            for (j, v) in p.values.iter().enumerate() {
                if !v.value.is_finite() {
                    self.error(
                        ErrorKind::InvalidNumber,
                        format!("{path}.values[{j}].value"),
                        "valeur non finie".into(),
                    );
                }
                if v.reference.trim().is_empty() {
                    self.error(
                        ErrorKind::EmptyText,
                        format!("{path}.values[{j}].reference"),
                        "chaque valeur doit citer sa référence juridique".into(),
                    );
                }
                if j > 0 && p.values[j - 1].from >= v.from {
                    self.error(
                        ErrorKind::DateOrder,
                        format!("{path}.values[{j}].from"),
                        format!(
                            "les valeurs du paramètre « {} » doivent être classées par date de début strictement croissante : {} suit {}",
                            p.id, v.from, p.values[j - 1].from
                        ),
                    );
                }
            }
        }
        // Derived facts: ids first, so that references resolve in any order.
        for (i, d) in cat.derived.iter().enumerate() {
            let path = format!("$.derived[{i}]");
            self.check_id(&d.id, format!("{path}.id"));
            if self.out.question_index.contains_key(&d.id)
                || [NOMBRE_ADULTES, NOMBRE_ENFANTS, AGE].contains(&d.id.as_str())
            {
                self.error(
                    ErrorKind::DuplicateId,
                    format!("{path}.id"),
                    format!("« {} » est déjà le nom d'une question", d.id),
                );
            }
            if self.derived_index.insert(d.id.clone(), i).is_some() {
                self.error(
                    ErrorKind::DuplicateId,
                    format!("{path}.id"),
                    format!("le fait dérivé « {} » est déclaré deux fois", d.id),
                );
            }
        }
        for i in 0..cat.derived.len() {
            self.compile_derived(i);
        }
        // Places.
        let mut place_ids = Index::new();
        for (i, p) in cat.places.iter().enumerate() {
            let path = format!("$.places[{i}]");
            self.check_id(&p.id, format!("{path}.id"));
            if place_ids.insert(p.id.clone(), i).is_some() {
                self.error(
                    ErrorKind::DuplicateId,
                    format!("{path}.id"),
                    format!("le lieu « {} » est déclaré deux fois", p.id),
                );
            }
            for (j, code) in p.communes.iter().enumerate() {
                if !is_insee(code) {
                    self.error(
                        ErrorKind::InvalidCode,
                        format!("{path}.communes[{j}]"),
                        format!("code INSEE invalide « {code} » (5 caractères, comme 86078)"),
                    );
                }
            }
            if let Some(contact) = &p.contact {
                let any = contact.address.is_some()
                    || contact.phone.is_some()
                    || contact.email.is_some()
                    || contact.url.is_some();
                if any
                    && contact
                        .source
                        .as_deref()
                        .is_none_or(|s| s.trim().is_empty())
                {
                    self.error(
                        ErrorKind::Structure,
                        format!("{path}.contact.source"),
                        "un contact doit citer la source publique qui le donne".into(),
                    );
                }
            }
        }
        // Benefits.
        for (i, b) in cat.benefits.iter().enumerate() {
            let path = format!("$.benefits[{i}]");
            self.check_id(&b.id, format!("{path}.id"));
            if self.out.benefit_index.insert(b.id.clone(), i).is_some() {
                self.error(
                    ErrorKind::DuplicateId,
                    format!("{path}.id"),
                    format!("la prestation « {} » est déclarée deux fois", b.id),
                );
            }
            for (field, text) in [("name", &b.name), ("summary", &b.summary)] {
                if crate::validation::is_blank(text) {
                    self.error(
                        ErrorKind::EmptyText,
                        format!("{path}.{field}"),
                        format!("« {field} » est vide"),
                    );
                }
            }
            if let (Some(from), Some(until)) = (b.valid_from, b.valid_until) {
                if until < from {
                    self.error(
                        ErrorKind::DateOrder,
                        format!("{path}.valid_until"),
                        format!("la fin de validité {until} précède le début {from}"),
                    );
                }
            }
            for (j, place) in b.places.iter().enumerate() {
                if !place_ids.contains_key(place) {
                    self.error(
                        ErrorKind::DanglingReference,
                        format!("{path}.places[{j}]"),
                        format!("lieu inconnu « {place} » : déclarez-le dans « places »"),
                    );
                }
            }
            for (j, w) in b.institution_when.iter().enumerate() {
                self.check_institution_when(cat, w, format!("{path}.institution_when[{j}]"));
            }
            let cpath = format!("{path}.condition");
            let mut perrs = Vec::new();
            let Some(expr) = Expr::parse(&b.condition.0, &cpath, &mut perrs) else {
                self.errors.extend(perrs);
                self.out.benefits.push(BenefitInfo {
                    root: 0,
                    params: Vec::new(),
                });
                continue;
            };
            self.errors.extend(perrs);
            self.params_used.push(Vec::new());
            let ctx = Ctx {
                member: false,
                in_member_derived: false,
                depth: 0,
            };
            let lowered = self.lower(&expr, ctx);
            let mut params = self.params_used.pop().unwrap_or_default();
            params.sort_unstable();
            params.dedup();
            let root = match lowered {
                Some((root, ty, _)) => {
                    if ty != Ty::Bool {
                        self.error(
                            ErrorKind::InvalidRule,
                            cpath.clone(),
                            format!("la condition doit être un oui/non, pas un(e) {}", ty.fr()),
                        );
                    }
                    root
                }
                None => 0,
            };
            if let Some(from) = b.valid_from {
                for &p in &params {
                    let param = &cat.parameters[p as usize];
                    if let Some(first) = param.values.first() {
                        if first.from > from {
                            self.error(
                                ErrorKind::InvalidRule,
                                format!("{path}.valid_from"),
                                format!(
                                    "trou de dates : la prestation est valable dès le {from} mais le paramètre « {} » n'est défini qu'à partir du {} ; ajoutez une valeur antérieure ou reculez « valid_from »",
                                    param.id, first.from
                                ),
                            );
                        }
                    }
                }
            }
            self.out.benefits.push(BenefitInfo { root, params });
        }
    }

    /// Checks that an `institution_when` names a household `choix` question and one of its
    /// options, and interns the option so that [`CompiledCatalogue::institution`] can match it.
    fn check_institution_when(
        &mut self,
        cat: &Catalogue,
        w: &super::catalogue::InstitutionWhen,
        path: String,
    ) {
        let Some(q) = cat.questions.iter().find(|q| q.id == w.question) else {
            self.error(
                ErrorKind::DanglingReference,
                format!("{path}.question"),
                format!(
                    "question inconnue « {} » : déclarez-la dans « questions »",
                    w.question
                ),
            );
            return;
        };
        if q.kind != QuestionType::Choix || q.scope != Scope::Foyer {
            self.error(
                ErrorKind::InvalidRule,
                format!("{path}.question"),
                format!(
                    "« {} » doit être une question « choix » du foyer",
                    w.question
                ),
            );
            return;
        }
        if !q.options.iter().any(|o| o.code == w.answer) {
            self.error(
                ErrorKind::UnknownValue,
                format!("{path}.answer"),
                format!(
                    "« {} » n'est pas une option de la question « {} »",
                    w.answer, w.question
                ),
            );
            return;
        }
        self.intern(&w.answer);
    }

    fn intern(&mut self, code: &str) -> V {
        if is_insee(code) {
            return V::Code(insee_code(code));
        }
        if let Some(i) = self.out.code_index.get(code) {
            return V::Code(i as u32);
        }
        let i = self.out.codes.len() as u32;
        self.out.codes.push(code.to_owned());
        self.out.code_index.insert(code.to_owned(), i as usize);
        V::Code(i)
    }

    fn push(&mut self, node: Node, ty: Ty, label: &Option<String>) -> u32 {
        let pure = node_children(&node, &self.out.kids)
            .iter()
            .all(|&k| self.out.infos[k as usize].pure)
            && match node {
                Node::Fact(_)
                | Node::Composition(_)
                | Node::MemberFact(_)
                | Node::Age
                | Node::Role(_)
                | Node::Count(_)
                | Node::Sum(..)
                | Node::AnyMember(_)
                | Node::AllMembers(_) => false,
                Node::Derived(d) => self.out.infos[self.out.derived[d as usize].root as usize].pure,
                _ => true,
            };
        self.out.nodes.push(node);
        self.out.infos.push(NodeInfo {
            pure,
            label: label.clone(),
            ty,
        });
        (self.out.nodes.len() - 1) as u32
    }

    fn compile_derived(&mut self, i: usize) -> Option<usize> {
        match self.derived_state[i] {
            2 => return self.derived_compiled[i],
            3 => return None,
            _ => {}
        }
        self.derived_state[i] = 1;
        self.stack.push(i);
        let d = &self.cat.derived[i];
        let path = format!("$.derived[{i}].value");
        let mut perrs = Vec::new();
        let expr = Expr::parse(&d.value.0, &path, &mut perrs);
        self.errors.extend(perrs);
        self.params_used.push(Vec::new());
        let member = d.scope == Scope::Membre;
        let lowered = expr.and_then(|e| {
            self.lower(
                &e,
                Ctx {
                    member,
                    in_member_derived: member,
                    depth: 0,
                },
            )
        });
        let mut params = self.params_used.pop().unwrap_or_default();
        params.sort_unstable();
        params.dedup();
        if let Some(outer) = self.params_used.last_mut() {
            outer.extend_from_slice(&params);
        }
        self.stack.pop();
        match lowered {
            Some((root, _, depth)) => {
                let member_slot = if d.scope == Scope::Membre {
                    self.out.member_derived_count += 1;
                    self.out.member_derived_count - 1
                } else {
                    u32::MAX
                };
                self.out.derived.push(DerivedInfo {
                    label: d.label.clone(),
                    scope: d.scope,
                    member_slot,
                    root,
                    params,
                    depth,
                });
                let index = self.out.derived.len() - 1;
                self.derived_state[i] = 2;
                self.derived_compiled[i] = Some(index);
                Some(index)
            }
            None => {
                self.derived_state[i] = 3;
                None
            }
        }
    }

    fn lower_all(&mut self, items: &[Expr], ctx: Ctx) -> Option<(Vec<(u32, Ty)>, usize)> {
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        let mut depth = 0;
        for item in items {
            match self.lower(item, ctx) {
                Some((n, t, d)) => {
                    out.push((n, t));
                    depth = depth.max(d);
                }
                None => ok = false,
            }
        }
        ok.then_some((out, depth))
    }

    fn kids(&mut self, nodes: &[(u32, Ty)]) -> (u32, u32) {
        let start = self.out.kids.len() as u32;
        self.out.kids.extend(nodes.iter().map(|(n, _)| *n));
        (start, nodes.len() as u32)
    }

    fn expect(&mut self, e: &Expr, got: Ty, want: &[Ty], what: &str) -> bool {
        if want.contains(&got) {
            true
        } else {
            let wanted: Vec<&str> = want.iter().map(|t| t.fr()).collect();
            self.errors.push(invalid(
                &e.path,
                format!(
                    "{what} attend {}, mais cette valeur est de type {}",
                    wanted.join(" ou "),
                    got.fr()
                ),
            ));
            false
        }
    }

    /// Checks that codes compared with a `choix` fact are among its options.
    fn check_options(&mut self, fact: &Expr, codes: &[(String, String)]) {
        let id = match &fact.kind {
            ExprKind::Fact(id) | ExprKind::Member(id) => id,
            _ => return,
        };
        let Some(qi) = self.out.question_index.get(id) else {
            return;
        };
        let q = &self.cat.questions[qi];
        if q.kind != QuestionType::Choix {
            return;
        }
        for (code, path) in codes {
            if !q.options.iter().any(|o| &o.code == code) {
                self.errors.push(invalid(
                    path,
                    format!(
                        "« {code} » n'est pas une option de la question « {id} » ({})",
                        q.option_codes()
                    ),
                ));
            }
        }
    }

    /// Lowers an expression into the arena; returns its node, type and depth (following
    /// derived facts).
    fn lower(&mut self, e: &Expr, ctx: Ctx) -> Option<(u32, Ty, usize)> {
        if ctx.depth >= MAX_DEPTH {
            self.errors.push(ValidationError::new(
                ErrorKind::LimitExceeded,
                &e.path,
                format!("expression trop profonde : au plus {MAX_DEPTH} niveaux ; découpez-la avec des faits dérivés"),
            ));
            return None;
        }
        let inner = Ctx {
            depth: ctx.depth + 1,
            ..ctx
        };
        let label = &e.label;
        let (node, ty, depth) = match &e.kind {
            ExprKind::Literal(lit) => {
                let (v, ty) = match lit {
                    Literal::Bool(b) => (V::Bool(*b), Ty::Bool),
                    Literal::Number(x) => (V::Num(*x), Ty::Num),
                    Literal::Code(s) => (self.intern(s), Ty::Code),
                    Literal::Date(d) => (V::Num(days(*d)), Ty::Date),
                };
                (Node::Const(v), ty, 0)
            }
            ExprKind::All(items) | ExprKind::Any(items) => {
                let (kids, d) = self.lower_all(items, inner)?;
                let mut ok = true;
                for ((_, t), item) in kids.iter().zip(items) {
                    ok &= self.expect(
                        item,
                        *t,
                        &[Ty::Bool],
                        if matches!(e.kind, ExprKind::All(_)) {
                            "« all »"
                        } else {
                            "« any »"
                        },
                    );
                }
                if !ok {
                    return None;
                }
                let (s, n) = self.kids(&kids);
                let node = if matches!(e.kind, ExprKind::All(_)) {
                    Node::All(s, n)
                } else {
                    Node::Any(s, n)
                };
                (node, Ty::Bool, d + 1)
            }
            ExprKind::Not(x) => {
                let (n, t, d) = self.lower(x, inner)?;
                if !self.expect(x, t, &[Ty::Bool], "« not »") {
                    return None;
                }
                (Node::Not(n), Ty::Bool, d + 1)
            }
            ExprKind::Cmp(op, a, b) => {
                let ra = self.lower(a, inner);
                let rb = self.lower(b, inner);
                let ((na, ta, da), (nb, tb, db)) = (ra?, rb?);
                let ordered = !matches!(op, CmpOp::Eq | CmpOp::Ne);
                if ordered
                    && (!self.expect(a, ta, &[Ty::Num, Ty::Date], &format!("« {} »", op.key()))
                        | !self.expect(b, tb, &[Ty::Num, Ty::Date], &format!("« {} »", op.key())))
                {
                    return None;
                }
                if ta != tb {
                    self.errors.push(invalid(
                        &e.path,
                        format!(
                            "« {} » compare deux valeurs de même type, ici {} et {}",
                            op.key(),
                            ta.fr(),
                            tb.fr()
                        ),
                    ));
                    return None;
                }
                if ta == Ty::Code {
                    for (fact, other) in [(a, b), (b, a)] {
                        if let ExprKind::Literal(Literal::Code(code)) = &other.kind {
                            self.check_options(fact, &[(code.clone(), other.path.clone())]);
                        }
                    }
                }
                (Node::Cmp(*op, na, nb), Ty::Bool, da.max(db) + 1)
            }
            ExprKind::Between(x, lo, hi) => {
                let r = [
                    self.lower(x, inner),
                    self.lower(lo, inner),
                    self.lower(hi, inner),
                ];
                let [(nx, tx, d1), (nl, tl, d2), (nh, th, d3)] = [r[0]?, r[1]?, r[2]?];
                let mut ok = true;
                for (sub, t) in [(x, tx), (lo, tl), (hi, th)] {
                    ok &= self.expect(sub, t, &[Ty::Num, Ty::Date], "« between »");
                }
                if ok && (tx != tl || tx != th) {
                    self.errors.push(invalid(
                        &e.path,
                        "« between » compare trois valeurs de même type".into(),
                    ));
                    ok = false;
                }
                if !ok {
                    return None;
                }
                (Node::Between(nx, nl, nh), Ty::Bool, d1.max(d2).max(d3) + 1)
            }
            ExprKind::In(x, set) => {
                let (nx, tx, d) = self.lower(x, inner)?;
                if !self.expect(x, tx, &[Ty::Code, Ty::Num], "« in »") {
                    return None;
                }
                let start = self.out.lits.len() as u32;
                let mut codes = Vec::new();
                let mut ok = true;
                for (i, lit) in set.iter().enumerate() {
                    let lpath = format!("{}['in'][1][{i}]", e.path);
                    let v = match (lit, tx) {
                        (Literal::Code(s), Ty::Code) => {
                            codes.push((s.clone(), lpath));
                            self.intern(s)
                        }
                        (Literal::Number(n), Ty::Num) => V::Num(*n),
                        _ => {
                            self.errors.push(invalid(
                                &lpath,
                                format!(
                                    "la liste de « in » doit contenir des valeurs de type {}",
                                    tx.fr()
                                ),
                            ));
                            ok = false;
                            V::Unknown
                        }
                    };
                    self.out.lits.push(v);
                }
                if !ok {
                    return None;
                }
                self.check_options(x, &codes);
                (Node::In(nx, start, set.len() as u32), Ty::Bool, d + 1)
            }
            ExprKind::Nary(op, items) => {
                let (kids, d) = self.lower_all(items, inner)?;
                let mut ok = true;
                for ((_, t), item) in kids.iter().zip(items) {
                    ok &= self.expect(item, *t, &[Ty::Num], "l'arithmétique");
                }
                if !ok {
                    return None;
                }
                let (s, n) = self.kids(&kids);
                (Node::Nary(*op, s, n), Ty::Num, d + 1)
            }
            ExprKind::Bin(op, a, b) => {
                let ra = self.lower(a, inner);
                let rb = self.lower(b, inner);
                let ((na, ta, da), (nb, tb, db)) = (ra?, rb?);
                if !self.expect(a, ta, &[Ty::Num], "l'arithmétique")
                    | !self.expect(b, tb, &[Ty::Num], "l'arithmétique")
                {
                    return None;
                }
                (Node::Bin(*op, na, nb), Ty::Num, da.max(db) + 1)
            }
            ExprKind::If(c, t, f) => {
                let r = [
                    self.lower(c, inner),
                    self.lower(t, inner),
                    self.lower(f, inner),
                ];
                let [(nc, tc, d1), (nt, tt, d2), (nf, tf, d3)] = [r[0]?, r[1]?, r[2]?];
                if !self.expect(c, tc, &[Ty::Bool], "la condition de « if »") {
                    return None;
                }
                if tt != tf {
                    self.errors.push(invalid(
                        &e.path,
                        format!(
                            "les deux branches de « if » doivent avoir le même type, ici {} et {}",
                            tt.fr(),
                            tf.fr()
                        ),
                    ));
                    return None;
                }
                (Node::If(nc, nt, nf), tt, d1.max(d2).max(d3) + 1)
            }
            ExprKind::Fact(id) => {
                let path = format!("{}.fact", e.path);
                if id == NOMBRE_ADULTES || id == NOMBRE_ENFANTS {
                    (
                        Node::Composition(u8::from(id == NOMBRE_ENFANTS)),
                        Ty::Num,
                        0,
                    )
                } else if let Some(qi) = self.out.question_index.get(id) {
                    let q = &self.cat.questions[qi];
                    if q.scope == Scope::Membre {
                        self.errors.push(invalid(&path, format!("« {id} » est une question posée à chaque membre : lisez-la avec {{\"member\": \"{id}\"}} dans un quantificateur (count, sum, any_member, all_members)")));
                        return None;
                    }
                    (
                        Node::Fact(self.out.question_slot[qi]),
                        question_ty(q.kind),
                        0,
                    )
                } else if self.derived_index.contains_key(id) {
                    self.errors.push(ValidationError::new(
                        ErrorKind::DanglingReference,
                        path,
                        format!("« {id} » est un fait dérivé : écrivez {{\"derived\": \"{id}\"}}"),
                    ));
                    return None;
                } else {
                    self.errors.push(ValidationError::new(
                        ErrorKind::DanglingReference,
                        path,
                        format!("question inconnue « {id} » : déclarez-la dans « questions »"),
                    ));
                    return None;
                }
            }
            ExprKind::Member(id) => {
                let path = format!("{}.member", e.path);
                if !ctx.member {
                    self.errors.push(invalid(&path, "« member » ne s'emploie que dans un quantificateur (count, sum, any_member, all_members) ou un fait dérivé de portée « membre »".into()));
                    return None;
                }
                if id == AGE {
                    (Node::Age, Ty::Num, 0)
                } else if let Some(qi) = self.out.question_index.get(id) {
                    let q = &self.cat.questions[qi];
                    if q.scope != Scope::Membre {
                        self.errors.push(invalid(&path, format!("« {id} » est une question du foyer : lisez-la avec {{\"fact\": \"{id}\"}}")));
                        return None;
                    }
                    (
                        Node::MemberFact(self.out.question_slot[qi]),
                        question_ty(q.kind),
                        0,
                    )
                } else {
                    self.errors.push(ValidationError::new(ErrorKind::DanglingReference, path, format!("question de membre inconnue « {id} » : déclarez-la avec \"scope\": \"membre\"")));
                    return None;
                }
            }
            ExprKind::Age | ExprKind::Role(_) => {
                if !ctx.member {
                    let key = if matches!(e.kind, ExprKind::Age) {
                        "age"
                    } else {
                        "role"
                    };
                    self.errors.push(invalid(&key_path_of(&e.path, key), format!("« {key} » ne s'emploie que dans un quantificateur (count, sum, any_member, all_members) ou un fait dérivé de portée « membre »")));
                    return None;
                }
                match e.kind {
                    ExprKind::Role(r) => (Node::Role(r), Ty::Bool, 0),
                    _ => (Node::Age, Ty::Num, 0),
                }
            }
            ExprKind::Today => (Node::Today, Ty::Date, 0),
            ExprKind::YearsSince(x) => {
                let (n, t, d) = self.lower(x, inner)?;
                if !self.expect(x, t, &[Ty::Date], "« years_since »") {
                    return None;
                }
                (Node::YearsSince(n), Ty::Num, d + 1)
            }
            ExprKind::Param(id) => {
                let Some(pi) = self.out.param_index.get(id) else {
                    self.errors.push(ValidationError::new(
                        ErrorKind::DanglingReference,
                        format!("{}.param", e.path),
                        format!("paramètre inconnu « {id} » : déclarez-le dans « parameters »"),
                    ));
                    return None;
                };
                if let Some(used) = self.params_used.last_mut() {
                    used.push(pi as u32);
                }
                (Node::Param(pi as u32), Ty::Num, 0)
            }
            ExprKind::Derived(id) => {
                let path = format!("{}.derived", e.path);
                let Some(di) = self.derived_index.get(id) else {
                    let hint = if self.out.question_index.contains_key(id) {
                        format!(" (« {id} » est une question : écrivez {{\"fact\": \"{id}\"}})")
                    } else {
                        String::new()
                    };
                    self.errors.push(ValidationError::new(
                        ErrorKind::DanglingReference,
                        path,
                        format!("fait dérivé inconnu « {id} »{hint}"),
                    ));
                    return None;
                };
                if self.derived_state[di] == 1 {
                    let start = self.stack.iter().position(|&s| s == di).unwrap_or(0);
                    let mut chain: Vec<&str> = self.stack[start..]
                        .iter()
                        .map(|&s| self.cat.derived[s].id.as_str())
                        .collect();
                    chain.push(id);
                    self.errors.push(invalid(
                        &path,
                        format!("cycle entre faits dérivés : {}", chain.join(" → ")),
                    ));
                    return None;
                }
                let compiled = self.compile_derived(di)?;
                let info = &self.out.derived[compiled];
                let (root, scope, dd) = (info.root, info.scope, info.depth);
                let params = info.params.clone();
                if let Some(used) = self.params_used.last_mut() {
                    used.extend_from_slice(&params);
                }
                if scope == Scope::Membre && !ctx.member {
                    self.errors.push(invalid(&path, format!("« {id} » est un fait dérivé de portée « membre » : employez-le dans un quantificateur")));
                    return None;
                }
                if ctx.depth + dd >= MAX_TOTAL_DEPTH {
                    self.errors.push(ValidationError::new(ErrorKind::LimitExceeded, path, format!("expression trop profonde en suivant les faits dérivés : au plus {MAX_TOTAL_DEPTH} niveaux")));
                    return None;
                }
                let ty = self.out.infos[root as usize].ty;
                (Node::Derived(compiled as u32), ty, dd + 1)
            }
            ExprKind::Count(f)
            | ExprKind::AnyMember(f)
            | ExprKind::AllMembers(f)
            | ExprKind::Sum(f, _) => {
                if ctx.member {
                    let msg = if ctx.in_member_derived {
                        "un fait dérivé de portée « membre » ne peut pas contenir de quantificateur"
                    } else {
                        "les quantificateurs (count, sum, any_member, all_members) ne s'imbriquent pas"
                    };
                    self.errors.push(invalid(&e.path, msg.into()));
                    return None;
                }
                let member_ctx = Ctx {
                    member: true,
                    ..inner
                };
                let (nf, tf, d) = self.lower(f, member_ctx)?;
                if !self.expect(f, tf, &[Ty::Bool], "le filtre des membres") {
                    return None;
                }
                match &e.kind {
                    ExprKind::Count(_) => (Node::Count(nf), Ty::Num, d + 1),
                    ExprKind::AnyMember(_) => (Node::AnyMember(nf), Ty::Bool, d + 1),
                    ExprKind::AllMembers(_) => (Node::AllMembers(nf), Ty::Bool, d + 1),
                    ExprKind::Sum(_, of) => {
                        let (no, to, d2) = self.lower(of, member_ctx)?;
                        if !self.expect(of, to, &[Ty::Num], "« sum »") {
                            return None;
                        }
                        (Node::Sum(nf, no), Ty::Num, d.max(d2) + 1)
                    }
                    _ => return None,
                }
            }
        };
        let id = self.push(node, ty, label);
        Some((id, ty, depth))
    }
}

fn key_path_of(path: &str, key: &str) -> String {
    super::expr::key_path(path, key)
}

/// The direct children of a node.
pub(crate) fn node_children(node: &Node, kids: &[u32]) -> Vec<u32> {
    match *node {
        Node::Const(_)
        | Node::Fact(_)
        | Node::Composition(_)
        | Node::MemberFact(_)
        | Node::Age
        | Node::Role(_)
        | Node::Today
        | Node::Param(_)
        | Node::Derived(_) => Vec::new(),
        Node::All(s, n) | Node::Any(s, n) | Node::Nary(_, s, n) => {
            kids[s as usize..(s + n) as usize].to_vec()
        }
        Node::Not(x)
        | Node::In(x, _, _)
        | Node::YearsSince(x)
        | Node::Count(x)
        | Node::AnyMember(x)
        | Node::AllMembers(x) => vec![x],
        Node::Cmp(_, a, b) | Node::Bin(_, a, b) | Node::Sum(a, b) => vec![a, b],
        Node::Between(a, b, c) | Node::If(a, b, c) => vec![a, b, c],
    }
}

pub(crate) fn question_ty(kind: QuestionType) -> Ty {
    match kind {
        QuestionType::OuiNon => Ty::Bool,
        QuestionType::Entier | QuestionType::MontantMensuel | QuestionType::MontantAnnuel => {
            Ty::Num
        }
        QuestionType::Date => Ty::Date,
        QuestionType::Choix | QuestionType::Commune => Ty::Code,
    }
}

/// Checks that every benefit's `objectives` names an objective (axis, strategic or specific
/// objective) of `plan`; each unknown id is an error with its path.
///
/// ```
/// let catalogue = ctg_core::civraisien::droits();
/// let plan = ctg_core::civraisien::plan();
/// assert!(ctg_core::rights::compile::check_objectives(&catalogue, &plan).is_empty());
/// ```
pub fn check_objectives(catalogue: &Catalogue, plan: &crate::plan::Plan) -> Vec<ValidationError> {
    let mut ids: Vec<&str> = Vec::new();
    for axis in &plan.axes {
        ids.push(&axis.id);
        for os in &axis.strategic_objectives {
            ids.push(&os.id);
            for osp in &os.specific_objectives {
                ids.push(&osp.id);
            }
        }
    }
    let mut errors = Vec::new();
    for (i, b) in catalogue.benefits.iter().enumerate() {
        for (j, o) in b.objectives.iter().enumerate() {
            if !ids.contains(&o.as_str()) {
                errors.push(ValidationError::new(
                    ErrorKind::DanglingReference,
                    format!("$.benefits[{i}].objectives[{j}]"),
                    format!("objectif « {o} » absent du plan « {} »", plan.id),
                ));
            }
        }
    }
    errors
}
