//! Bindings of the access-to-rights engine ([`ctg_core::rights`]): a catalogue, its
//! evaluation on a situation at a date, explanations, and a questionnaire session.

use crate::convert::{argument_text, date, into_error, to_js};
use crate::read;
use ctg_core::rights::{
    render_explanation, CompiledCatalogue, Explanation, QuestionRef, Session, Situation,
};
use ctg_core::validation::ValidationErrors;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A rights catalogue read, validated and compiled once.
///
/// The compiled catalogue lives as long as the page: questionnaires borrow it, so it is never
/// freed (load a catalogue once per page, not once per question).
#[wasm_bindgen(js_name = CtgCatalogue)]
pub struct CtgCatalogue {
    catalogue: &'static CompiledCatalogue,
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
            catalogue: Box::leak(Box::new(catalogue)),
        })
    }

    /// The embedded catalogue of the Civraisien en Poitou ([`ctg_core::civraisien::DROITS_JSON`]).
    #[wasm_bindgen(js_name = civraisien)]
    pub fn civraisien() -> Result<CtgCatalogue, JsValue> {
        CtgCatalogue::load(JsValue::from_str(ctg_core::civraisien::DROITS_JSON))
    }

    /// The catalogue as written, as a plain object.
    #[wasm_bindgen(js_name = data, unchecked_return_type = "CatalogueData")]
    pub fn data(&self) -> Result<JsValue, JsValue> {
        to_js(self.catalogue.catalogue())
    }

    /// The result of every benefit for a situation at a date (`"YYYY-MM-DD"`), in catalogue
    /// order ([`ctg_core::rights::DatedCatalogue::evaluate`]).
    #[wasm_bindgen(js_name = evaluate, unchecked_return_type = "BenefitResult[]")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | SituationData")] situation: JsValue,
        at: &str,
    ) -> Result<JsValue, JsValue> {
        let situation = self.situation(&situation)?;
        let at = date(at, "date")?;
        to_js(&self.catalogue.at(at).evaluate(&situation))
    }

    /// The explanation of every benefit's result ([`ctg_core::rights::DatedCatalogue::explain_all`]).
    #[wasm_bindgen(js_name = explain, unchecked_return_type = "Explanation[]")]
    pub fn explain(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | SituationData")] situation: JsValue,
        at: &str,
    ) -> Result<JsValue, JsValue> {
        let situation = self.situation(&situation)?;
        let at = date(at, "date")?;
        to_js(&self.catalogue.at(at).explain_all(&situation))
    }

    /// The next question to ask for a situation at a date, or `null` when no answer can change
    /// any result ([`ctg_core::rights::DatedCatalogue::next_question`]).
    #[wasm_bindgen(js_name = nextQuestion, unchecked_return_type = "QuestionRef | null")]
    pub fn next_question(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | SituationData")] situation: JsValue,
        at: &str,
    ) -> Result<JsValue, JsValue> {
        let situation = self.situation(&situation)?;
        let at = date(at, "date")?;
        match self.catalogue.at(at).next_question(&situation, &[]) {
            Some(question) => to_js(&question),
            None => Ok(JsValue::NULL),
        }
    }

    /// A questionnaire at a date, starting from an empty situation.
    #[wasm_bindgen(js_name = questionnaire)]
    pub fn questionnaire(&self, at: &str) -> Result<CtgQuestionnaire, JsValue> {
        let at = date(at, "date")?;
        Ok(CtgQuestionnaire {
            session: Session::new(self.catalogue.at(at)),
            catalogue: self.catalogue,
        })
    }
}

impl CtgCatalogue {
    /// Reads a situation exactly as the Rust API and the CLI do ([`Situation::from_json`]:
    /// a JSON object, checked against the catalogue), from JSON text or a plain object.
    fn situation(&self, input: &JsValue) -> Result<Situation, JsValue> {
        let text = argument_text(input, "situation")?;
        Situation::from_json(self.catalogue, text.as_bytes()).map_err(into_error)
    }
}

/// A question to ask, with what a form needs to show it.
#[derive(Serialize)]
struct QuestionView<'c> {
    /// The question and member.
    #[serde(rename = "ref")]
    reference: QuestionRef,
    /// The French text, with the member (`[enfant 2] …`).
    text: String,
    /// The type code (`oui_non`, `choix`, `entier`, `montant_mensuel`, `commune`…).
    #[serde(rename = "type")]
    kind: &'static str,
    /// The catalogue question, when it is one (labels, help, options, bounds).
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<&'c ctg_core::rights::Question>,
}

/// An answer given, for the summary.
#[derive(Serialize)]
struct AnswerView {
    #[serde(rename = "ref")]
    reference: QuestionRef,
    text: String,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// A questionnaire in progress ([`ctg_core::rights::Session`]): answers, changes, going back,
/// the next question, results and explanations. Everything stays in the page.
#[wasm_bindgen(js_name = CtgQuestionnaire)]
pub struct CtgQuestionnaire {
    session: Session<'static>,
    catalogue: &'static CompiledCatalogue,
}

#[wasm_bindgen(js_class = CtgQuestionnaire)]
impl CtgQuestionnaire {
    /// The next question, or `null` when no answer can change any result.
    #[wasm_bindgen(js_name = next, unchecked_return_type = "QuestionView | null")]
    pub fn next(&self) -> Result<JsValue, JsValue> {
        match self.session.next_question() {
            Some(reference) => to_js(&self.view(reference)),
            None => Ok(JsValue::NULL),
        }
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
        self.session
            .answer(&question, &value)
            .map_err(|error| into_error(ValidationErrors::from(error)))
    }

    /// Declines a question (« je ne sais pas »): it is not asked again.
    #[wasm_bindgen(js_name = decline)]
    pub fn decline(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "QuestionRef")] question: JsValue,
    ) -> Result<(), JsValue> {
        let question: QuestionRef = read(&question, "question")?;
        self.session.decline(&question);
        Ok(())
    }

    /// Takes back the last answer; returns its question (to ask again), or `null`.
    #[wasm_bindgen(js_name = back, unchecked_return_type = "QuestionRef | null")]
    pub fn back(&mut self) -> Result<JsValue, JsValue> {
        match self.session.back() {
            Some(question) => to_js(&question),
            None => Ok(JsValue::NULL),
        }
    }

    /// The questions answered, in order, with their text.
    #[wasm_bindgen(js_name = asked, unchecked_return_type = "AnswerView[]")]
    pub fn asked(&self) -> Result<JsValue, JsValue> {
        let views: Vec<AnswerView> = self
            .session
            .asked()
            .iter()
            .map(|reference| {
                let view = self.view(reference.clone());
                AnswerView {
                    reference: view.reference,
                    text: view.text,
                    kind: view.kind,
                }
            })
            .collect();
        to_js(&views)
    }

    /// The situation so far, as JSON input (the answers).
    #[wasm_bindgen(js_name = situation, unchecked_return_type = "SituationData")]
    pub fn situation(&self) -> Result<JsValue, JsValue> {
        to_js(&self.session.situation().to_input(self.catalogue))
    }

    /// The current result of every benefit, in catalogue order.
    #[wasm_bindgen(js_name = results, unchecked_return_type = "BenefitResult[]")]
    pub fn results(&self) -> Result<JsValue, JsValue> {
        to_js(&self.session.results())
    }

    /// The explanation of every benefit's current result.
    #[wasm_bindgen(js_name = explanations, unchecked_return_type = "Explanation[]")]
    pub fn explanations(&self) -> Result<JsValue, JsValue> {
        to_js(&self.session.dated().explain_all(self.session.situation()))
    }
}

impl CtgQuestionnaire {
    fn view(&self, reference: QuestionRef) -> QuestionView<'static> {
        let text = self
            .session
            .dated()
            .question_text(self.session.situation(), &reference);
        let kind = ctg_core::rights::next_question::question_type_code(
            self.catalogue,
            &reference.question,
        );
        let question = self.catalogue.question(&reference.question);
        QuestionView {
            reference,
            text,
            kind,
            question,
        }
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
