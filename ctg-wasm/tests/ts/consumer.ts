// A TypeScript consumer of the widget package (target/web/ctg, built by scripts/build-web.sh):
// `tsc -p ctg-wasm/tests/ts` (no emit, strict) checks that the declarations — ctg-widget.d.ts,
// pkg/ctg_wasm.d.ts (wasm-bindgen) and ctg-types.d.ts — are complete and usable. It uses every
// exported function, class and method, and names every exported type (the list at the end;
// ctg-wasm/tests/web/typescript.test.mjs checks that none is missing). Never run, only checked.
import init, {
  initSync,
  CtgCatalogue,
  CtgPlan,
  CtgQuestionnaire,
  renderExplanation,
  version,
  vocabularyLabels,
  type InitInput,
  type InitOutput,
  type SyncInitInput,
} from 'ctg/pkg/ctg_wasm.js';
import type * as T from 'ctg/ctg-types';
import {
  civraisien,
  core,
  CtgElement,
  CtgPlanElement,
  CtgDroitsElement,
  type CtgAnswerDetail,
  type CtgErrorDetail,
  type CtgEventMap,
  type CtgNodeKind,
  type CtgReadyDetail,
  type CtgResultDetail,
  type CtgSelectDetail,
  type SourceError,
} from 'ctg/ctg-widget.js';

// ——— the bindings ———

export async function bindings(wasm: InitInput, bytes: SyncInitInput): Promise<string> {
  const output: InitOutput = await init({ module_or_path: wasm });
  initSync({ module: bytes });
  void output.memory;
  return version();
}

export function plans(text: string): T.NodeSummary[] {
  const plan: CtgPlan = CtgPlan.load(text);
  const again: CtgPlan = CtgPlan.load(plan.data());
  const data: T.PlanData = again.data();
  const title: string = data.title;
  const nodes: T.NodeSummary[] = plan.walk();
  const level: T.NodeLevel = nodes[0].level;
  const found: T.FoundNode | null = plan.find(nodes[0].id);
  const ancestors: T.NodeSummary[] | null = plan.ancestors(nodes[0].id);
  const filter: T.PlanFilter = { theme: 'petite_enfance', public: 'familles', status: 'engagee', text: title };
  const filtered: T.NodeSummary[] = plan.filter(filter);
  const searched: T.NodeSummary[] = plan.search('mobilité');
  const evaluation: T.Evaluation = plan.evaluate('2024-06-30');
  const first: T.NodeEvaluation | undefined = evaluation.nodes[0];
  const indicator: T.IndicatorEvaluation | undefined = evaluation.indicators[0];
  const labels: T.VocabularyLabels = vocabularyLabels('en');
  const theme: string | undefined = labels.theme['petite_enfance'];
  void [level, found, ancestors, filtered, first, indicator, theme];
  plan.free();
  again.free();
  using embedded = CtgPlan.load(text);
  return [...searched, ...embedded.walk()];
}

export function rights(text: string, situation: T.SituationData): T.BenefitResult[] {
  const catalogue: CtgCatalogue = CtgCatalogue.load(text);
  const data: T.CatalogueData = catalogue.data();
  const copy = CtgCatalogue.load(data);
  copy.free();
  const results: T.BenefitResult[] = catalogue.evaluate(situation, '2024-06-30');
  const status: T.BenefitStatus = results[0].status;
  const explanations: T.Explanation[] = catalogue.explain(JSON.stringify(situation), '2024-06-30');
  const lines: string[] = renderExplanation(explanations[0]);
  const next: T.QuestionRef | null = catalogue.nextQuestion(situation, '2024-06-30');
  const session: CtgQuestionnaire = catalogue.questionnaire('2024-06-30');
  const question: T.QuestionView | null = session.next();
  if (question) {
    session.answer(question.ref, 2);
    session.decline(question.ref);
  }
  const back: T.QuestionRef | null = session.back();
  const asked: T.AnswerView[] = session.asked();
  const answers: T.SituationData = session.situation();
  const now: T.BenefitResult[] = session.results();
  const why: T.Explanation[] = session.explanations();
  void [status, lines, next, back, asked, answers, now, why];
  session[Symbol.dispose]();
  catalogue.free();
  using embedded = CtgCatalogue.load(text);
  return embedded.evaluate(situation, '2024-06-30');
}

export function errors(call: () => unknown): string[] {
  try {
    call();
    return [];
  } catch (e) {
    const error = e as T.CtgError;
    const line: number | undefined = error.line;
    void line;
    return error.errors.map((problem) => `${problem.kind} ${problem.path} : ${problem.message}`);
  }
}

// ——— the elements ———

export async function elements(): Promise<void> {
  const ctg = await core();
  ctg.version();
  const civraisienPlan: T.PlanData = ctg.CtgPlan.load(await civraisien('plan')).data();
  void civraisienPlan;
  const plan: CtgPlanElement = document.createElement('ctg-plan');
  plan.data = '{"format": "ctg-plan/1"}';
  plan.data = null;
  const data: T.PlanData | null = plan.plan;
  if (data) plan.data = data;
  plan.select(plan.selected ?? 'axe-1');
  const droits: CtgDroitsElement = document.querySelector('ctg-droits') ?? new CtgDroitsElement();
  droits.restart();
  const planOfDroits: T.PlanData | string | null | undefined = droits.planData;
  droits.planData = planOfDroits ?? '{}';
  const results: T.BenefitResult[] | null = droits.results;
  const situation: T.SituationData | null = droits.situation;
  const base: CtgElement = droits;
  const error: T.CtgError | SourceError | null = base.error;
  if (error && 'status' in error) console.log((error as SourceError).status);
  void [results, situation];

  plan.addEventListener('ctg-ready', (event) => {
    const detail: CtgReadyDetail = event.detail;
    console.log(detail.plan?.title, detail.catalogue?.title);
  });
  plan.addEventListener('ctg-error', (event) => {
    const detail: CtgErrorDetail = event.detail;
    console.error(detail.error.errors.map((e) => e.path));
  });
  plan.addEventListener('ctg-select', (event) => {
    const detail: CtgSelectDetail = event.detail;
    const kind: CtgNodeKind = detail.kind;
    console.log(kind, detail.node.title, detail.evaluation?.status);
  });
  droits.addEventListener('ctg-answer', (event) => {
    const detail: CtgAnswerDetail = event.detail;
    console.log(detail.question.question, detail.value);
  });
  droits.addEventListener('ctg-result', (event) => {
    const detail: CtgResultDetail = event.detail;
    console.log(detail.results.length, detail.situation.answers);
  });
  const map: keyof CtgEventMap = 'ctg-result';
  void map;
}

// ——— every data type of ctg-types.d.ts, by name ———

export type AllTypes = [
  T.PlanData,
  T.Action,
  T.ActionProgress,
  T.ActionStatus,
  T.Axis,
  T.BudgetLine,
  T.Commune,
  T.Contact,
  T.DatedValue,
  T.Diagnostic,
  T.Direction,
  T.Due,
  T.Epci,
  T.EvaluationRules,
  T.Finding,
  T.Indicator,
  T.IndicatorKind,
  T.Measurement,
  T.Milestone,
  T.MissingData,
  T.Partner,
  T.PartnerKind,
  T.Period,
  T.PlanKind,
  T.Pole,
  T.Public,
  T.Range,
  T.ReferenceLevel,
  T.ReferenceValue,
  T.Role,
  T.RulesOverride,
  T.Signature,
  T.Source,
  T.SpecificObjective,
  T.Status,
  T.StatusBand,
  T.StatusOverride,
  T.StrategicObjective,
  T.TerritorialIndicator,
  T.Territory,
  T.Theme,
  T.CatalogueData,
  T.RightsBenefit,
  T.RightsBenefitKind,
  T.RightsCatalogueSource,
  T.RightsCategory,
  T.RightsChoice,
  T.RightsContact,
  T.RightsDerived,
  T.RightsHowToApply,
  T.RightsInstitution,
  T.RightsInstitutionWhen,
  T.RightsParameter,
  T.RightsParameterValue,
  T.RightsPlace,
  T.RightsPlaceKind,
  T.RightsQuestion,
  T.RightsQuestionType,
  T.RightsRule,
  T.RightsScope,
  T.RightsTheme,
  T.RightsUnit,
  T.CtgError,
  T.NodeLevel,
  T.NodeSummary,
  T.FoundNode,
  T.PlanFilter,
  T.VocabularyLabels,
  T.EvaluationLevel,
  T.Contribution,
  T.NodeEvaluation,
  T.IndicatorEvaluation,
  T.Evaluation,
  T.SituationData,
  T.QuestionRef,
  T.BenefitStatus,
  T.BenefitResult,
  T.ExplanationNode,
  T.Explanation,
  T.QuestionView,
  T.AnswerView
];
