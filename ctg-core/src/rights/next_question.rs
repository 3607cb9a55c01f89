//! The next question to ask, and a questionnaire session (answers, changes, going back).
//!
//! Ranking (documented in `docs/rights-format.md`): among unanswered, not declined questions
//! that appear in the missing set of at least one undetermined benefit, the one appearing in the
//! most undetermined benefits; ties: higher `priority`, then built-in composition questions,
//! then the member age, then declaration order, then lower member index.

use super::catalogue::Question;
use super::compile::{CompiledCatalogue, AGE, NOMBRE_ADULTES, NOMBRE_ENFANTS};
use super::evaluate::{DatedCatalogue, MissingKey};
use super::situation::{QuestionRef, Situation};
use super::verdict::{BenefitResult, Status};
use crate::validation::ValidationError;
use serde::Serialize;

impl DatedCatalogue<'_> {
    /// The question that decides the most undetermined benefits, or `None` when nothing is left
    /// to ask. `declined` questions are never proposed. The first of
    /// [`ranked_questions`](DatedCatalogue::ranked_questions), found without sorting them all.
    pub fn next_question(
        &self,
        situation: &Situation,
        declined: &[QuestionRef],
    ) -> Option<QuestionRef> {
        let mut best: Option<((usize, i64, usize, u32), QuestionRef)> = None;
        for (key, count) in self.counted_questions(situation) {
            let rank = self.rank(key, count);
            if best.as_ref().is_some_and(|(b, _)| *b <= rank) {
                continue;
            }
            let question = self.question_ref(key);
            if !declined.contains(&question) && !situation.is_answered(self.cat, &question) {
                best = Some((rank, question));
            }
        }
        best.map(|(_, question)| question)
    }

    /// Every question that could still change a result, best first, with the number of
    /// undetermined benefits it may decide.
    pub fn ranked_questions(
        &self,
        situation: &Situation,
        declined: &[QuestionRef],
    ) -> Vec<(QuestionRef, usize)> {
        let mut list = self.counted_questions(situation);
        list.sort_unstable_by_key(|&(key, count)| self.rank(key, count));
        list.into_iter()
            .map(|(k, c)| (self.question_ref(k), c))
            .filter(|(q, _)| !declined.contains(q) && !situation.is_answered(self.cat, q))
            .collect()
    }

    /// Every question that could decide an undetermined benefit, in key order, with the number
    /// of undetermined benefits it may decide.
    fn counted_questions(&self, situation: &Situation) -> Vec<(u64, usize)> {
        let mut statuses = vec![Status::Undetermined; self.cat.benefits.len()];
        let mut scratch = self.scratch();
        self.statuses(situation, &mut scratch, &mut statuses);
        // Every benefit's keys (each once per benefit), then runs of equal keys counted.
        let mut keys = Vec::new();
        for (i, s) in statuses.iter().enumerate() {
            if *s == Status::Undetermined {
                keys.extend(self.missing_keys(situation, i));
            }
        }
        keys.sort_unstable();
        let mut counted: Vec<(u64, usize)> = Vec::new();
        for key in keys {
            match counted.last_mut() {
                Some((last, count)) if *last == key => *count += 1,
                _ => counted.push((key, 1)),
            }
        }
        counted
    }

    /// Where a question counted in `count` undetermined benefits comes in the ranking (smaller
    /// first): more benefits, then higher priority, then built-in composition questions, the
    /// member age, declaration order, and lower member index. Two questions never tie.
    fn rank(&self, key: u64, count: usize) -> (usize, i64, usize, u32) {
        let cat = self.cat;
        let question = |qi: usize| -> i64 { -i64::from(cat.source.questions[qi].priority) };
        let (priority, position, member) = match MissingKey::unpack(key) {
            MissingKey::Composition(w) => (0, w as usize, 0),
            MissingKey::Age(m) => (0, 2, m),
            MissingKey::Fact(slot) => {
                let qi = cat.foyer_facts[slot as usize].question;
                (question(qi), 3 + qi, 0)
            }
            MissingKey::MemberFact(m, slot) => {
                let qi = cat.member_facts[slot as usize].question;
                (question(qi), 3 + qi, m)
            }
        };
        (usize::MAX - count, priority, position, member)
    }
}

/// A question to ask (or answered), with what a form needs to show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionView<'c> {
    /// The question and member.
    #[serde(rename = "ref")]
    pub reference: QuestionRef,
    /// The French text, with the member (`[enfant 2] …`, see
    /// [`DatedCatalogue::question_text`]).
    pub text: String,
    /// The type code (`oui_non`, `choix`, `entier`, `montant_mensuel`, `commune`…, see
    /// [`question_type_code`]).
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The catalogue question, when it is one (labels, help, options, bounds); `None` for the
    /// built-in questions, and in the list of answers ([`Session::asked_views`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<&'c Question>,
}

impl<'c> DatedCatalogue<'c> {
    /// A question with its text for this situation, its type and its catalogue entry.
    pub fn question_view(&self, situation: &Situation, reference: QuestionRef) -> QuestionView<'c> {
        QuestionView {
            text: self.question_text(situation, &reference),
            kind: question_type_code(self.cat, &reference.question),
            question: self.cat.question(&reference.question),
            reference,
        }
    }
}

/// A questionnaire in progress: the situation, the answers in the order given, and the
/// questions declined.
#[derive(Debug, Clone)]
pub struct Session<'c> {
    dated: DatedCatalogue<'c>,
    situation: Situation,
    asked: Vec<QuestionRef>,
    declined: Vec<QuestionRef>,
}

/// A [`Session`] set aside without its catalogue ([`Session::suspend`]).
#[derive(Debug, Clone)]
pub struct SessionState {
    situation: Situation,
    asked: Vec<QuestionRef>,
    declined: Vec<QuestionRef>,
}

impl<'c> Session<'c> {
    /// A new session on an empty situation at the evaluation date of `dated`.
    ///
    /// ```
    /// # let json = r#"{"format": "ctg-droits/1", "id": "demo", "title": "Démo",
    /// #   "questions": [{"id": "age_demandeur", "label": "Votre âge ?", "type": "entier"}],
    /// #   "benefits": [{"id": "aide_jeunes", "name": "Aide jeunes", "institution": "commune",
    /// #     "category": "jeunesse", "summary": "Pour les moins de 26 ans.",
    /// #     "condition": {"<": [{"fact": "age_demandeur"}, 26]}}]}"#;
    /// use ctg_core::rights::{CompiledCatalogue, Session, Status};
    /// let catalogue = CompiledCatalogue::from_json(json.as_bytes()).unwrap();
    /// let mut session = Session::new(catalogue.at(chrono::NaiveDate::from_ymd_opt(2025, 9, 1).unwrap()));
    /// let q = session.next_question().unwrap();
    /// assert_eq!(q.question, "age_demandeur");
    /// session.answer(&q, &serde_json::json!(30)).unwrap();
    /// assert_eq!(session.results()[0].status, Status::NotEligible);
    /// assert!(session.next_question().is_none());
    /// ```
    pub fn new(dated: DatedCatalogue<'c>) -> Session<'c> {
        let situation = Situation::empty(dated.catalogue());
        Session::with_situation(dated, situation)
    }

    /// A session starting from a situation (answers already given are not asked).
    pub fn with_situation(dated: DatedCatalogue<'c>, situation: Situation) -> Session<'c> {
        Session {
            dated,
            situation,
            asked: Vec::new(),
            declined: Vec::new(),
        }
    }

    /// Sets the session aside without its catalogue: what it remembers (situation, answers in
    /// order, questions declined), to [`resume`](Session::resume) later on the same catalogue
    /// and date. A holder that cannot keep a borrow (a JavaScript object) keeps this instead.
    pub fn suspend(self) -> SessionState {
        SessionState {
            situation: self.situation,
            asked: self.asked,
            declined: self.declined,
        }
    }

    /// Takes up a session set aside by [`suspend`](Session::suspend), on the catalogue and at
    /// the date it was started with.
    pub fn resume(dated: DatedCatalogue<'c>, state: SessionState) -> Session<'c> {
        Session {
            dated,
            situation: state.situation,
            asked: state.asked,
            declined: state.declined,
        }
    }

    /// The catalogue at the session's date.
    pub fn dated(&self) -> &DatedCatalogue<'c> {
        &self.dated
    }

    /// The situation so far.
    pub fn situation(&self) -> &Situation {
        &self.situation
    }

    /// The questions answered in this session, in order.
    pub fn asked(&self) -> &[QuestionRef] {
        &self.asked
    }

    /// The next question, or `None` when no answer can change any result.
    pub fn next_question(&self) -> Option<QuestionRef> {
        self.dated.next_question(&self.situation, &self.declined)
    }

    /// The next question with what a form needs to show it
    /// ([`DatedCatalogue::question_view`]), or `None` when no answer can change any result.
    pub fn next_view(&self) -> Option<QuestionView<'c>> {
        let reference = self.next_question()?;
        Some(self.dated.question_view(&self.situation, reference))
    }

    /// The questions answered, in order, each with its text and type (without its catalogue
    /// entry).
    pub fn asked_views(&self) -> Vec<QuestionView<'c>> {
        self.asked
            .iter()
            .map(|reference| QuestionView {
                question: None,
                ..self.dated.question_view(&self.situation, reference.clone())
            })
            .collect()
    }

    /// The current results.
    pub fn results(&self) -> Vec<BenefitResult> {
        self.dated.evaluate(&self.situation)
    }

    /// Answers (or changes the answer to) a question; the plan of questions follows.
    pub fn answer(
        &mut self,
        question: &QuestionRef,
        value: &serde_json::Value,
    ) -> Result<(), ValidationError> {
        self.situation
            .set(self.dated.catalogue(), question, value)?;
        forget(&mut self.asked, &|q| q == question);
        forget(&mut self.declined, &|q| q == question);
        if !value.is_null() {
            self.asked.push(question.clone());
        }
        self.forget_vanished();
        Ok(())
    }

    /// Declines a question (« je ne sais pas »): it will not be asked again.
    pub fn decline(&mut self, question: &QuestionRef) {
        if !self.declined.contains(question) {
            self.declined.push(question.clone());
        }
    }

    /// Takes back the last answer; returns the question, to be asked again.
    pub fn back(&mut self) -> Option<QuestionRef> {
        let last = self.asked.pop()?;
        // Clearing an answer that exists cannot fail.
        let _ = self
            .situation
            .set(self.dated.catalogue(), &last, &serde_json::Value::Null);
        self.forget_vanished();
        Some(last)
    }

    /// Drops from the history answers about members that no longer exist (after the number of
    /// adults or children was lowered).
    fn forget_vanished(&mut self) {
        let n = self.situation.member_count();
        let vanished = |q: &QuestionRef| q.member.is_some_and(|m| m >= n);
        forget(&mut self.asked, &vanished);
        forget(&mut self.declined, &vanished);
    }
}

/// Removes from `list` the questions that `forget` says (one copy of `retain` for every use).
fn forget(list: &mut Vec<QuestionRef>, forget: &dyn Fn(&QuestionRef) -> bool) {
    list.retain(|q| !forget(q));
}

/// Whether `id` names a built-in question.
pub fn is_builtin_question(id: &str) -> bool {
    [NOMBRE_ADULTES, NOMBRE_ENFANTS, AGE].contains(&id)
}

/// The type of a question for prompting: a catalogue question's type code, or `entier` for the
/// built-in ones.
pub fn question_type_code(catalogue: &CompiledCatalogue, id: &str) -> &'static str {
    catalogue
        .question(id)
        .map(|q| q.kind.code())
        .unwrap_or("entier")
}
