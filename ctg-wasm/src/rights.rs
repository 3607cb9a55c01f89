//! Bindings of the access-to-rights engine ([`ctg_core::rights`]): a catalogue, its
//! evaluation on a situation at a date, explanations, and a questionnaire session.

use crate::convert::{argument_text, date, into_error, to_js, Document};
use crate::read;
use chrono::NaiveDate;
use ctg_core::rights::{
    render_explanation, CompiledCatalogue, DatedCatalogue, Explanation, QuestionRef, Session,
    SessionState, Situation,
};
use ctg_core::validation::ValidationErrors;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// A rights catalogue read, validated and compiled once; shared with the questionnaires
/// started from it, and freed with the last of them.
#[wasm_bindgen(js_name = CtgCatalogue)]
pub struct CtgCatalogue {
    catalogue: Rc<CompiledCatalogue>,
    /// The document as the host gave it, which `data()` hands back (see `CtgPlan`).
    document: Document,
}

#[wasm_bindgen(js_class = CtgCatalogue)]
impl CtgCatalogue {
    /// Reads, validates and compiles a catalogue given as JSON text or as a plain object
    /// ([`CompiledCatalogue::from_json`]). Throws a `CtgError` listing every problem.
    #[wasm_bindgen(js_name = load)]
    pub fn load(
        #[wasm_bindgen(unchecked_param_type = "string | CatalogueData")] input: JsValue,
    ) -> Result<CtgCatalogue, JsValue> {
        let text = argument_text(&input, "$")?;
        let catalogue = CompiledCatalogue::from_json(text.as_bytes()).map_err(into_error)?;
        Ok(CtgCatalogue {
            catalogue: Rc::new(catalogue),
            document: Document::new(text),
        })
    }

    /// The catalogue as a plain object, as it was given (it is valid).
    #[wasm_bindgen(js_name = data, unchecked_return_type = "CatalogueData")]
    pub fn data(&self) -> Result<JsValue, JsValue> {
        self.document.parse("")
    }

    /// The result of every benefit for a situation at a date (`"YYYY-MM-DD"`), in catalogue
    /// order ([`ctg_core::rights::DatedCatalogue::evaluate`]).
    #[wasm_bindgen(js_name = evaluate, unchecked_return_type = "BenefitResult[]")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | SituationData")] situation: JsValue,
        at: &str,
    ) -> Result<JsValue, JsValue> {
        let (dated, situation) = self.dated(&situation, at)?;
        to_js(&dated.evaluate(&situation))
    }

    /// The explanation of every benefit's result ([`ctg_core::rights::DatedCatalogue::explain_all`]).
    #[wasm_bindgen(js_name = explain, unchecked_return_type = "Explanation[]")]
    pub fn explain(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | SituationData")] situation: JsValue,
        at: &str,
    ) -> Result<JsValue, JsValue> {
        let (dated, situation) = self.dated(&situation, at)?;
        to_js(&dated.explain_all(&situation))
    }

    /// The next question to ask for a situation at a date, or `null` when no answer can change
    /// any result ([`ctg_core::rights::DatedCatalogue::next_question`]).
    #[wasm_bindgen(js_name = nextQuestion, unchecked_return_type = "QuestionRef | null")]
    pub fn next_question(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | SituationData")] situation: JsValue,
        at: &str,
    ) -> Result<JsValue, JsValue> {
        let (dated, situation) = self.dated(&situation, at)?;
        to_js(&dated.next_question(&situation, &[]))
    }

    /// A questionnaire at a date, starting from an empty situation.
    #[wasm_bindgen(js_name = questionnaire)]
    pub fn questionnaire(&self, at: &str) -> Result<CtgQuestionnaire, JsValue> {
        let at = date(at, "date")?;
        Ok(CtgQuestionnaire {
            state: Some(Session::new(self.catalogue.at(at)).suspend()),
            catalogue: Rc::clone(&self.catalogue),
            at,
        })
    }
}

impl CtgCatalogue {
    /// Reads a situation exactly as the Rust API and the CLI do ([`Situation::from_json`]:
    /// a JSON object, checked against the catalogue), from JSON text or a plain object.
    ///
    /// With the catalogue at the date `at` (`"YYYY-MM-DD"`), what every per-situation call needs.
    fn dated(&self, input: &JsValue, at: &str) -> Result<(DatedCatalogue<'_>, Situation), JsValue> {
        let text = argument_text(input, "situation")?;
        let situation =
            Situation::from_json(&self.catalogue, text.as_bytes()).map_err(into_error)?;
        Ok((self.catalogue.at(date(at, "date")?), situation))
    }
}

/// A questionnaire in progress ([`ctg_core::rights::Session`]): answers, changes, going back,
/// the next question, results and explanations. Everything stays in the page.
///
/// It keeps the session set aside ([`SessionState`]) with its catalogue and date, and takes
/// it up for each call.
#[wasm_bindgen(js_name = CtgQuestionnaire)]
pub struct CtgQuestionnaire {
    catalogue: Rc<CompiledCatalogue>,
    at: NaiveDate,
    /// Always `Some` between calls.
    state: Option<SessionState>,
}

#[wasm_bindgen(js_class = CtgQuestionnaire)]
impl CtgQuestionnaire {
    /// The next question, or `null` when no answer can change any result.
    #[wasm_bindgen(js_name = next, unchecked_return_type = "QuestionView | null")]
    pub fn next_question(&mut self) -> Result<JsValue, JsValue> {
        self.with(&mut |session| to_js(&session.next_view()))
    }

    /// Answers (or, with `null`, clears) a question. Throws a `CtgError` when the answer does
    /// not fit the question (type, bounds, unknown option), leaving the session unchanged.
    #[wasm_bindgen(js_name = answer)]
    pub fn answer(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "QuestionRef")] question: JsValue,
        #[wasm_bindgen(unchecked_param_type = "boolean | number | string | null")] value: JsValue,
    ) -> Result<(), JsValue> {
        let question: QuestionRef = read(&question, "question")?;
        // The value itself (a string is an answer, not JSON text).
        let value: serde_json::Value = if value.is_undefined() || value.is_null() {
            serde_json::Value::Null
        } else {
            let text = js_sys::JSON::stringify(&value)
                .ok()
                .and_then(|text| text.as_string())
                .ok_or_else(|| crate::argument_error("value", "réponse impossible à lire"))?;
            read(&JsValue::from_str(&text), "value")?
        };
        self.with(&mut |session| {
            session
                .answer(&question, &value)
                .map(|()| JsValue::UNDEFINED)
                .map_err(|error| into_error(ValidationErrors::from(error)))
        })
        .map(drop)
    }

    /// Declines a question (« je ne sais pas »): it is not asked again.
    #[wasm_bindgen(js_name = decline)]
    pub fn decline(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "QuestionRef")] question: JsValue,
    ) -> Result<(), JsValue> {
        let question: QuestionRef = read(&question, "question")?;
        self.with(&mut |session| {
            session.decline(&question);
            Ok(JsValue::UNDEFINED)
        })
        .map(drop)
    }

    /// Takes back the last answer; returns its question (to ask again), or `null`.
    #[wasm_bindgen(js_name = back, unchecked_return_type = "QuestionRef | null")]
    pub fn back(&mut self) -> Result<JsValue, JsValue> {
        self.with(&mut |session| to_js(&session.back()))
    }

    /// The questions answered, in order, with their text.
    #[wasm_bindgen(js_name = asked, unchecked_return_type = "AnswerView[]")]
    pub fn asked(&mut self) -> Result<JsValue, JsValue> {
        self.with(&mut |session| to_js(&session.asked_views()))
    }

    /// The situation so far, as JSON input (the answers).
    #[wasm_bindgen(js_name = situation, unchecked_return_type = "SituationData")]
    pub fn situation(&mut self) -> Result<JsValue, JsValue> {
        self.with(&mut |session| to_js(&session.situation().to_input(session.dated().catalogue())))
    }

    /// The current result of every benefit, in catalogue order.
    #[wasm_bindgen(js_name = results, unchecked_return_type = "BenefitResult[]")]
    pub fn results(&mut self) -> Result<JsValue, JsValue> {
        self.with(&mut |session| to_js(&session.results()))
    }

    /// The explanation of every benefit's current result.
    #[wasm_bindgen(js_name = explanations, unchecked_return_type = "Explanation[]")]
    pub fn explanations(&mut self) -> Result<JsValue, JsValue> {
        self.with(&mut |session| to_js(&session.dated().explain_all(session.situation())))
    }
}

impl CtgQuestionnaire {
    /// Takes up the session on the catalogue at its date, runs `f`, and sets it aside again.
    /// Not generic: one copy of taking up and setting aside for every method.
    fn with(
        &mut self,
        f: &mut dyn FnMut(&mut Session<'_>) -> Result<JsValue, JsValue>,
    ) -> Result<JsValue, JsValue> {
        let catalogue = Rc::clone(&self.catalogue);
        let dated = catalogue.at(self.at);
        let mut session = match self.state.take() {
            Some(state) => Session::resume(dated, state),
            None => Session::new(dated),
        };
        let result = f(&mut session);
        self.state = Some(session.suspend());
        result
    }
}

/// An explanation as plain French lines, as the CLI prints it
/// ([`ctg_core::rights::render_explanation`]).
#[wasm_bindgen(js_name = renderExplanation, unchecked_return_type = "string[]")]
pub fn render(
    #[wasm_bindgen(unchecked_param_type = "Explanation")] explanation: JsValue,
) -> Result<JsValue, JsValue> {
    let explanation: Explanation = read(&explanation, "explanation")?;
    to_js(&render_explanation(&explanation))
}
