//! Vectorized evaluation of many households at once, for studies over allocataire files.
//!
//! [`DatedCatalogue::statuses`] walks the rule tree once per household. Here the dated node
//! arena is turned once into a straight-line program over *columns*: each column holds one
//! value for each of [`LANES`] households (and, for values that depend on a household member,
//! one per member and household). The program is run once per chunk of households, so the cost
//! of interpreting a node is paid once for [`LANES`] households and each node is a tight loop
//! over lanes. The results are exactly those of [`DatedCatalogue::statuses`], including on
//! partial situations (the three values of Kleene logic are kept as a "known" bit per lane).
//!
//! The households come as columns ([`HouseholdBatch`], grouped by number of members), so that
//! the answers of a chunk are read by copying runs of values; [`DatedCatalogue::statuses_batch`]
//! takes [`Situation`]s and puts them in such a batch first.
//!
//! Layout: a numeric column is [`LANES`] `f64` (an array, so that loops over it have no bounds
//! checks and vectorize) plus one `u64` word of known bits; a yes/no column is two `u64` words
//! (known, true), the true bits always within the known ones. A member column repeats that for
//! each of [`MAX_MEMBERS`] members. Dates are days, codes their interned number, as in the
//! scalar evaluation. Every node is a pure function of its children, so evaluating all of them
//! (without the scalar path's short-circuits) gives the same values; derived facts are
//! computed once per chunk. Operands that are constants are read as scalars.

use super::compile::{CompiledCatalogue, Node, Ty, MAX_MEMBERS, V};
use super::evaluate::DatedCatalogue;
use super::expr::{BinOp, CmpOp, MemberRole, NaryOp};
use super::households::{Group, HouseholdBatch, MEMBER_EXTRA};
use super::situation::Situation;
use super::verdict::Status;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// The number of households evaluated together by [`DatedCatalogue::statuses_batch`].
pub const LANES: usize = 64;

const ALL: u64 = u64::MAX;

/// "No numeric column" (yes/no registers).
const NONE: u32 = u32::MAX;

/// One column of numbers.
type Col = [f64; LANES];

/// Touches the answers of `situations` in tight loops, before they are copied household by
/// household: situations are scattered on the heap, and independent loads issued together
/// wait for memory in parallel rather than one after the other (the copy itself is too long a
/// loop for the processor to look that far ahead). Two steps, as member answers are behind
/// the member list.
fn touch(situations: &[Situation]) {
    let mut sum = 0usize;
    for s in situations {
        sum = sum.wrapping_add(s.facts.len() + s.members.len());
    }
    for s in situations {
        for f in s.facts.iter().step_by(4) {
            sum = sum.wrapping_add(usize::from(*f == V::Unknown));
        }
        for m in &s.members {
            sum = sum.wrapping_add(m.facts.len());
        }
    }
    for s in situations {
        for m in &s.members {
            for f in m.facts.iter().step_by(4) {
                sum = sum.wrapping_add(usize::from(*f == V::Unknown));
            }
        }
    }
    std::hint::black_box(sum);
}

/// A register: where its numbers and its bits are.
#[derive(Debug, Clone, Copy)]
struct Reg {
    /// Index of its first column (numeric registers only, else [`NONE`]).
    col: u32,
    /// Index of its first known word in `bits` (the true word follows each known word).
    bits: u32,
    member: bool,
    /// The value of a constant numeric register, read as a scalar by the kernels.
    konst: Option<f64>,
}

impl Reg {
    /// The known word for member `m` (the only one of a household register).
    #[inline(always)]
    fn k(self, m: usize) -> usize {
        self.bits as usize + if self.member { 2 * m } else { 0 }
    }
    /// The true word for member `m`.
    #[inline(always)]
    fn v(self, m: usize) -> usize {
        self.k(m) + 1
    }
    /// The column for member `m`.
    #[inline(always)]
    fn c(self, m: usize) -> usize {
        self.col as usize + if self.member { m } else { 0 }
    }
}

/// What is read from the households at the start of a chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Load {
    Fact(u32, bool),
    Composition(u8),
    MemberFact(u32, bool),
    Age,
    Role(MemberRole),
}

/// One instruction; operands and destination are register numbers.
#[derive(Debug, Clone, Copy)]
enum Op {
    Not(u32),
    /// Start and length in `args`.
    All(u32, u32),
    Any(u32, u32),
    Cmp(CmpOp, u32, u32),
    /// Equality (`true`) or difference of yes/no values.
    CmpBool(bool, u32, u32),
    Between(u32, u32, u32),
    /// x, start and length in `lits`.
    In(u32, u32, u32),
    Nary(NaryOp, u32, u32),
    Bin(BinOp, u32, u32),
    If(u32, u32, u32),
    IfBool(u32, u32, u32),
    YearsSince(u32),
    Count(u32),
    Sum(u32, u32),
    AnyMember(u32),
    AllMembers(u32),
}

#[derive(Debug, Clone, Copy)]
struct Instr {
    op: Op,
    dst: u32,
    member: bool,
}

/// The straight-line program of a dated catalogue.
#[derive(Debug, Clone, Default)]
struct Program {
    /// Catalogue address and date: which [`DatedCatalogue`] this program was built for.
    key: (usize, i32),
    regs: Vec<Reg>,
    instrs: Vec<Instr>,
    args: Vec<u32>,
    lits: Vec<f64>,
    /// Household loads, then member loads.
    loads: Vec<(Load, u32)>,
    member_loads: Vec<(Load, u32)>,
    /// Constant columns: register, value.
    consts: Vec<(u32, V)>,
    /// Per benefit: the register of its condition, `None` when not applicable at the date.
    roots: Vec<Option<u32>>,
    /// Sizes of the register file: columns and bit words.
    cols: usize,
    bit_len: usize,
}

/// A run of consecutive households of one group of a [`HouseholdBatch`], put in lanes
/// `lane..lane + len` of a chunk.
#[derive(Debug, Clone, Copy, Default)]
struct Segment {
    group: usize,
    start: usize,
    len: usize,
    lane: usize,
}

impl Segment {
    fn lanes(self) -> u64 {
        lane_range(self.lane, self.len)
    }
}

/// The bits of lanes `lane..lane + len`.
fn lane_range(lane: usize, len: usize) -> u64 {
    let ones = if len >= LANES { ALL } else { (1u64 << len) - 1 };
    ones << lane
}

/// Reusable working memory of [`DatedCatalogue::statuses_batch`] and
/// [`DatedCatalogue::statuses_households`]: the compiled program and its columns. Made once
/// (it allocates; [`DatedCatalogue::batch_scratch`], or `default()` which is filled on first
/// use), then reused for every chunk without allocation. Used with another catalogue or date,
/// it rebuilds its program.
#[derive(Debug, Clone, Default)]
pub struct BatchScratch<'c> {
    /// The catalogue the program was built for stays borrowed while the scratch lives, so
    /// that its address (part of the key of the program) cannot be reused by another.
    catalogue: std::marker::PhantomData<&'c CompiledCatalogue>,
    program: Program,
    cols: Vec<Col>,
    bits: Vec<u64>,
    /// One column for loads that have no numeric register.
    tmp: Vec<Col>,
    /// Per member: the lanes whose household has that member.
    exists: [u64; MAX_MEMBERS],
    /// The lanes whose composition (adults and children) is known.
    composition: u64,
    /// The lanes in use.
    active: u64,
    /// Per benefit of a chunk: its known and true words, and whether it is applicable.
    outcomes: Vec<(u64, u64, bool)>,
    /// The situations of [`DatedCatalogue::statuses_batch`], as columns.
    households: Option<HouseholdBatch>,
    ready: bool,
}

/// Where a needed node's value comes from while building the program.
#[derive(Debug, Clone, Copy)]
struct ValueInfo {
    boolean: bool,
    member: bool,
    /// Produced by an instruction (its register is freed after its last use).
    computed: bool,
}

struct Builder<'a, 'c> {
    d: &'a DatedCatalogue<'c>,
    values: Vec<ValueInfo>,
    src: Vec<u32>,
    consts: HashMap<(bool, u64, u8), u32>,
    const_values: Vec<(u32, V)>,
    loads: HashMap<Load, u32>,
    load_values: Vec<(Load, u32)>,
    /// Instructions over value numbers.
    instrs: Vec<(Op, u32)>,
    args: Vec<u32>,
    lits: Vec<f64>,
}

fn lane_value(v: V) -> (bool, f64) {
    match v {
        V::Unknown => (false, 0.0),
        V::Bool(b) => (true, if b { 1.0 } else { 0.0 }),
        V::Num(x) => (true, x),
        V::Code(c) => (true, f64::from(c)),
    }
}

impl Builder<'_, '_> {
    fn value(&mut self, boolean: bool, member: bool, computed: bool) -> u32 {
        self.values.push(ValueInfo {
            boolean,
            member,
            computed,
        });
        (self.values.len() - 1) as u32
    }

    fn constant(&mut self, boolean: bool, v: V) -> u32 {
        let (known, x) = lane_value(v);
        let key = (boolean, x.to_bits(), u8::from(known));
        if let Some(&id) = self.consts.get(&key) {
            return id;
        }
        let id = self.value(boolean, false, false);
        self.consts.insert(key, id);
        self.const_values.push((id, v));
        id
    }

    fn load(&mut self, load: Load, boolean: bool) -> u32 {
        if let Some(&id) = self.loads.get(&load) {
            return id;
        }
        let member = matches!(load, Load::MemberFact(..) | Load::Age | Load::Role(_));
        let id = self.value(boolean, member, false);
        self.loads.insert(load, id);
        self.load_values.push((load, id));
        id
    }

    fn member(&self, ids: &[u32]) -> bool {
        ids.iter().any(|&i| self.values[i as usize].member)
    }

    fn emit(&mut self, op: Op, boolean: bool, member: bool) -> u32 {
        let id = self.value(boolean, member, true);
        self.instrs.push((op, id));
        id
    }

    /// The value of needed node `n` (its children already have theirs).
    fn node(&mut self, n: usize) -> u32 {
        let cat = self.d.cat;
        let boolean = cat.infos[n].ty == Ty::Bool;
        let node = self.d.nodes[n];
        if let Node::Const(v) = node {
            return self.constant(boolean, v);
        }
        if cat.infos[n].pure {
            // Pure nodes that did not fold are unknown at this date.
            return self.constant(boolean, V::Unknown);
        }
        let s = |b: &Self, k: u32| b.src[k as usize];
        match node {
            Node::Const(_) | Node::Today | Node::Param(_) => self.constant(boolean, V::Unknown),
            Node::Fact(slot) => self.load(Load::Fact(slot, boolean), boolean),
            Node::Composition(w) => self.load(Load::Composition(w), false),
            Node::MemberFact(slot) => self.load(Load::MemberFact(slot, boolean), boolean),
            Node::Age => self.load(Load::Age, false),
            Node::Role(r) => self.load(Load::Role(r), true),
            Node::Derived(di) => s(self, cat.derived[di as usize].root),
            Node::All(st, len) | Node::Any(st, len) | Node::Nary(_, st, len) => {
                let start = self.args.len() as u32;
                for i in 0..len {
                    let k = cat.kids[(st + i) as usize];
                    let v = s(self, k);
                    self.args.push(v);
                }
                let ids = self.args[start as usize..].to_vec();
                let member = self.member(&ids);
                let op = match node {
                    Node::All(..) => Op::All(start, len),
                    Node::Any(..) => Op::Any(start, len),
                    Node::Nary(op, ..) => Op::Nary(op, start, len),
                    _ => unreachable!("matched above"),
                };
                self.emit(op, boolean, member)
            }
            Node::Not(x) => {
                let x = s(self, x);
                let member = self.member(&[x]);
                self.emit(Op::Not(x), true, member)
            }
            Node::Cmp(op, a, b) => {
                let (a, b) = (s(self, a), s(self, b));
                let member = self.member(&[a, b]);
                let op = if self.values[a as usize].boolean {
                    match op {
                        CmpOp::Eq => Op::CmpBool(true, a, b),
                        CmpOp::Ne => Op::CmpBool(false, a, b),
                        // Refused by the compiler; unknown as in the scalar evaluation.
                        _ => return self.constant(true, V::Unknown),
                    }
                } else {
                    Op::Cmp(op, a, b)
                };
                self.emit(op, true, member)
            }
            Node::Between(x, lo, hi) => {
                let (x, lo, hi) = (s(self, x), s(self, lo), s(self, hi));
                let member = self.member(&[x, lo, hi]);
                self.emit(Op::Between(x, lo, hi), true, member)
            }
            Node::In(x, st, len) => {
                let x = s(self, x);
                let start = self.lits.len() as u32;
                let mut count = 0;
                for v in &cat.lits[st as usize..(st + len) as usize] {
                    // Unknown literals never match; a yes/no literal cannot be in a set.
                    if let V::Num(_) | V::Code(_) = v {
                        self.lits.push(lane_value(*v).1);
                        count += 1;
                    }
                }
                let member = self.member(&[x]);
                self.emit(Op::In(x, start, count), true, member)
            }
            Node::Bin(op, a, b) => {
                let (a, b) = (s(self, a), s(self, b));
                let member = self.member(&[a, b]);
                self.emit(Op::Bin(op, a, b), false, member)
            }
            Node::If(c, t, f) => {
                let (c, t, f) = (s(self, c), s(self, t), s(self, f));
                let member = self.member(&[c, t, f]);
                let op = if boolean {
                    Op::IfBool(c, t, f)
                } else {
                    Op::If(c, t, f)
                };
                self.emit(op, boolean, member)
            }
            Node::YearsSince(x) => {
                let x = s(self, x);
                let member = self.member(&[x]);
                self.emit(Op::YearsSince(x), false, member)
            }
            Node::Count(f) => {
                let f = s(self, f);
                self.emit(Op::Count(f), false, false)
            }
            Node::Sum(f, of) => {
                let (f, of) = (s(self, f), s(self, of));
                self.emit(Op::Sum(f, of), false, false)
            }
            Node::AnyMember(f) => {
                let f = s(self, f);
                self.emit(Op::AnyMember(f), true, false)
            }
            Node::AllMembers(f) => {
                let f = s(self, f);
                self.emit(Op::AllMembers(f), true, false)
            }
        }
    }
}

fn operands(op: &Op, args: &[u32]) -> Vec<u32> {
    match *op {
        Op::Not(x)
        | Op::In(x, _, _)
        | Op::YearsSince(x)
        | Op::Count(x)
        | Op::AnyMember(x)
        | Op::AllMembers(x) => vec![x],
        Op::All(s, n) | Op::Any(s, n) | Op::Nary(_, s, n) => {
            args[s as usize..(s + n) as usize].to_vec()
        }
        Op::Cmp(_, a, b) | Op::CmpBool(_, a, b) | Op::Bin(_, a, b) | Op::Sum(a, b) => vec![a, b],
        Op::Between(a, b, c) | Op::If(a, b, c) | Op::IfBool(a, b, c) => vec![a, b, c],
    }
}

fn remap(op: Op, r: &[u32]) -> Op {
    let g = |x: u32| r[x as usize];
    match op {
        Op::Not(x) => Op::Not(g(x)),
        Op::All(s, n) => Op::All(s, n),
        Op::Any(s, n) => Op::Any(s, n),
        Op::Nary(o, s, n) => Op::Nary(o, s, n),
        Op::Cmp(o, a, b) => Op::Cmp(o, g(a), g(b)),
        Op::CmpBool(e, a, b) => Op::CmpBool(e, g(a), g(b)),
        Op::Between(a, b, c) => Op::Between(g(a), g(b), g(c)),
        Op::In(x, s, n) => Op::In(g(x), s, n),
        Op::Bin(o, a, b) => Op::Bin(o, g(a), g(b)),
        Op::If(a, b, c) => Op::If(g(a), g(b), g(c)),
        Op::IfBool(a, b, c) => Op::IfBool(g(a), g(b), g(c)),
        Op::YearsSince(x) => Op::YearsSince(g(x)),
        Op::Count(x) => Op::Count(g(x)),
        Op::Sum(a, b) => Op::Sum(g(a), g(b)),
        Op::AnyMember(x) => Op::AnyMember(g(x)),
        Op::AllMembers(x) => Op::AllMembers(g(x)),
    }
}

impl Program {
    fn build(d: &DatedCatalogue<'_>) -> Program {
        let cat = d.cat;
        let count = d.nodes.len();
        // The nodes the applicable benefits need (children and derived roots come first).
        let mut need = vec![false; count];
        let mut roots = Vec::new();
        for (i, b) in cat.benefits.iter().enumerate() {
            if d.applicable[i].is_none() {
                need[b.root as usize] = true;
                roots.push(Some(b.root));
            } else {
                roots.push(None);
            }
        }
        for n in (0..count).rev() {
            if !need[n] || matches!(d.nodes[n], Node::Const(_)) || cat.infos[n].pure {
                continue;
            }
            if let Node::Derived(di) = d.nodes[n] {
                need[cat.derived[di as usize].root as usize] = true;
            }
            for k in super::compile::node_children(&d.nodes[n], &cat.kids) {
                need[k as usize] = true;
            }
        }
        let mut b = Builder {
            d,
            values: Vec::new(),
            src: vec![u32::MAX; count],
            consts: HashMap::new(),
            const_values: Vec::new(),
            loads: HashMap::new(),
            load_values: Vec::new(),
            instrs: Vec::new(),
            args: Vec::new(),
            lits: Vec::new(),
        };
        for (n, needed) in need.iter().enumerate() {
            if *needed {
                b.src[n] = b.node(n);
            }
        }
        let root_values: Vec<Option<u32>> =
            roots.iter().map(|r| r.map(|n| b.src[n as usize])).collect();
        // Liveness: the last instruction reading each value; benefit results live to the end.
        let mut last = vec![0usize; b.values.len()];
        for (i, (op, _)) in b.instrs.iter().enumerate() {
            for x in operands(op, &b.args) {
                last[x as usize] = i;
            }
        }
        for r in root_values.iter().flatten() {
            last[*r as usize] = usize::MAX;
        }
        // Registers: constants and loads are permanent, computed values reuse freed columns.
        let mut p = Program {
            key: (cat as *const _ as usize, d.date.num_days_from_ce()),
            ..Program::default()
        };
        let mut reg_of = vec![u32::MAX; b.values.len()];
        let mut free: [Vec<u32>; 4] = Default::default();
        let new_reg = |p: &mut Program, info: ValueInfo| -> u32 {
            let width = if info.member { MAX_MEMBERS } else { 1 };
            let col = if info.boolean {
                NONE
            } else {
                p.cols += width;
                (p.cols - width) as u32
            };
            p.regs.push(Reg {
                col,
                bits: p.bit_len as u32,
                member: info.member,
                konst: None,
            });
            p.bit_len += 2 * width;
            (p.regs.len() - 1) as u32
        };
        let class = |info: ValueInfo| usize::from(info.boolean) * 2 + usize::from(info.member);
        for (id, v) in &b.const_values {
            let r = new_reg(&mut p, b.values[*id as usize]);
            reg_of[*id as usize] = r;
            p.consts.push((r, *v));
            if p.regs[r as usize].col != NONE {
                p.regs[r as usize].konst = Some(lane_value(*v).1);
            }
        }
        for (load, id) in &b.load_values {
            let r = new_reg(&mut p, b.values[*id as usize]);
            reg_of[*id as usize] = r;
            if b.values[*id as usize].member {
                p.member_loads.push((*load, r));
            } else {
                p.loads.push((*load, r));
            }
        }
        for (i, (op, dst)) in b.instrs.iter().enumerate() {
            let info = b.values[*dst as usize];
            let r = match free[class(info)].pop() {
                Some(r) => r,
                None => new_reg(&mut p, info),
            };
            reg_of[*dst as usize] = r;
            let mut ops = operands(op, &b.args);
            ops.sort_unstable();
            ops.dedup();
            for x in ops {
                let xi = b.values[x as usize];
                if xi.computed && last[x as usize] == i {
                    free[class(xi)].push(reg_of[x as usize]);
                }
            }
        }
        p.args = b.args.iter().map(|&x| reg_of[x as usize]).collect();
        p.instrs = b
            .instrs
            .iter()
            .map(|(op, dst)| Instr {
                op: remap(*op, &reg_of),
                dst: reg_of[*dst as usize],
                member: b.values[*dst as usize].member,
            })
            .collect();
        p.lits = b.lits;
        p.roots = root_values
            .iter()
            .map(|r| r.map(|x| reg_of[x as usize]))
            .collect();
        p
    }
}

/// An operand: a column, or a constant read as a scalar.
#[derive(Clone, Copy)]
enum Src<'a> {
    Col(&'a Col),
    K(f64),
}

/// The register file without the destination column, which is borrowed mutably apart
/// (a destination never shares a column with its operands).
struct Cols<'a> {
    head: &'a [Col],
    tail: &'a [Col],
    dst: usize,
}

impl<'a> Cols<'a> {
    #[inline(always)]
    fn get(&self, c: usize) -> &'a Col {
        if c < self.dst {
            &self.head[c]
        } else {
            &self.tail[c - self.dst - 1]
        }
    }
    #[inline(always)]
    fn src(&self, r: Reg, m: usize) -> Src<'a> {
        match r.konst {
            Some(k) => Src::K(k),
            None => Src::Col(self.get(r.c(m))),
        }
    }
}

/// Reading of operands when no column is being written.
#[inline(always)]
fn src(cols: &[Col], r: Reg, m: usize) -> Src<'_> {
    match r.konst {
        Some(k) => Src::K(k),
        None => Src::Col(&cols[r.c(m)]),
    }
}

/// `o[i] = f(i, a[i], b[i])`, one loop per kind of operands (so that each vectorizes).
#[inline(always)]
fn zip2(o: &mut Col, a: Src<'_>, b: Src<'_>, f: impl Fn(usize, f64, f64) -> f64) {
    match (a, b) {
        (Src::Col(a), Src::Col(b)) => {
            for i in 0..LANES {
                o[i] = f(i, a[i], b[i]);
            }
        }
        (Src::Col(a), Src::K(b)) => {
            for i in 0..LANES {
                o[i] = f(i, a[i], b);
            }
        }
        (Src::K(a), Src::Col(b)) => {
            for i in 0..LANES {
                o[i] = f(i, a, b[i]);
            }
        }
        (Src::K(a), Src::K(b)) => {
            for (i, o) in o.iter_mut().enumerate() {
                *o = f(i, a, b);
            }
        }
    }
}

/// `o[i] = f(o[i], a[i])`.
#[inline(always)]
fn fold(o: &mut Col, a: Src<'_>, f: impl Fn(f64, f64) -> f64) {
    match a {
        Src::Col(a) => {
            for i in 0..LANES {
                o[i] = f(o[i], a[i]);
            }
        }
        Src::K(a) => o.iter_mut().for_each(|o| *o = f(*o, a)),
    }
}

/// Bit `i` for lane `i`: tests written `bits & LANE_BIT[i]` vectorize, `bits >> i` does not.
const LANE_BIT: [u64; LANES] = {
    let mut bits = [0u64; LANES];
    let mut i = 0;
    while i < LANES {
        bits[i] = 1 << i;
        i += 1;
    }
    bits
};

/// The lanes where `f(a[i])` holds, as bits: each lane's bit is selected and the bits are
/// or-ed together, which the compiler vectorizes (comparison, and, or).
#[inline(always)]
fn mask1(a: &Col, f: impl Fn(f64) -> bool) -> u64 {
    let mut out = 0u64;
    for i in 0..LANES {
        out |= if f(a[i]) { LANE_BIT[i] } else { 0 };
    }
    out
}

/// The lanes where `f(a[i], b[i])` holds, as bits (see [`mask1`]).
#[inline(always)]
fn mask2(a: Src<'_>, b: Src<'_>, f: impl Fn(f64, f64) -> bool) -> u64 {
    match (a, b) {
        (Src::Col(a), Src::Col(b)) => {
            let mut out = 0u64;
            for i in 0..LANES {
                out |= if f(a[i], b[i]) { LANE_BIT[i] } else { 0 };
            }
            out
        }
        (Src::Col(a), Src::K(b)) => mask1(a, |x| f(x, b)),
        (Src::K(a), Src::Col(b)) => mask1(b, |y| f(a, y)),
        (Src::K(a), Src::K(b)) => {
            if f(a, b) {
                ALL
            } else {
                0
            }
        }
    }
}

/// `a op b` for every lane.
#[inline(always)]
fn cmp(op: CmpOp, a: Src<'_>, b: Src<'_>) -> u64 {
    match op {
        CmpOp::Lt => mask2(a, b, |x, y| x < y),
        CmpOp::Le => mask2(a, b, |x, y| x <= y),
        CmpOp::Gt => mask2(a, b, |x, y| x > y),
        CmpOp::Ge => mask2(a, b, |x, y| x >= y),
        CmpOp::Eq => mask2(a, b, |x, y| x == y),
        CmpOp::Ne => mask2(a, b, |x, y| x != y),
    }
}

/// `o = ident op a0 op a1 …`, left to right as the scalar evaluation, one pass per operand.
#[inline(always)]
fn nary(
    o: &mut Col,
    cols: &Cols<'_>,
    args: &[u32],
    regs: &[Reg],
    m: usize,
    ident: f64,
    f: impl Fn(f64, f64) -> f64 + Copy,
) {
    let arg = |i: usize| cols.src(regs[args[i] as usize], m);
    match args.len() {
        0 => o.fill(ident),
        1 => zip2(o, Src::K(ident), arg(0), |_, x, y| f(x, y)),
        n => {
            zip2(o, arg(0), arg(1), |_, x, y| f(f(ident, x), y));
            for i in 2..n {
                fold(o, arg(i), f);
            }
        }
    }
}

/// Bit-exact `if pick { a } else { b }` on numbers, without branches.
#[inline(always)]
fn pick(pick: u64, i: usize, a: f64, b: f64) -> f64 {
    let m = 0u64.wrapping_sub(u64::from(pick & LANE_BIT[i] != 0));
    f64::from_bits((a.to_bits() & m) | (b.to_bits() & !m))
}

/// Copies the values of `segments` from their group's column (`column(group)`, `None` when
/// the group has none) into `dst`; lanes not written are unknown.
#[inline(always)]
fn fill<'b>(
    dst: &mut Col,
    groups: &'b [Group],
    segments: &[Segment],
    column: impl Fn(&'b Group) -> Option<&'b Vec<f64>>,
) {
    let mut written = 0;
    for s in segments {
        if column(&groups[s.group]).is_some() {
            written += s.len;
        }
    }
    if written < LANES {
        dst.fill(f64::NAN);
    }
    for s in segments {
        if let Some(values) = column(&groups[s.group]) {
            dst[s.lane..s.lane + s.len].copy_from_slice(&values[s.start..s.start + s.len]);
        }
    }
}

/// The column of register `reg` for member `m`, or `tmp` for a yes/no register.
#[inline(always)]
fn column<'a>(cols: &'a mut [Col], tmp: &'a mut Col, reg: Reg, m: usize) -> &'a mut Col {
    if reg.col == NONE {
        tmp
    } else {
        &mut cols[reg.c(m)]
    }
}

/// Sets the known bits of register `reg` for member `m` from its loaded values `c` (`NaN`
/// when unknown), within `lanes`, and its true bits if it is a yes/no register (those of a
/// numeric register are never read).
#[inline(always)]
fn set_bits(bits: &mut [u64], reg: Reg, m: usize, c: &Col, lanes: u64) {
    let k = known(c) & lanes;
    bits[reg.k(m)] = k;
    if reg.col == NONE {
        bits[reg.v(m)] = k & mask1(c, |x| x != 0.0);
    }
}

/// The lanes of `c` whose value is known (not `NaN`).
#[inline(always)]
fn known(c: &Col) -> u64 {
    mask1(c, |x| !x.is_nan())
}

impl<'c> BatchScratch<'c> {
    fn prepare(&mut self, d: &DatedCatalogue<'_>) {
        let key = (d.cat as *const _ as usize, d.date.num_days_from_ce());
        if self.ready && self.program.key == key {
            return;
        }
        let p = Program::build(d);
        self.cols = vec![[0.0; LANES]; p.cols];
        self.bits = vec![0; p.bit_len];
        self.tmp = vec![[0.0; LANES]];
        for &(r, v) in &p.consts {
            let reg = p.regs[r as usize];
            let (known, x) = lane_value(v);
            if reg.col != NONE {
                self.cols[reg.col as usize] = [x; LANES];
            }
            self.bits[reg.k(0)] = if known { ALL } else { 0 };
            self.bits[reg.v(0)] = if known && x != 0.0 { ALL } else { 0 };
        }
        self.program = p;
        self.households = Some(HouseholdBatch::new(d.cat));
        self.ready = true;
    }

    /// Copies the answers of the households of `segments` into the load columns; returns the
    /// largest number of members.
    #[inline(never)]
    fn gather(
        &mut self,
        d: &DatedCatalogue<'_>,
        batch: &HouseholdBatch,
        segments: &[Segment],
    ) -> usize {
        let p = &self.program;
        let (cols, bits) = (&mut self.cols[..], &mut self.bits[..]);
        let tmp = &mut self.tmp[0];
        let groups = &batch.groups[..];
        let (foyer, width) = (batch.foyer_slots, MEMBER_EXTRA + batch.member_slots);
        let mut m_max = 0;
        self.active = 0;
        self.exists = [0; MAX_MEMBERS];
        for s in segments {
            self.active |= s.lanes();
            for e in &mut self.exists[..s.group] {
                *e |= s.lanes();
            }
            m_max = m_max.max(s.group);
        }
        fill(tmp, groups, segments, |g| g.facts.get(foyer));
        let adults = known(tmp);
        fill(tmp, groups, segments, |g| g.facts.get(foyer + 1));
        self.composition = adults & known(tmp) & self.active;
        for &(l, r) in &p.loads {
            let reg = p.regs[r as usize];
            let c = column(cols, tmp, reg, 0);
            let column = match l {
                Load::Fact(slot, _) if (slot as usize) < foyer => slot as usize,
                Load::Composition(w) => foyer + usize::from(w),
                _ => usize::MAX,
            };
            fill(c, groups, segments, |g| g.facts.get(column));
            set_bits(bits, reg, 0, c, self.active);
        }
        let births = segments.iter().any(|s| groups[s.group].births);
        let (ty, tm, td) = d.ymd;
        for (m, &lanes) in self.exists[..m_max].iter().enumerate() {
            let at = |i: usize| m * width + i;
            for &(l, r) in &p.member_loads {
                let reg = p.regs[r as usize];
                if let Load::Role(role) = l {
                    fill(tmp, groups, segments, |g| g.members.get(at(0)));
                    let code = match role {
                        MemberRole::Adulte => 0.0,
                        MemberRole::Enfant => 1.0,
                    };
                    bits[reg.k(m)] = lanes;
                    bits[reg.v(m)] = lanes & mask1(tmp, |x| x == code);
                    continue;
                }
                if let (Load::Age, true) = (l, births) {
                    // Ages given by a birth date are computed at the evaluation date.
                    fill(tmp, groups, segments, |g| g.members.get(at(2)));
                    let c = &mut cols[reg.c(m)];
                    fill(c, groups, segments, |g| g.members.get(at(1)));
                    for (age, &birth) in c.iter_mut().zip(tmp.iter()) {
                        if !birth.is_nan() {
                            let b = birth as i64;
                            let (y, md) = (b.div_euclid(10_000), b.rem_euclid(10_000));
                            let mut years = i64::from(ty) - y;
                            if (i64::from(tm), i64::from(td)) < (md / 100, md % 100) {
                                years -= 1;
                            }
                            *age = years.max(0) as f64;
                        }
                    }
                    set_bits(bits, reg, m, c, lanes);
                    continue;
                }
                let column_index = match l {
                    Load::MemberFact(slot, _) if (slot as usize) < batch.member_slots => {
                        at(MEMBER_EXTRA + slot as usize)
                    }
                    Load::Age => at(1),
                    _ => usize::MAX,
                };
                let c = column(cols, tmp, reg, m);
                fill(c, groups, segments, |g| g.members.get(column_index));
                set_bits(bits, reg, m, c, lanes);
            }
        }
        m_max
    }

    /// Runs the program on the gathered chunk (loops written for the compiler to vectorize).
    #[inline(never)]
    fn run(&mut self, d: &DatedCatalogue<'_>, m_max: usize) {
        let p = &self.program;
        let (regs, bits, cols) = (&p.regs[..], &mut self.bits, &mut self.cols);
        let (active, composition, exists) = (self.active, self.composition, &self.exists[..m_max]);
        let reg = |r: u32| regs[r as usize];
        for ins in &p.instrs {
            let dst = reg(ins.dst);
            let members = if ins.member { m_max } else { 1 };
            for m in 0..members {
                let kb = |b: &[u64], r: Reg| b[r.k(m)];
                let vb = |b: &[u64], r: Reg| b[r.v(m)];
                let (known, truth) = if dst.col == NONE {
                    let cols = &cols[..];
                    match ins.op {
                        Op::Not(x) => {
                            let x = reg(x);
                            let k = kb(bits, x);
                            (k, k & !vb(bits, x))
                        }
                        Op::All(s, n) => {
                            let (mut f, mut t) = (0u64, ALL);
                            for &a in &p.args[s as usize..(s + n) as usize] {
                                let a = reg(a);
                                let (k, v) = (kb(bits, a), vb(bits, a));
                                f |= k & !v;
                                t &= v;
                            }
                            (f | t, t & !f)
                        }
                        Op::Any(s, n) => {
                            let (mut t, mut f) = (0u64, ALL);
                            for &a in &p.args[s as usize..(s + n) as usize] {
                                let a = reg(a);
                                let (k, v) = (kb(bits, a), vb(bits, a));
                                t |= v;
                                f &= k & !v;
                            }
                            (t | f, t)
                        }
                        Op::Cmp(op, a, b) => {
                            let (a, b) = (reg(a), reg(b));
                            let k = kb(bits, a) & kb(bits, b);
                            (k, k & cmp(op, src(cols, a, m), src(cols, b, m)))
                        }
                        Op::CmpBool(eq, a, b) => {
                            let (a, b) = (reg(a), reg(b));
                            let k = kb(bits, a) & kb(bits, b);
                            let same = !(vb(bits, a) ^ vb(bits, b));
                            (k, k & if eq { same } else { !same })
                        }
                        Op::Between(x, lo, hi) => {
                            let (x, lo, hi) = (reg(x), reg(lo), reg(hi));
                            let kx = kb(bits, x);
                            let kl = kx & kb(bits, lo);
                            let kh = kx & kb(bits, hi);
                            let (vx, vl, vh) =
                                (src(cols, x, m), src(cols, lo, m), src(cols, hi, m));
                            let low = kl & mask2(vl, vx, |l, x| l <= x);
                            let high = kh & mask2(vx, vh, |x, h| x <= h);
                            let f = (kl & !low) | (kh & !high);
                            let t = low & high;
                            (f | t, t & !f)
                        }
                        Op::In(x, s, n) => {
                            let x = reg(x);
                            let k = kb(bits, x);
                            let xs = src(cols, x, m);
                            let mut hit = 0u64;
                            for &lit in &p.lits[s as usize..(s + n) as usize] {
                                hit |= mask2(xs, Src::K(lit), |x, l| x == l);
                            }
                            (k, k & hit)
                        }
                        Op::IfBool(c, t, f) => {
                            let (c, t, f) = (reg(c), reg(t), reg(f));
                            let (ck, cv) = (kb(bits, c), vb(bits, c));
                            let (kt, vt, kf, vf) =
                                (kb(bits, t), vb(bits, t), kb(bits, f), vb(bits, f));
                            let (ct, cf) = (ck & cv, ck & !cv);
                            let k = (ct & kt) | (cf & kf) | (!ck & kt & kf & !(vt ^ vf));
                            (k, k & ((ct & vt) | (cf & vf) | (!ck & vt)))
                        }
                        Op::AnyMember(f) | Op::AllMembers(f) => {
                            let any = matches!(ins.op, Op::AnyMember(_));
                            let f = reg(f);
                            let mut unknown = !composition;
                            let mut hit = 0u64;
                            for (mm, &e) in exists.iter().enumerate() {
                                let (fk, fv) = (bits[f.k(mm)], bits[f.v(mm)]);
                                unknown |= e & !fk;
                                hit |= e & if any { fv } else { fk & !fv };
                            }
                            let k = hit | !unknown;
                            (k, if any { hit } else { k & !hit })
                        }
                        Op::Nary(..)
                        | Op::Bin(..)
                        | Op::If(..)
                        | Op::YearsSince(_)
                        | Op::Count(_)
                        | Op::Sum(..) => unreachable!("numeric operations have a column"),
                    }
                } else {
                    let (head, rest) = cols.split_at_mut(dst.c(m));
                    let (o, tail) = rest
                        .split_first_mut()
                        .expect("the destination column exists");
                    let cols = Cols {
                        head,
                        tail,
                        dst: dst.c(m),
                    };
                    let known = match ins.op {
                        Op::Nary(op, s, n) => {
                            let args = &p.args[s as usize..(s + n) as usize];
                            match op {
                                NaryOp::Add => nary(o, &cols, args, regs, m, 0.0, |a, b| a + b),
                                NaryOp::Mul => nary(o, &cols, args, regs, m, 1.0, |a, b| a * b),
                                NaryOp::Min => {
                                    nary(o, &cols, args, regs, m, f64::INFINITY, f64::min)
                                }
                                NaryOp::Max => {
                                    nary(o, &cols, args, regs, m, f64::NEG_INFINITY, f64::max)
                                }
                            }
                            args.iter().fold(ALL, |k, &a| k & kb(bits, reg(a)))
                        }
                        Op::Bin(op, a, b) => {
                            let (a, b) = (reg(a), reg(b));
                            let (x, y) = (cols.src(a, m), cols.src(b, m));
                            match op {
                                BinOp::Sub => zip2(o, x, y, |_, x, y| x - y),
                                BinOp::Div => {
                                    zip2(o, x, y, |_, x, y| if y == 0.0 { 0.0 } else { x / y })
                                }
                            }
                            kb(bits, a) & kb(bits, b)
                        }
                        Op::If(c, t, f) => {
                            let (c, t, f) = (reg(c), reg(t), reg(f));
                            let (ck, cv) = (kb(bits, c), vb(bits, c));
                            let (kt, kf) = (kb(bits, t), kb(bits, f));
                            let (xt, xf) = (cols.src(t, m), cols.src(f, m));
                            let take_f = ck & !cv;
                            if take_f & active == 0 {
                                zip2(o, xt, Src::K(0.0), |_, x, _| x);
                            } else if take_f & active == active {
                                zip2(o, xf, Src::K(0.0), |_, x, _| x);
                            } else {
                                zip2(o, xf, xt, |i, x, y| pick(take_f, i, x, y));
                            }
                            // Unknown condition: known when both branches agree.
                            let open = !ck & kt & kf & active;
                            let same = if open == 0 {
                                0
                            } else {
                                mask2(xt, xf, |a, b| a == b)
                            };
                            (ck & cv & kt) | (take_f & kf) | (open & same)
                        }
                        Op::YearsSince(x) => {
                            let x = reg(x);
                            let xs = cols.src(x, m);
                            let mut k = kb(bits, x);
                            let (ty, tm, td) = d.ymd;
                            for (i, o) in o.iter_mut().enumerate() {
                                if k & LANE_BIT[i] == 0 {
                                    continue;
                                }
                                let day = match xs {
                                    Src::Col(c) => c[i],
                                    Src::K(c) => c,
                                };
                                match NaiveDate::from_num_days_from_ce_opt(day as i32) {
                                    Some(from) => {
                                        let mut years = ty - from.year();
                                        if (tm, td) < (from.month(), from.day()) {
                                            years -= 1;
                                        }
                                        *o = f64::from(years);
                                    }
                                    None => k &= !LANE_BIT[i],
                                }
                            }
                            k
                        }
                        Op::Count(f) => {
                            let f = reg(f);
                            o.fill(0.0);
                            let mut k = composition;
                            for (mm, &e) in exists.iter().enumerate() {
                                let (fk, fv) = (bits[f.k(mm)], bits[f.v(mm)]);
                                k &= !e | fk;
                                let t = e & fv;
                                for i in 0..LANES {
                                    o[i] += if t & LANE_BIT[i] != 0 { 1.0 } else { 0.0 };
                                }
                            }
                            k
                        }
                        Op::Sum(f, of) => {
                            let (f, of) = (reg(f), reg(of));
                            o.fill(0.0);
                            let mut k = composition;
                            for (mm, &e) in exists.iter().enumerate() {
                                let (fk, fv, ok) = (bits[f.k(mm)], bits[f.v(mm)], bits[of.k(mm)]);
                                k &= !e | (fk & (!fv | ok));
                                let t = e & fv;
                                match cols.src(of, mm) {
                                    Src::Col(x) => {
                                        for i in 0..LANES {
                                            o[i] += pick(t, i, x[i], 0.0);
                                        }
                                    }
                                    Src::K(x) => {
                                        for (i, o) in o.iter_mut().enumerate() {
                                            *o += pick(t, i, x, 0.0);
                                        }
                                    }
                                }
                            }
                            k
                        }
                        Op::Not(_)
                        | Op::All(..)
                        | Op::Any(..)
                        | Op::Cmp(..)
                        | Op::CmpBool(..)
                        | Op::Between(..)
                        | Op::In(..)
                        | Op::IfBool(..)
                        | Op::AnyMember(_)
                        | Op::AllMembers(_) => unreachable!("yes/no operations have no column"),
                    };
                    (known, 0)
                };
                bits[dst.k(m)] = known;
                bits[dst.v(m)] = truth;
            }
        }
    }

    /// Evaluates the households of `segments` (one chunk) and writes their statuses.
    fn chunk(
        &mut self,
        d: &DatedCatalogue<'_>,
        batch: &HouseholdBatch,
        segments: &[Segment],
        out: &mut [Status],
    ) {
        let m_max = self.gather(d, batch, segments);
        self.run(d, m_max);
        let n = d.cat.benefits.len();
        // Where each lane's row starts in `out` (`out.len()` when it does not fit).
        let mut rows = [out.len(); LANES];
        for s in segments {
            let group = &batch.groups[s.group].rows[s.start..s.start + s.len];
            for (row, &h) in rows[s.lane..s.lane + s.len].iter_mut().zip(group) {
                if (h as usize + 1) * n <= out.len() {
                    *row = h as usize * n;
                }
            }
        }
        // Each benefit's known and true words, then each household's row, written in order.
        let p = &self.program;
        self.outcomes.clear();
        self.outcomes.extend(p.roots.iter().map(|root| match root {
            Some(r) => {
                let reg = p.regs[*r as usize];
                (self.bits[reg.k(0)], self.bits[reg.v(0)], true)
            }
            None => (0, 0, false),
        }));
        for (lane, &row) in rows.iter().enumerate() {
            let Some(statuses) = out.get_mut(row..row + n) else {
                continue;
            };
            for (status, &(k, v, applicable)) in statuses.iter_mut().zip(&self.outcomes) {
                *status = match ((k >> lane) & 1, (v >> lane) & 1) {
                    _ if !applicable => Status::NotApplicable,
                    (0, _) => Status::Undetermined,
                    (_, 0) => Status::NotEligible,
                    _ => Status::Eligible,
                };
            }
        }
    }
}

impl<'c> DatedCatalogue<'c> {
    /// Working memory for [`DatedCatalogue::statuses_batch`], with the program compiled for
    /// this catalogue and date.
    pub fn batch_scratch(&self) -> BatchScratch<'c> {
        let mut scratch = BatchScratch::default();
        scratch.prepare(self);
        scratch
    }

    /// The status of every benefit for many households at once: row `h` of `out` (one
    /// [`Status`] per benefit, catalogue order) receives household `h`'s results. The same
    /// results as [`DatedCatalogue::statuses`] for each household, several times faster on
    /// complete households. The situations are first copied into columns (a
    /// [`HouseholdBatch`] kept in `scratch`); [`DatedCatalogue::statuses_households`] takes
    /// such columns directly. No allocation once `scratch` has served this catalogue and date
    /// and a batch this large (a scratch made for another catalogue or date is rebuilt once).
    /// Households beyond the rows of `out` are not evaluated.
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
    /// let households: Vec<Situation> = [r#"{"answers": {"age_demandeur": 19}}"#,
    ///     r#"{"answers": {"age_demandeur": 40}}"#, "{}"]
    ///     .iter()
    ///     .map(|j| Situation::from_json(&catalogue, j.as_bytes()).unwrap())
    ///     .collect();
    /// let mut scratch = at.batch_scratch();
    /// let mut out = vec![Status::Undetermined; households.len() * catalogue.catalogue().benefits.len()];
    /// at.statuses_batch(&households, &mut scratch, &mut out);
    /// assert_eq!(out, [Status::Eligible, Status::NotEligible, Status::Undetermined]);
    /// ```
    pub fn statuses_batch(
        &self,
        situations: &[Situation],
        scratch: &mut BatchScratch<'c>,
        out: &mut [Status],
    ) {
        let n = self.cat.benefits.len();
        if n == 0 {
            return;
        }
        scratch.prepare(self);
        let rows = situations.len().min(out.len() / n);
        let mut batch = scratch
            .households
            .take()
            .unwrap_or_else(|| HouseholdBatch::new(self.cat));
        batch.clear();
        for block in situations[..rows].chunks(LANES) {
            touch(block);
            block.iter().for_each(|s| batch.push(s));
        }
        self.statuses_households(&batch, scratch, out);
        scratch.households = Some(batch);
    }

    /// The status of every benefit for each household of `batch`: row `h` of `out` (one
    /// [`Status`] per benefit, catalogue order) receives the results of the `h`-th household
    /// pushed. The same results as [`DatedCatalogue::statuses`]; the fastest way to evaluate
    /// many households, as their answers are already in columns. `batch` must have been made
    /// for this catalogue. No allocation once `scratch` has served this catalogue and date;
    /// rows that do not fit in `out` are not written. Example: [`HouseholdBatch`].
    pub fn statuses_households(
        &self,
        batch: &HouseholdBatch,
        scratch: &mut BatchScratch<'c>,
        out: &mut [Status],
    ) {
        if self.cat.benefits.is_empty() {
            return;
        }
        scratch.prepare(self);
        // Chunks of LANES households, taken group after group (so, sorted by number of
        // members); a chunk holds at most one run of each group.
        let mut segments = [Segment::default(); MAX_MEMBERS + 1];
        let (mut count, mut filled) = (0, 0);
        for (group, g) in batch.groups.iter().enumerate() {
            let mut start = 0;
            while start < g.rows.len() {
                let len = (LANES - filled).min(g.rows.len() - start);
                segments[count] = Segment {
                    group,
                    start,
                    len,
                    lane: filled,
                };
                count += 1;
                filled += len;
                start += len;
                if filled == LANES {
                    scratch.chunk(self, batch, &segments[..count], out);
                    (count, filled) = (0, 0);
                }
            }
        }
        if filled > 0 {
            scratch.chunk(self, batch, &segments[..count], out);
        }
    }
}
