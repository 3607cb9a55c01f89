//! Many households stored as columns, the input of the vectorized evaluation
//! ([`DatedCatalogue::statuses_households`](super::DatedCatalogue::statuses_households)).
//!
//! A [`Situation`] is a few heap blocks per household; reading the answers of 64 of them lane
//! by lane waits on memory. A [`HouseholdBatch`] keeps every answer in a column of `f64` (one
//! value per household, `NaN` when the answer is not known: answers are finite numbers) and
//! groups the households by number of members, so that the households evaluated together have
//! the same number of members and their answers are read by copying runs of consecutive
//! values. It remembers the order in which households were added: results come back in it.

use super::compile::{CompiledCatalogue, MAX_MEMBERS, V};
use super::expr::MemberRole;
use super::situation::{AgeSpec, Situation};

/// The value stored for an unknown answer.
pub(crate) const UNKNOWN: f64 = f64::NAN;

/// The number stored for a value: yes/no as 1/0, codes as their number, `NaN` when unknown.
pub(crate) fn number(v: V) -> f64 {
    match v {
        V::Unknown => UNKNOWN,
        V::Bool(b) => f64::from(u8::from(b)),
        V::Num(x) => x,
        V::Code(c) => f64::from(c),
    }
}

/// A birth date as one number, `yyyymmdd`.
pub(crate) fn birth_number(y: i32, m: u32, d: u32) -> f64 {
    f64::from(y) * 10_000.0 + f64::from(m * 100 + d)
}

/// The households that have one number of members.
#[derive(Debug, Clone, Default)]
pub(crate) struct Group {
    /// The position of each household in the batch (its row in the results).
    pub rows: Vec<u32>,
    /// Household columns: one per household question slot, then the numbers of adults and of
    /// children.
    pub facts: Vec<Vec<f64>>,
    /// Member columns, [`MEMBER_EXTRA`] + one per member question slot for each member in
    /// order: the role (0 adult, 1 child), the age in years, the birth date (`yyyymmdd`), then
    /// the answers.
    pub members: Vec<Vec<f64>>,
    /// Whether a member's age is given by a birth date (computed at the evaluation date).
    pub births: bool,
}

/// Columns per member before the answers: role, age, birth date.
pub(crate) const MEMBER_EXTRA: usize = 3;

/// Many households as columns, grouped by number of members (see the module documentation).
/// Filled with [`HouseholdBatch::push`]; [`HouseholdBatch::clear`] empties it and keeps its
/// memory, so that a batch reused for chunk after chunk allocates no more once it has held
/// its largest chunk.
///
/// ```
/// # let json = r#"{"format": "ctg-droits/1", "id": "demo", "title": "Démo",
/// #   "questions": [{"id": "age_demandeur", "label": "Votre âge ?", "type": "entier"}],
/// #   "benefits": [{"id": "aide_jeunes", "name": "Aide jeunes", "institution": "commune",
/// #     "category": "jeunesse", "summary": "Pour les moins de 26 ans.",
/// #     "condition": {"<": [{"fact": "age_demandeur"}, 26]}}]}"#;
/// use ctg_core::rights::{CompiledCatalogue, HouseholdBatch, Situation, Status};
/// let catalogue = CompiledCatalogue::from_json(json.as_bytes()).unwrap();
/// let mut batch = HouseholdBatch::new(&catalogue);
/// for answers in [r#"{"answers": {"age_demandeur": 19}}"#, r#"{"answers": {"age_demandeur": 40}}"#, "{}"] {
///     batch.push(&Situation::from_json(&catalogue, answers.as_bytes()).unwrap());
/// }
/// let at = catalogue.at(chrono::NaiveDate::from_ymd_opt(2025, 9, 1).unwrap());
/// let mut scratch = at.batch_scratch();
/// let mut out = vec![Status::Undetermined; batch.len() * catalogue.catalogue().benefits.len()];
/// at.statuses_households(&batch, &mut scratch, &mut out);
/// assert_eq!(out, [Status::Eligible, Status::NotEligible, Status::Undetermined]);
/// ```
#[derive(Debug, Clone)]
pub struct HouseholdBatch {
    pub(crate) foyer_slots: usize,
    pub(crate) member_slots: usize,
    /// Group `k`: the households with `k` members (at most [`MAX_MEMBERS`] are kept).
    pub(crate) groups: Vec<Group>,
    len: usize,
}

impl HouseholdBatch {
    /// An empty batch for the situations of `catalogue`.
    pub fn new(catalogue: &CompiledCatalogue) -> HouseholdBatch {
        HouseholdBatch {
            foyer_slots: catalogue.foyer_facts.len(),
            member_slots: catalogue.member_facts.len(),
            groups: vec![Group::default(); MAX_MEMBERS + 1],
            len: 0,
        }
    }

    /// The number of households.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the batch has no household.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Removes every household, keeping the memory.
    pub fn clear(&mut self) {
        for g in &mut self.groups {
            g.rows.clear();
            g.facts.iter_mut().for_each(Vec::clear);
            g.members.iter_mut().for_each(Vec::clear);
            g.births = false;
        }
        self.len = 0;
    }

    /// Adds a household (a situation of the catalogue the batch was made for) after the others.
    /// Members beyond [`MAX_MEMBERS`] are ignored, as in the evaluation of one situation.
    pub fn push(&mut self, situation: &Situation) {
        let members = &situation.members[..situation.members.len().min(MAX_MEMBERS)];
        let (foyer_slots, member_slots) = (self.foyer_slots, self.member_slots);
        let g = &mut self.groups[members.len()];
        g.rows.push(self.len as u32);
        self.len += 1;
        g.facts.resize_with(foyer_slots + 2, Vec::new);
        for (slot, column) in g.facts[..foyer_slots].iter_mut().enumerate() {
            column.push(number(
                situation.facts.get(slot).copied().unwrap_or(V::Unknown),
            ));
        }
        let count = |c: Option<u32>| c.map_or(UNKNOWN, f64::from);
        g.facts[foyer_slots].push(count(situation.adults));
        g.facts[foyer_slots + 1].push(count(situation.children));
        let width = MEMBER_EXTRA + member_slots;
        g.members.resize_with(width * members.len(), Vec::new);
        for (member, columns) in members.iter().zip(g.members.chunks_mut(width)) {
            let (age, birth) = match member.age {
                AgeSpec::Unknown => (UNKNOWN, UNKNOWN),
                AgeSpec::Years(a) => (f64::from(a), UNKNOWN),
                AgeSpec::Birth(y, m, d) => {
                    g.births = true;
                    (UNKNOWN, birth_number(y, m, d))
                }
            };
            let role = match member.role {
                MemberRole::Adulte => 0.0,
                MemberRole::Enfant => 1.0,
            };
            columns[0].push(role);
            columns[1].push(age);
            columns[2].push(birth);
            for (slot, column) in columns[MEMBER_EXTRA..].iter_mut().enumerate() {
                column.push(number(
                    member.facts.get(slot).copied().unwrap_or(V::Unknown),
                ));
            }
        }
    }
}
