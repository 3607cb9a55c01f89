// ——— results and arguments (hand-written; the Node tests check their keys) ———

/** Every failure of the JS API: an `Error` whose message is the first problem's. */
export interface CtgError extends Error {
  /** The kind of the first problem (`syntax`, `structure`, `duplicate_id`…). */
  kind: string;
  /** Its JSON path (`$.axes[0].title`), or the argument's name. */
  path: string;
  /** Line and column in the text, for syntax and structure problems. */
  line?: number;
  column?: number;
  /** Every problem, as the CLI prints them. */
  errors: Array<{ kind: string; path: string; message: string; line?: number; column?: number }>;
}

/** The level of a node of the tree. */
export type NodeLevel = 'axis' | 'strategic_objective' | 'specific_objective' | 'action';

/** A node of the tree, as walk, filter, search and ancestors list it. */
export interface NodeSummary {
  id: string;
  level: NodeLevel;
  /** 0 for axes, 3 for actions. */
  depth: number;
  title: string;
}

/** A node found by id, with its data as in the plan file. */
export interface FoundNode {
  id: string;
  level: NodeLevel;
  node: Axis | StrategicObjective | SpecificObjective | Action;
}

/** The criteria of `CtgPlan.filter`; every one is optional, the given ones must all hold. */
export interface PlanFilter {
  /** A partner id: actions it leads, takes part in or funds. */
  partner?: string;
  public?: Public;
  /** An INSEE code. */
  commune?: string;
  /** A pole id. */
  pole?: string;
  theme?: Theme;
  /** An action status. */
  status?: ActionStatus;
  /** Text, compared ignoring case, accents and ligatures. */
  text?: string;
}

/** The labels of every closed vocabulary, by vocabulary then code. */
export interface VocabularyLabels {
  theme: Record<string, string>;
  public: Record<string, string>;
  status: Record<string, string>;
  action_status: Record<string, string>;
  role: Record<string, string>;
  partner_kind: Record<string, string>;
  indicator_kind: Record<string, string>;
  direction: Record<string, string>;
  reference_level: Record<string, string>;
  plan_kind: Record<string, string>;
}

/** The level of a node in an evaluation. */
export type EvaluationLevel = 'plan' | 'axe' | 'objectif_strategique' | 'objectif_specifique' | 'action' | 'indicateur';

/** What one child brings to its parent's figure. */
export interface Contribution {
  id: string;
  kind: EvaluationLevel;
  weight: number;
  progress: number | null;
  expected: number | null;
  included: boolean;
  reason?: string;
}

/** The evaluation of a node (or of the plan). */
export interface NodeEvaluation {
  id: string;
  title: string;
  level: EvaluationLevel;
  parent?: string;
  weight: number;
  /** In [0, 1]. */
  progress: number | null;
  expected: number | null;
  status: Status | null;
  computed_status: Status | null;
  status_override?: StatusOverride;
  action_status?: ActionStatus;
  contributions: Contribution[];
  warnings?: string[];
}

/** The evaluation of an indicator. */
export interface IndicatorEvaluation {
  id: string;
  label: string;
  unit: string;
  kind: IndicatorKind;
  direction: Direction;
  node: string;
  illustrative: boolean;
  weight: number;
  baseline?: DatedValue;
  target?: DatedValue;
  range?: [number, number];
  intermediate_targets?: DatedValue[];
  actual: number | null;
  last_measurement: string | null;
  progress: number | null;
  expected: number | null;
  status: Status | null;
  computed_status: Status | null;
  status_override?: StatusOverride;
  series: Array<{ date: string; value: number }>;
  breakdowns?: Array<{ commune?: string; public?: Public; date: string; value: number }>;
  warnings?: string[];
}

/** The evaluation of a whole plan at a date (`CtgPlan.evaluate`). */
export interface Evaluation {
  at: string;
  plan_id: string;
  plan_title: string;
  period: Period;
  rules: EvaluationRules;
  illustrative: boolean;
  plan: NodeEvaluation;
  nodes: NodeEvaluation[];
  indicators: IndicatorEvaluation[];
}

/** A situation: answers (possibly partial) and the household's members. */
export interface SituationData {
  id?: string;
  answers?: Record<string, boolean | number | string>;
  members?: Array<{
    role: 'adulte' | 'enfant';
    age?: number;
    birth_date?: string;
    facts?: Record<string, boolean | number | string>;
  }>;
}

/** A question (with the member it is about, for member questions). */
export interface QuestionRef {
  question: string;
  member?: number;
}

/** The status of a benefit for a situation at a date. */
export type BenefitStatus = 'eligible' | 'non_eligible' | 'indetermine' | 'non_applicable';

/** The result of one benefit. */
export interface BenefitResult {
  benefit: string;
  status: BenefitStatus;
  /** For `indetermine`: the questions that could still decide it. */
  missing?: QuestionRef[];
  /** For `non_applicable`: why, in French. */
  reason?: string;
}

/** One condition of an explanation, evaluated. */
export interface ExplanationNode {
  text: string;
  /** `oui`, `non`, `inconnu`, or a formatted value. */
  value: string;
  children?: ExplanationNode[];
}

/** Why a benefit has its result. */
export interface Explanation {
  benefit: string;
  name: string;
  status: BenefitStatus;
  reason?: string;
  condition?: ExplanationNode;
  facts?: Array<{ question: QuestionRef; label: string; value: string }>;
  parameters?: Array<{ parameter: string; label: string; value: string; from: string; reference: string }>;
  missing?: QuestionRef[];
}

/** A question to show (`CtgQuestionnaire.next`). */
export interface QuestionView {
  ref: QuestionRef;
  /** The French text, with the member (`[enfant 2] …`). */
  text: string;
  /** The type code: `oui_non`, `choix`, `entier`, `montant_mensuel`, `montant_annuel`, `commune`… */
  type: string;
  /** The catalogue question (labels, help, options, bounds); absent for built-in questions. */
  question?: RightsQuestion;
}

/** An answer given (`CtgQuestionnaire.asked`). */
export interface AnswerView {
  ref: QuestionRef;
  text: string;
  type: string;
}
