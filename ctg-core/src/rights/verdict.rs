//! Results of the evaluation and their explanations in plain French.

use super::catalogue::QuestionType;
use super::compile::{node_children, CompiledCatalogue, Node, Ty, V};
use super::evaluate::{role_label, DatedCatalogue};
use super::expr::{BinOp, MemberRole, NaryOp};
use super::situation::{QuestionRef, Situation};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The status of a benefit for a situation at a date.
#[derive(Debug, Clone, Default, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum Status {
    /// The condition holds: éligible.
    #[serde(rename = "eligible")]
    Eligible,
    /// The condition does not hold: non éligible.
    #[serde(rename = "non_eligible")]
    NotEligible,
    /// Pas encore déterminé: more answers are needed.
    #[serde(rename = "indetermine")]
    #[default]
    Undetermined,
    /// Non applicable à cette date (outside validity, or a parameter not yet defined).
    #[serde(rename = "non_applicable")]
    NotApplicable,
}

impl Status {
    /// The code written in outputs.
    pub fn code(self) -> &'static str {
        match self {
            Status::Eligible => "eligible",
            Status::NotEligible => "non_eligible",
            Status::Undetermined => "indetermine",
            Status::NotApplicable => "non_applicable",
        }
    }

    /// The French label.
    pub fn label_fr(self) -> &'static str {
        match self {
            Status::Eligible => "éligible",
            Status::NotEligible => "non éligible",
            Status::Undetermined => "pas encore déterminé",
            Status::NotApplicable => "non applicable à cette date",
        }
    }

    /// Whether the result is decided (eligible or not eligible).
    pub fn is_decided(self) -> bool {
        matches!(self, Status::Eligible | Status::NotEligible)
    }
}

/// The result of one benefit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BenefitResult {
    /// The benefit id.
    pub benefit: String,
    /// Its status.
    pub status: Status,
    /// For `indetermine`: the questions that could still decide it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<QuestionRef>,
    /// For `non_applicable`: why, in French.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// One condition (or value) of an explanation, with its sub-conditions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ExplanationNode {
    /// The condition in French.
    pub text: String,
    /// Its value: `oui`, `non`, `inconnu`, or a formatted number, date or label.
    pub value: String,
    /// Its sub-conditions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<ExplanationNode>,
}

/// An answer used by an explanation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FactUse {
    /// The question.
    pub question: QuestionRef,
    /// Its short French name (with the member, if any).
    pub label: String,
    /// The answer, formatted, or `inconnu`.
    pub value: String,
}

/// A parameter value used by an explanation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ParameterUse {
    /// The parameter id.
    pub parameter: String,
    /// Its French label.
    pub label: String,
    /// The value in force, formatted with its unit.
    pub value: String,
    /// The first day of that value.
    pub from: NaiveDate,
    /// Its legal reference.
    pub reference: String,
}

/// The full explanation of one benefit's result.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Explanation {
    /// The benefit id.
    pub benefit: String,
    /// Its name.
    pub name: String,
    /// Its status.
    pub status: Status,
    /// Why it is not applicable, if so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The condition, evaluated (absent when not applicable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<ExplanationNode>,
    /// The answers read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FactUse>,
    /// The parameter values read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<ParameterUse>,
    /// The questions that could still decide it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<QuestionRef>,
}

/// Formats a number the French way: `1 234,5`.
pub fn format_number(x: f64) -> String {
    if !x.is_finite() {
        return "non défini".into();
    }
    let rounded = (x * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let abs = rounded.abs();
    let int = abs.trunc() as u64;
    let cents = ((abs - abs.trunc()) * 100.0).round() as u64;
    let digits = int.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('\u{202f}');
        }
        grouped.push(c);
    }
    let mut out = if negative {
        format!("-{grouped}")
    } else {
        grouped
    };
    if cents > 0 {
        if cents % 10 == 0 {
            out.push_str(&format!(",{}", cents / 10));
        } else {
            out.push_str(&format!(",{cents:02}"));
        }
    }
    out
}

fn format_date(day: f64) -> String {
    NaiveDate::from_num_days_from_ce_opt(day as i32)
        .map(super::expr::french_date)
        .unwrap_or_else(|| "date invalide".into())
}

impl CompiledCatalogue {
    pub(crate) fn question_name(&self, qi: usize) -> String {
        let q = &self.source.questions[qi];
        q.name
            .clone()
            .unwrap_or_else(|| q.label.trim_end_matches([' ', '?', '\u{a0}']).to_owned())
    }

    /// Formats a value of node `n`'s type.
    pub(crate) fn format_value(&self, v: V, ty: Ty, question: Option<usize>) -> String {
        match v {
            V::Unknown => "inconnu".into(),
            V::Bool(true) => "oui".into(),
            V::Bool(false) => "non".into(),
            V::Num(x) if ty == Ty::Date => format_date(x),
            V::Num(x) => match question.map(|q| self.source.questions[q].kind) {
                Some(QuestionType::MontantMensuel) => format!("{} € par mois", format_number(x)),
                Some(QuestionType::MontantAnnuel) => format!("{} € par an", format_number(x)),
                _ => format_number(x),
            },
            V::Code(c) => {
                let text = self.code_text(c);
                question
                    .and_then(|q| {
                        self.source.questions[q]
                            .options
                            .iter()
                            .find(|o| o.code == text)
                    })
                    .map(|o| o.label.clone())
                    .unwrap_or(text)
            }
        }
    }

    /// The French text of node `n`.
    pub(crate) fn describe(&self, n: u32) -> String {
        let info = &self.infos[n as usize];
        if let Some(label) = &info.label {
            return label.clone();
        }
        let operand = |k: u32| -> String {
            let text = self.describe(k);
            match self.nodes[k as usize] {
                Node::Nary(..) | Node::Bin(..) | Node::If(..) => format!("({text})"),
                _ => text,
            }
        };
        match self.nodes[n as usize] {
            Node::Const(v) => self.format_value(v, info.ty, None),
            Node::Fact(slot) => self.question_name(self.foyer_facts[slot as usize].question),
            Node::MemberFact(slot) => self.question_name(self.member_facts[slot as usize].question),
            Node::Composition(0) => "nombre d'adultes du foyer".into(),
            Node::Composition(_) => "nombre d'enfants du foyer".into(),
            Node::Age => "âge".into(),
            Node::Role(MemberRole::Adulte) => "est un adulte".into(),
            Node::Role(MemberRole::Enfant) => "est un enfant".into(),
            Node::Today => "date d'évaluation".into(),
            Node::Param(p) => self.source.parameters[p as usize].label.clone(),
            Node::Derived(d) => self.derived[d as usize].label.clone(),
            Node::All(..) => "toutes les conditions suivantes".into(),
            Node::Any(..) => "au moins une des conditions suivantes".into(),
            Node::Not(x) => format!("non ({})", self.describe(x)),
            Node::Cmp(op, a, b) => format!("{} {} {}", operand(a), op.symbol_fr(), operand(b)),
            Node::Between(x, lo, hi) => {
                format!("{} entre {} et {}", operand(x), operand(lo), operand(hi))
            }
            Node::In(x, s, len) => {
                let question = self.question_of(x);
                let items: Vec<String> = self.lits[s as usize..(s + len) as usize]
                    .iter()
                    .map(|v| self.format_value(*v, Ty::Code, question))
                    .collect();
                format!("{} parmi : {}", operand(x), items.join(", "))
            }
            node @ Node::Nary(op, ..) => {
                let parts: Vec<String> = node_children(&node, &self.kids)
                    .into_iter()
                    .map(operand)
                    .collect();
                match op {
                    NaryOp::Add => parts.join(" + "),
                    NaryOp::Mul => parts.join(" × "),
                    NaryOp::Min => format!("le plus petit de : {}", parts.join(", ")),
                    NaryOp::Max => format!("le plus grand de : {}", parts.join(", ")),
                }
            }
            Node::Bin(op, a, b) => match op {
                BinOp::Sub => format!("{} − {}", operand(a), operand(b)),
                BinOp::Div => format!("{} / {}", operand(a), operand(b)),
            },
            Node::If(c, t, f) => format!(
                "si {} alors {} sinon {}",
                self.describe(c),
                operand(t),
                operand(f)
            ),
            Node::YearsSince(x) => format!("années écoulées depuis {}", operand(x)),
            Node::Count(f) => format!("nombre de membres du foyer tels que : {}", self.describe(f)),
            Node::Sum(f, of) => format!(
                "somme de « {} » sur les membres tels que : {}",
                self.describe(of),
                self.describe(f)
            ),
            Node::AnyMember(f) => {
                format!("au moins un membre du foyer tel que : {}", self.describe(f))
            }
            Node::AllMembers(f) => {
                format!("tous les membres du foyer tels que : {}", self.describe(f))
            }
        }
    }

    fn question_of(&self, n: u32) -> Option<usize> {
        match self.nodes[n as usize] {
            Node::Fact(slot) => Some(self.foyer_facts[slot as usize].question),
            Node::MemberFact(slot) => Some(self.member_facts[slot as usize].question),
            _ => None,
        }
    }
}

struct Explainer<'a, 'c> {
    d: &'a DatedCatalogue<'c>,
    s: &'a Situation,
    cache: super::evaluate::Scratch,
    /// Derived facts already detailed in this explanation (with their member): later
    /// references show only their value.
    expanded: Vec<(u32, u32)>,
    facts: Vec<FactUse>,
    params: Vec<u32>,
}

impl Explainer<'_, '_> {
    fn value(&mut self, n: u32, member: u32) -> V {
        self.d.value_of(self.s, n, member, &mut self.cache)
    }

    fn fmt(&mut self, n: u32, member: u32) -> String {
        let v = self.value(n, member);
        let cat = self.d.cat;
        cat.format_value(v, cat.infos[n as usize].ty, cat.question_of(n))
    }

    fn member_name(&self, member: u32) -> String {
        role_label(
            self.s.members[member as usize].role,
            member as usize,
            self.s,
        )
    }

    /// Records the leaves read under `n` (facts, parameters), for the lists of the explanation.
    fn record(&mut self, n: u32, member: u32) {
        let cat = self.d.cat;
        let node = cat.nodes[n as usize];
        let of_member = (member != u32::MAX).then_some(member as usize);
        // The question read, and (for a catalogue question) its index.
        let (id, qi, who) = match node {
            Node::Fact(slot) => {
                let qi = cat.foyer_facts[slot as usize].question;
                (cat.source.questions[qi].id.as_str(), Some(qi), None)
            }
            Node::MemberFact(slot) if of_member.is_some() => {
                let qi = cat.member_facts[slot as usize].question;
                (cat.source.questions[qi].id.as_str(), Some(qi), of_member)
            }
            Node::Age if of_member.is_some() => (super::compile::AGE, None, of_member),
            Node::Composition(0) => (super::compile::NOMBRE_ADULTES, None, None),
            Node::Composition(_) => (super::compile::NOMBRE_ENFANTS, None, None),
            Node::Param(p) => {
                if !self.params.contains(&p) {
                    self.params.push(p);
                }
                return;
            }
            _ => return,
        };
        let question = QuestionRef {
            question: id.to_owned(),
            member: who,
        };
        if self.facts.iter().any(|f| f.question == question) {
            return;
        }
        let value = self.fmt(n, member);
        let label = match (qi, who) {
            // A member's answer: the question's name (or « âge ») and the member.
            (_, Some(_)) => format!(
                "{} ({})",
                qi.map_or_else(|| "âge".to_owned(), |qi| cat.question_name(qi)),
                self.member_name(member)
            ),
            (Some(qi), None) => cat.question_name(qi),
            (None, None) => cat.describe(n),
        };
        self.facts.push(FactUse {
            question,
            label,
            value,
        });
    }

    fn node(&mut self, n: u32, member: u32) -> ExplanationNode {
        let cat = self.d.cat;
        self.record(n, member);
        let text = cat.describe(n);
        let value = self.fmt(n, member);
        let mut children = Vec::new();
        let node = cat.nodes[n as usize];
        let operands: Vec<u32> = match node {
            // Conditions: each explained in full.
            Node::All(..) | Node::Any(..) | Node::Not(_) => {
                for k in node_children(&node, &cat.kids) {
                    children.push(self.node(k, member));
                }
                Vec::new()
            }
            Node::Derived(d) => {
                let info = &cat.derived[d as usize];
                let m = if info.scope == super::catalogue::Scope::Membre {
                    member
                } else {
                    u32::MAX
                };
                if !self.expanded.contains(&(d, m)) {
                    self.expanded.push((d, m));
                    children.push(self.node(info.root, m));
                }
                Vec::new()
            }
            Node::Count(f) | Node::Sum(f, _) | Node::AnyMember(f) | Node::AllMembers(f) => {
                for m in 0..self.s.members.len() as u32 {
                    let mut filter = self.node(f, m);
                    if let Node::Sum(_, of) = cat.nodes[n as usize] {
                        if self.value(f, m) == V::Bool(true) {
                            let of_node = self.node(of, m);
                            filter.children.push(of_node);
                        }
                    }
                    children.push(ExplanationNode {
                        text: self.member_name(m),
                        value: filter.value.clone(),
                        children: vec![filter],
                    });
                }
                if !self.s.composition_known() {
                    children.push(ExplanationNode {
                        text: "composition du foyer".into(),
                        value: "inconnu".into(),
                        children: Vec::new(),
                    });
                }
                Vec::new()
            }
            // Values (none for the leaves).
            _ => node_children(&node, &cat.kids),
        };
        for k in operands {
            // Leaves are already in the text; explain composite operands.
            match cat.nodes[k as usize] {
                Node::Const(_) | Node::Today => {}
                Node::Fact(_)
                | Node::MemberFact(_)
                | Node::Age
                | Node::Param(_)
                | Node::Composition(_)
                | Node::Role(_) => {
                    self.record(k, member);
                    let value = self.fmt(k, member);
                    children.push(ExplanationNode {
                        text: cat.describe(k),
                        value,
                        children: Vec::new(),
                    });
                }
                _ => children.push(self.node(k, member)),
            }
        }
        ExplanationNode {
            text,
            value,
            children,
        }
    }
}

impl DatedCatalogue<'_> {
    /// The explanation of benefit `index` (catalogue order) for a situation.
    pub fn explain(&self, situation: &Situation, index: usize) -> Explanation {
        let cat = self.cat;
        let benefit = &cat.source.benefits[index];
        if let Some(r) = &self.applicable[index] {
            return Explanation {
                benefit: benefit.id.clone(),
                name: benefit.name.clone(),
                status: Status::NotApplicable,
                reason: Some(self.reason_text(r)),
                condition: None,
                facts: Vec::new(),
                parameters: Vec::new(),
                missing: Vec::new(),
            };
        }
        let mut ex = Explainer {
            d: self,
            s: situation,
            cache: self.scratch(),
            expanded: Vec::new(),
            facts: Vec::new(),
            params: Vec::new(),
        };
        // This one benefit's status, as `statuses` gives it.
        let root = cat.benefits[index].root;
        let status = super::evaluate::status_of(ex.value(root, u32::MAX));
        let condition = ex.node(root, u32::MAX);
        let parameters = ex
            .params
            .iter()
            .filter_map(|&p| {
                let param = &cat.source.parameters[p as usize];
                let (v, i) = self.params[p as usize];
                let value = param.values.get(i?)?;
                let unit = param.unit.label_fr();
                let shown = match (v, param.unit) {
                    (V::Num(x), super::catalogue::Unit::Taux) => {
                        format!("{} %", format_number(x * 100.0))
                    }
                    (V::Num(x), _) if unit.is_empty() => format_number(x),
                    (V::Num(x), _) => format!("{} {unit}", format_number(x)),
                    _ => "inconnu".into(),
                };
                Some(ParameterUse {
                    parameter: param.id.clone(),
                    label: param.label.clone(),
                    value: shown,
                    from: value.from,
                    reference: value.reference.clone(),
                })
            })
            .collect();
        let missing = if status == Status::Undetermined {
            self.missing_refs(situation, index)
        } else {
            Vec::new()
        };
        Explanation {
            benefit: benefit.id.clone(),
            name: benefit.name.clone(),
            status,
            reason: None,
            condition: Some(condition),
            facts: ex.facts,
            parameters,
            missing,
        }
    }

    /// Explanations of every benefit, in catalogue order.
    pub fn explain_all(&self, situation: &Situation) -> Vec<Explanation> {
        (0..self.cat.benefits.len())
            .map(|i| self.explain(situation, i))
            .collect()
    }

    /// The French label of a question to ask (with the member, e.g. « enfant 2 »).
    pub fn question_text(&self, situation: &Situation, q: &QuestionRef) -> String {
        let who = q
            .member
            .filter(|m| *m < situation.members.len())
            .map(|m| format!("[{}] ", role_label(situation.members[m].role, m, situation)))
            .unwrap_or_default();
        let label = match q.question.as_str() {
            super::compile::NOMBRE_ADULTES => "Combien d'adultes vivent dans le foyer ?".to_owned(),
            super::compile::NOMBRE_ENFANTS => "Combien d'enfants vivent dans le foyer ?".to_owned(),
            super::compile::AGE => {
                "Quel âge a cette personne (ou sa date de naissance AAAA-MM-JJ) ?".to_owned()
            }
            id => self
                .cat
                .question(id)
                .map(|q| q.label.clone())
                .unwrap_or_else(|| id.to_owned()),
        };
        format!("{who}{label}")
    }
}

/// Renders an explanation as plain French lines (for the terminal and the widget).
pub fn render_explanation(e: &Explanation) -> Vec<String> {
    let mut lines = vec![format!("{} : {}", e.name, e.status.label_fr())];
    if let Some(reason) = &e.reason {
        lines.push(format!("  {reason}"));
    }
    fn walk(n: &ExplanationNode, depth: usize, lines: &mut Vec<String>) {
        let mark = match n.value.as_str() {
            "oui" => "✓",
            "non" => "✗",
            "inconnu" => "?",
            _ => "•",
        };
        let value = match n.value.as_str() {
            "oui" | "non" => n.value.clone(),
            "inconnu" => "pas encore déterminé".into(),
            v => format!("= {v}"),
        };
        lines.push(format!(
            "{}{mark} {} : {value}",
            "  ".repeat(depth + 1),
            n.text
        ));
        for c in &n.children {
            walk(c, depth + 1, lines);
        }
    }
    if let Some(c) = &e.condition {
        walk(c, 0, &mut lines);
    }
    if !e.facts.is_empty() {
        lines.push("  Réponses utilisées :".into());
        for f in &e.facts {
            lines.push(format!("    - {} : {}", f.label, f.value));
        }
    }
    if !e.parameters.is_empty() {
        lines.push("  Paramètres :".into());
        for p in &e.parameters {
            lines.push(format!(
                "    - {} : {} (en vigueur depuis le {} ; référence : {})",
                p.label,
                p.value,
                super::expr::french_date(p.from),
                p.reference
            ));
        }
    }
    if !e.missing.is_empty() {
        let list: Vec<String> = e
            .missing
            .iter()
            .map(|q| match q.member {
                Some(m) => format!("{} (membre {})", q.question, m + 1),
                None => q.question.clone(),
            })
            .collect();
        lines.push(format!("  Il reste à savoir : {}", list.join(", ")));
    }
    lines
}
