//! Three-valued (Kleene) evaluation of the compiled rules at a date, and the sets of questions
//! that could still decide an undetermined benefit.
//!
//! The hot path ([`DatedCatalogue::statuses`]) reads slot arrays and a flat node arena: no
//! string lookup, no allocation once the [`Scratch`] buffer is made.

use super::catalogue::Scope;
use super::compile::{
    days, BenefitInfo, CompiledCatalogue, Node, AGE, MAX_MEMBERS, NOMBRE_ADULTES, NOMBRE_ENFANTS, V,
};
use super::expr::{BinOp, CmpOp, MemberRole, NaryOp};
use super::situation::{AgeSpec, QuestionRef, Situation};
use super::verdict::{BenefitResult, Status};
use chrono::{Datelike, NaiveDate};

/// Why a benefit is not applicable at a date.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum NotApplicable {
    BeforeStart(NaiveDate),
    AfterEnd(NaiveDate),
    Parameter(u32, Option<NaiveDate>),
}

/// A catalogue with its parameters resolved at an evaluation date.
#[derive(Debug, Clone)]
pub struct DatedCatalogue<'c> {
    pub(crate) cat: &'c CompiledCatalogue,
    pub(crate) date: NaiveDate,
    pub(crate) day: f64,
    pub(crate) ymd: (i32, u32, u32),
    /// Parameter values at the date (`Unknown` when not yet defined), and the index of the
    /// value used.
    pub(crate) params: Vec<(V, Option<usize>)>,
    pub(crate) applicable: Vec<Option<NotApplicable>>,
    /// The node arena with everything that depends only on parameters and the date folded
    /// to constants.
    pub(crate) nodes: Vec<Node>,
}

/// Reusable working memory of the evaluation (one per thread).
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    derived: Vec<Option<V>>,
    member_derived: Vec<Option<V>>,
}

/// The questions that could decide a benefit, as [`MissingKey::pack`]ed keys; once
/// [`sorted`](sort_dedup), in the order of [`MissingKey`] (composition, ages, household facts,
/// member facts), each once. A sorted `Vec<u64>` rather than a `BTreeSet<MissingKey>`: the
/// same order, with the sort of `u64` for all the code of a set (smaller in WebAssembly).
pub(crate) type Missing = Vec<u64>;

/// One question that could decide a benefit, in slot form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum MissingKey {
    /// 0: adults, 1: children.
    Composition(u8),
    Age(u32),
    Fact(u32),
    MemberFact(u32, u32),
}

impl MissingKey {
    /// The key as one number whose order is the enum's: the variant in the top two bits, then
    /// the member of a member fact (below [`MAX_MEMBERS`]), then the other field in the low
    /// 32 bits.
    pub(crate) fn pack(self) -> u64 {
        let (tag, member, field) = match self {
            MissingKey::Composition(w) => (0, 0, u32::from(w)),
            MissingKey::Age(m) => (1, 0, m),
            MissingKey::Fact(s) => (2, 0, s),
            MissingKey::MemberFact(m, s) => (3, m, s),
        };
        (tag << 62) | (u64::from(member) << 32) | u64::from(field)
    }

    /// The key [`pack`](MissingKey::pack) made this number from.
    pub(crate) fn unpack(key: u64) -> MissingKey {
        let field = key as u32;
        match key >> 62 {
            0 => MissingKey::Composition(field as u8),
            1 => MissingKey::Age(field),
            2 => MissingKey::Fact(field),
            _ => MissingKey::MemberFact((key >> 32) as u32 & 0x3fff_ffff, field),
        }
    }
}

/// Sorts the keys and removes the repeated ones.
pub(crate) fn sort_dedup(keys: &mut Missing) {
    keys.sort_unstable();
    keys.dedup();
}

struct Eval<'a, 'c> {
    d: &'a DatedCatalogue<'c>,
    nodes: &'a [Node],
    s: &'a Situation,
    cache: &'a mut [Option<V>],
    /// Member-scoped derived facts: `member × count + slot`.
    mcache: &'a mut [Option<V>],
}

impl CompiledCatalogue {
    /// Resolves the parameters at `date`, ready to evaluate situations.
    ///
    /// ```
    /// # let json = r#"{"format": "ctg-droits/1", "id": "demo", "title": "Démo",
    /// #   "questions": [{"id": "age_demandeur", "label": "Votre âge ?", "type": "entier"}],
    /// #   "benefits": [{"id": "aide_jeunes", "name": "Aide jeunes", "institution": "commune",
    /// #     "category": "jeunesse", "summary": "Pour les moins de 26 ans.",
    /// #     "condition": {"<": [{"fact": "age_demandeur"}, 26]}}]}"#;
    /// use ctg_core::rights::{CompiledCatalogue, Situation, Status};
    /// let catalogue = CompiledCatalogue::from_json(json.as_bytes()).unwrap();
    /// let at = catalogue.at(chrono::NaiveDate::from_ymd_opt(2025, 9, 1).unwrap());
    /// let situation = Situation::from_json(&catalogue, br#"{"answers": {"age_demandeur": 19}}"#).unwrap();
    /// assert_eq!(at.evaluate(&situation)[0].status, Status::Eligible);
    /// let empty = Situation::empty(&catalogue);
    /// assert_eq!(at.evaluate(&empty)[0].status, Status::Undetermined);
    /// ```
    pub fn at(&self, date: NaiveDate) -> DatedCatalogue<'_> {
        let params: Vec<(V, Option<usize>)> = self
            .source
            .parameters
            .iter()
            .map(|p| {
                let idx = p.values.partition_point(|v| v.from <= date);
                if idx == 0 {
                    (V::Unknown, None)
                } else {
                    (V::Num(p.values[idx - 1].value), Some(idx - 1))
                }
            })
            .collect();
        let applicable = self
            .source
            .benefits
            .iter()
            .zip(&self.benefits)
            .map(|(b, info): (_, &BenefitInfo)| {
                if let Some(from) = b.valid_from.filter(|f| date < *f) {
                    return Some(NotApplicable::BeforeStart(from));
                }
                if let Some(until) = b.valid_until.filter(|u| date > *u) {
                    return Some(NotApplicable::AfterEnd(until));
                }
                info.params
                    .iter()
                    .find(|&&p| params[p as usize].1.is_none())
                    .map(|&p| {
                        NotApplicable::Parameter(
                            p,
                            self.source.parameters[p as usize]
                                .values
                                .first()
                                .map(|v| v.from),
                        )
                    })
            })
            .collect();
        let mut dated = DatedCatalogue {
            cat: self,
            date,
            day: days(date),
            ymd: (date.year(), date.month(), date.day()),
            params,
            applicable,
            nodes: Vec::new(),
        };
        // Fold what depends only on parameters and the date (children come before parents).
        let mut folded = self.nodes.clone();
        let empty = Situation::empty(self);
        let mut cache = vec![None; self.derived.len()];
        for n in 0..folded.len() {
            if self.infos[n].pure {
                let v = Eval {
                    d: &dated,
                    nodes: &folded,
                    s: &empty,
                    cache: &mut cache,
                    mcache: &mut [],
                }
                .eval(n as u32, u32::MAX);
                if v != V::Unknown {
                    folded[n] = Node::Const(v);
                }
            } else if let Node::If(c, t, f) = folded[n] {
                match folded[c as usize] {
                    Node::Const(V::Bool(true)) => folded[n] = folded[t as usize],
                    Node::Const(V::Bool(false)) => folded[n] = folded[f as usize],
                    _ => {}
                }
            }
        }
        dated.nodes = folded;
        dated
    }
}

impl<'c> DatedCatalogue<'c> {
    /// The compiled catalogue.
    pub fn catalogue(&self) -> &'c CompiledCatalogue {
        self.cat
    }

    /// The evaluation date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Working memory sized for this catalogue.
    pub fn scratch(&self) -> Scratch {
        Scratch {
            derived: vec![None; self.cat.derived.len()],
            member_derived: vec![None; MAX_MEMBERS * self.cat.member_derived_count as usize],
        }
    }

    /// The status of every benefit (in catalogue order) into `out` — the allocation-free hot path.
    /// For many households at once, [`DatedCatalogue::statuses_batch`] gives the same results
    /// faster.
    pub fn statuses(&self, situation: &Situation, scratch: &mut Scratch, out: &mut [Status]) {
        let per_member = self.cat.member_derived_count as usize;
        if scratch.derived.len() != self.cat.derived.len()
            || scratch.member_derived.len() != MAX_MEMBERS * per_member
        {
            *scratch = self.scratch();
        }
        scratch.derived.fill(None);
        let used = (situation.members.len() * per_member).min(scratch.member_derived.len());
        scratch.member_derived[..used].fill(None);
        let mut e = Eval {
            d: self,
            nodes: &self.nodes,
            s: situation,
            cache: &mut scratch.derived,
            mcache: &mut scratch.member_derived,
        };
        for (i, slot) in out.iter_mut().enumerate().take(self.cat.benefits.len()) {
            *slot = if self.applicable[i].is_some() {
                Status::NotApplicable
            } else {
                status_of(e.eval(self.cat.benefits[i].root, u32::MAX))
            };
        }
    }

    /// Every benefit's result, with the questions that could still decide the undetermined ones.
    pub fn evaluate(&self, situation: &Situation) -> Vec<BenefitResult> {
        let mut scratch = self.scratch();
        let mut statuses = vec![Status::Undetermined; self.cat.benefits.len()];
        self.statuses(situation, &mut scratch, &mut statuses);
        statuses
            .iter()
            .enumerate()
            .map(|(i, &status)| {
                let missing = if status == Status::Undetermined {
                    self.missing_refs(situation, i)
                } else {
                    Vec::new()
                };
                BenefitResult {
                    benefit: self.cat.source.benefits[i].id.clone(),
                    status,
                    missing,
                    reason: self.applicable[i].as_ref().map(|r| self.reason_text(r)),
                }
            })
            .collect()
    }

    pub(crate) fn reason_text(&self, r: &NotApplicable) -> String {
        let fr = super::expr::french_date;
        match r {
            NotApplicable::BeforeStart(d) => {
                format!("cette aide n'existe qu'à partir du {}", fr(*d))
            }
            NotApplicable::AfterEnd(d) => format!("cette aide a pris fin le {}", fr(*d)),
            NotApplicable::Parameter(p, first) => {
                let param = &self.cat.source.parameters[*p as usize];
                match first {
                    Some(f) => format!(
                        "le paramètre « {} » n'est défini qu'à partir du {}",
                        param.label,
                        fr(*f)
                    ),
                    None => format!("le paramètre « {} » n'a pas de valeur", param.label),
                }
            }
        }
    }

    /// The questions that could still decide benefit `index`, as questions to ask, in order.
    pub(crate) fn missing_refs(&self, situation: &Situation, index: usize) -> Vec<QuestionRef> {
        self.missing_keys(situation, index)
            .into_iter()
            .map(|k| self.question_ref(k))
            .collect()
    }

    pub(crate) fn question_ref(&self, k: u64) -> QuestionRef {
        let q = |i: usize| self.cat.source.questions[i].id.clone();
        match MissingKey::unpack(k) {
            MissingKey::Composition(0) => QuestionRef {
                question: NOMBRE_ADULTES.into(),
                member: None,
            },
            MissingKey::Composition(_) => QuestionRef {
                question: NOMBRE_ENFANTS.into(),
                member: None,
            },
            MissingKey::Age(m) => QuestionRef {
                question: AGE.into(),
                member: Some(m as usize),
            },
            MissingKey::Fact(s) => QuestionRef {
                question: q(self.cat.foyer_facts[s as usize].question),
                member: None,
            },
            MissingKey::MemberFact(m, s) => QuestionRef {
                question: q(self.cat.member_facts[s as usize].question),
                member: Some(m as usize),
            },
        }
    }

    /// The questions that could still decide benefit `index` (empty unless it is undetermined).
    pub(crate) fn missing_keys(&self, situation: &Situation, index: usize) -> Missing {
        let mut out = Missing::new();
        if self.applicable[index].is_some() {
            return out;
        }
        let mut scratch = self.scratch();
        let mut e = Eval {
            d: self,
            nodes: &self.nodes,
            s: situation,
            cache: &mut scratch.derived,
            mcache: &mut scratch.member_derived,
        };
        let root = self.cat.benefits[index].root;
        if e.eval(root, u32::MAX) == V::Unknown {
            e.collect(root, u32::MAX, &mut out);
        }
        sort_dedup(&mut out);
        out
    }

    /// Evaluates node `n` (for explanations).
    pub(crate) fn value_of(
        &self,
        situation: &Situation,
        n: u32,
        member: u32,
        scratch: &mut Scratch,
    ) -> V {
        Eval {
            d: self,
            nodes: &self.nodes,
            s: situation,
            cache: &mut scratch.derived,
            mcache: &mut scratch.member_derived,
        }
        .eval(n, member)
    }

    pub(crate) fn member_age(&self, m: &super::situation::Member) -> V {
        match m.age {
            AgeSpec::Unknown => V::Unknown,
            AgeSpec::Years(a) => V::Num(f64::from(a)),
            AgeSpec::Birth(y, mo, d) => {
                let (ty, tm, td) = self.ymd;
                let mut age = ty - y;
                if (tm, td) < (mo, d) {
                    age -= 1;
                }
                V::Num(f64::from(age.max(0)))
            }
        }
    }
}

fn num(v: V) -> Option<f64> {
    match v {
        V::Num(x) => Some(x),
        _ => None,
    }
}

impl Eval<'_, '_> {
    #[inline]
    fn kid(&self, start: u32, i: u32) -> u32 {
        self.d.cat.kids[(start + i) as usize]
    }

    fn composition_known(&self) -> bool {
        self.s.adults.is_some() && self.s.children.is_some()
    }

    /// Evaluates node `n`; constants and answers are read inline, without a call (natively:
    /// in WebAssembly, where the code's size counts more, this is a call).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn eval(&mut self, n: u32, member: u32) -> V {
        match self.nodes[n as usize] {
            Node::Const(v) => v,
            Node::Fact(slot) => self.s.facts[slot as usize],
            _ => self.eval_node(n, member),
        }
    }

    fn eval_node(&mut self, n: u32, member: u32) -> V {
        let cat = self.d.cat;
        match self.nodes[n as usize] {
            Node::Const(v) => v,
            Node::Fact(slot) => self.s.facts[slot as usize],
            Node::Composition(which) => {
                let c = if which == 0 {
                    self.s.adults
                } else {
                    self.s.children
                };
                c.map_or(V::Unknown, |c| V::Num(f64::from(c)))
            }
            Node::MemberFact(slot) => self
                .s
                .members
                .get(member as usize)
                .map_or(V::Unknown, |m| m.facts[slot as usize]),
            Node::Age => self
                .s
                .members
                .get(member as usize)
                .map_or(V::Unknown, |m| self.d.member_age(m)),
            Node::Role(r) => self
                .s
                .members
                .get(member as usize)
                .map_or(V::Unknown, |m| V::Bool(m.role == r)),
            Node::Today => V::Num(self.d.day),
            Node::Param(p) => self.d.params[p as usize].0,
            Node::Derived(di) => {
                let info = &cat.derived[di as usize];
                if info.scope == Scope::Membre {
                    let slot = (member as usize)
                        .wrapping_mul(cat.member_derived_count as usize)
                        .wrapping_add(info.member_slot as usize);
                    match self.mcache.get(slot) {
                        Some(Some(v)) => *v,
                        Some(None) => {
                            let v = self.eval(info.root, member);
                            self.mcache[slot] = Some(v);
                            v
                        }
                        None => self.eval(info.root, member),
                    }
                } else if let Some(v) = self.cache[di as usize] {
                    v
                } else {
                    let v = self.eval(info.root, u32::MAX);
                    self.cache[di as usize] = Some(v);
                    v
                }
            }
            Node::All(s, len) => {
                let mut unknown = false;
                for i in 0..len {
                    match self.eval(self.kid(s, i), member) {
                        V::Bool(false) => return V::Bool(false),
                        V::Bool(true) => {}
                        _ => unknown = true,
                    }
                }
                if unknown {
                    V::Unknown
                } else {
                    V::Bool(true)
                }
            }
            Node::Any(s, len) => {
                let mut unknown = false;
                for i in 0..len {
                    match self.eval(self.kid(s, i), member) {
                        V::Bool(true) => return V::Bool(true),
                        V::Bool(false) => {}
                        _ => unknown = true,
                    }
                }
                if unknown {
                    V::Unknown
                } else {
                    V::Bool(false)
                }
            }
            Node::Not(x) => match self.eval(x, member) {
                V::Bool(b) => V::Bool(!b),
                _ => V::Unknown,
            },
            Node::Cmp(op, a, b) => {
                let va = self.eval(a, member);
                if va == V::Unknown {
                    return V::Unknown;
                }
                let vb = self.eval(b, member);
                compare(op, va, vb)
            }
            Node::Between(x, lo, hi) => {
                let vx = self.eval(x, member);
                if vx == V::Unknown {
                    return V::Unknown;
                }
                let low = compare(CmpOp::Le, self.eval(lo, member), vx);
                if low == V::Bool(false) {
                    return low;
                }
                let high = compare(CmpOp::Le, vx, self.eval(hi, member));
                match (low, high) {
                    (_, V::Bool(false)) => V::Bool(false),
                    (V::Bool(true), V::Bool(true)) => V::Bool(true),
                    _ => V::Unknown,
                }
            }
            Node::In(x, s, len) => {
                let vx = self.eval(x, member);
                if vx == V::Unknown {
                    return V::Unknown;
                }
                V::Bool(cat.lits[s as usize..(s + len) as usize].contains(&vx))
            }
            Node::Nary(op, s, len) => {
                let mut acc = match op {
                    NaryOp::Add => 0.0,
                    NaryOp::Mul => 1.0,
                    NaryOp::Min => f64::INFINITY,
                    NaryOp::Max => f64::NEG_INFINITY,
                };
                for i in 0..len {
                    let Some(x) = num(self.eval(self.kid(s, i), member)) else {
                        return V::Unknown;
                    };
                    acc = match op {
                        NaryOp::Add => acc + x,
                        NaryOp::Mul => acc * x,
                        NaryOp::Min => acc.min(x),
                        NaryOp::Max => acc.max(x),
                    };
                }
                V::Num(acc)
            }
            Node::Bin(op, a, b) => {
                let (Some(x), Some(y)) = (num(self.eval(a, member)), num(self.eval(b, member)))
                else {
                    return V::Unknown;
                };
                V::Num(match op {
                    BinOp::Sub => x - y,
                    BinOp::Div if y == 0.0 => 0.0,
                    BinOp::Div => x / y,
                })
            }
            Node::If(c, t, f) => match self.eval(c, member) {
                V::Bool(true) => self.eval(t, member),
                V::Bool(false) => self.eval(f, member),
                _ => {
                    let (vt, vf) = (self.eval(t, member), self.eval(f, member));
                    if vt == vf {
                        vt
                    } else {
                        V::Unknown
                    }
                }
            },
            Node::YearsSince(x) => match self.eval(x, member) {
                V::Num(day) => {
                    let Some(from) = NaiveDate::from_num_days_from_ce_opt(day as i32) else {
                        return V::Unknown;
                    };
                    let (ty, tm, td) = self.d.ymd;
                    let mut years = ty - from.year();
                    if (tm, td) < (from.month(), from.day()) {
                        years -= 1;
                    }
                    V::Num(f64::from(years))
                }
                _ => V::Unknown,
            },
            Node::Count(f) => {
                if !self.composition_known() {
                    return V::Unknown;
                }
                let mut count = 0.0;
                for m in 0..self.s.members.len() as u32 {
                    match self.eval(f, m) {
                        V::Bool(true) => count += 1.0,
                        V::Bool(false) => {}
                        _ => return V::Unknown,
                    }
                }
                V::Num(count)
            }
            Node::Sum(f, of) => {
                if !self.composition_known() {
                    return V::Unknown;
                }
                let mut sum = 0.0;
                for m in 0..self.s.members.len() as u32 {
                    match self.eval(f, m) {
                        V::Bool(true) => match self.eval(of, m) {
                            V::Num(x) => sum += x,
                            _ => return V::Unknown,
                        },
                        V::Bool(false) => {}
                        _ => return V::Unknown,
                    }
                }
                V::Num(sum)
            }
            Node::AnyMember(f) | Node::AllMembers(f) => {
                let want = matches!(self.nodes[n as usize], Node::AnyMember(_));
                let mut unknown = !self.composition_known();
                for m in 0..self.s.members.len() as u32 {
                    match self.eval(f, m) {
                        V::Bool(b) if b == want => return V::Bool(want),
                        V::Bool(_) => {}
                        _ => unknown = true,
                    }
                }
                if unknown {
                    V::Unknown
                } else {
                    V::Bool(!want)
                }
            }
        }
    }

    /// Adds to `out` the questions on which the unknown node `n` depends, skipping the parts
    /// already decided or short-circuited. Called only when `eval(n) == Unknown`.
    fn collect(&mut self, n: u32, member: u32, out: &mut Missing) {
        let cat = self.d.cat;
        let node = self.nodes[n as usize];
        let sub = |this: &mut Self, k: u32, m: u32, out: &mut Missing| {
            if this.eval(k, m) == V::Unknown {
                this.collect(k, m, out);
            }
        };
        match node {
            Node::Const(_) | Node::Today | Node::Param(_) | Node::Role(_) => {}
            Node::Fact(slot) => {
                out.push(MissingKey::Fact(slot).pack());
            }
            Node::Composition(w) => {
                out.push(MissingKey::Composition(w).pack());
            }
            Node::MemberFact(slot) => {
                out.push(MissingKey::MemberFact(member, slot).pack());
            }
            Node::Age => {
                out.push(MissingKey::Age(member).pack());
            }
            Node::Derived(di) => {
                let info = &cat.derived[di as usize];
                let m = if info.scope == Scope::Membre {
                    member
                } else {
                    u32::MAX
                };
                sub(self, info.root, m, out);
            }
            Node::All(s, len) | Node::Any(s, len) | Node::Nary(_, s, len) => {
                for i in 0..len {
                    sub(self, self.kid(s, i), member, out);
                }
            }
            Node::Not(x) | Node::In(x, _, _) | Node::YearsSince(x) => sub(self, x, member, out),
            Node::Cmp(_, a, b) | Node::Bin(_, a, b) => {
                sub(self, a, member, out);
                sub(self, b, member, out);
            }
            Node::Between(x, lo, hi) => {
                sub(self, x, member, out);
                sub(self, lo, member, out);
                sub(self, hi, member, out);
            }
            Node::If(c, t, f) => match self.eval(c, member) {
                V::Bool(true) => sub(self, t, member, out),
                V::Bool(false) => sub(self, f, member, out),
                _ => {
                    self.collect(c, member, out);
                    sub(self, t, member, out);
                    sub(self, f, member, out);
                }
            },
            Node::Count(f) | Node::Sum(f, _) | Node::AnyMember(f) | Node::AllMembers(f) => {
                if self.s.adults.is_none() {
                    out.push(MissingKey::Composition(0).pack());
                }
                if self.s.children.is_none() {
                    out.push(MissingKey::Composition(1).pack());
                }
                for m in 0..self.s.members.len() as u32 {
                    match self.eval(f, m) {
                        V::Unknown => self.collect(f, m, out),
                        V::Bool(true) => {
                            if let Node::Sum(_, of) = node {
                                sub(self, of, m, out);
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

/// The status of an applicable benefit whose condition has this value.
pub(crate) fn status_of(condition: V) -> Status {
    match condition {
        V::Bool(true) => Status::Eligible,
        V::Bool(false) => Status::NotEligible,
        _ => Status::Undetermined,
    }
}

pub(crate) fn compare(op: CmpOp, a: V, b: V) -> V {
    match (a, b) {
        (V::Unknown, _) | (_, V::Unknown) => V::Unknown,
        (V::Num(x), V::Num(y)) => V::Bool(match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
        }),
        (x, y) => match op {
            CmpOp::Eq => V::Bool(x == y),
            CmpOp::Ne => V::Bool(x != y),
            _ => V::Unknown,
        },
    }
}

/// Whether a member has a role (for explanations).
pub(crate) fn role_label(role: MemberRole, index: usize, situation: &Situation) -> String {
    let rank = situation.members[..index]
        .iter()
        .filter(|m| m.role == role)
        .count()
        + 1;
    match role {
        MemberRole::Adulte => format!("adulte {rank}"),
        MemberRole::Enfant => format!("enfant {rank}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{MissingKey, MAX_MEMBERS};
    use proptest::prelude::*;

    fn key() -> impl Strategy<Value = MissingKey> {
        let member = 0..MAX_MEMBERS as u32;
        prop_oneof![
            (0u8..2).prop_map(MissingKey::Composition),
            member.clone().prop_map(MissingKey::Age),
            any::<u32>().prop_map(MissingKey::Fact),
            (member, any::<u32>()).prop_map(|(m, s)| MissingKey::MemberFact(m, s)),
        ]
    }

    proptest! {
        /// A packed key reads back as itself, and packed keys sort as the keys do (the order
        /// of `missing` in results, as a `BTreeSet<MissingKey>` gave it before).
        #[test]
        fn packed_keys_read_back_and_keep_the_order(a in key(), b in key()) {
            prop_assert_eq!(MissingKey::unpack(a.pack()), a);
            prop_assert_eq!(a.pack().cmp(&b.pack()), a.cmp(&b));
        }
    }
}
