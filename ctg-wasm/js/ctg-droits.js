// <ctg-droits>: the access-to-rights questionnaire. One question at a time (the next
// question is chosen by ctg-core), going back and changing an answer, results grouped
// (probablement éligible / à vérifier / non éligible), each with its explanation, where to
// go near you, the official link and the CTG objectives that serve it; a printable summary.
// Answers never leave the page.
import { CtgElement, today } from './element.js';
import { civraisien, fetchText } from './core.js';
import { h, replace } from './dom.js';
import { formatNumber } from './i18n.js';

const GROUPS = [
  ['eligible', ['eligible']],
  ['toCheck', ['indetermine']],
  ['notEligible', ['non_eligible', 'non_applicable']],
];

const sameRef = (a, b) => a && b && a.question === b.question && (a.member ?? null) === (b.member ?? null);

export class CtgDroitsElement extends CtgElement {
  static get observedAttributes() {
    return ['src', 'plan', 'lang', 'commune', 'date'];
  }

  static get reloadAttributes() {
    return ['src', 'plan'];
  }

  #ctg = null;
  #catalogue = null; // CtgCatalogue (wasm)
  #json = null; // the catalogue as a plain object
  #session = null; // CtgQuestionnaire (wasm)
  #planData = undefined; // the plan given by the host page (property `planData`)
  #plan = null; // the plan, for the titles of objectives and commune names
  #planHandle = null;
  #titles = null; // id → title of every node of the plan
  #current = null; // the question shown
  #editing = false; // whether the question shown is an answer being changed
  #error = null;
  #phase = 'questions';
  #focus = null;

  constructor() {
    super('droits');
    this.#planData = this._takeOver('planData');
  }

  /**
   * The plan whose objectives the benefits serve (object or JSON text), to name them; takes
   * precedence over the `plan` attribute.
   */
  get planData() {
    return this.#planData;
  }

  set planData(value) {
    this.#planData = value;
    if (this._connected) this._load();
  }

  /** The current results (one per benefit, in catalogue order), or `null` before loading. */
  get results() {
    return this.#session ? this.#session.results() : null;
  }

  /** The answers given so far, as a situation (`{ answers, members }`). They stay in the page. */
  get situation() {
    return this.#session ? this.#session.situation() : null;
  }

  /** Starts again from no answer. */
  restart() {
    if (!this.#catalogue) return;
    this.#start();
    this.#focus = 'question';
    this.#render();
  }

  _attributeChanged(name) {
    if (name === 'lang') this.#render();
    else if (this.#catalogue) this.restart();
  }

  get #date() {
    return this.getAttribute('date') || today();
  }

  /**
   * The plan that names the CTG objectives each benefit serves, `{ input, source }`: the
   * `planData` property, else the `plan` attribute's file, else — with the default catalogue
   * only — the default Civraisien plan. A host's own catalogue without a plan shows no objectives.
   */
  _extra() {
    if (this.#planData !== undefined && this.#planData !== null) {
      return Promise.resolve({ input: this.#planData, source: { kind: 'data' } });
    }
    const src = this.getAttribute('plan');
    if (src) {
      const source = { kind: 'src', src };
      return fetchText(src).then(
        (input) => ({ input, source }),
        (error) => {
          throw Object.assign(error, { source });
        },
      );
    }
    const ownCatalogue = (this.data !== undefined && this.data !== null) || this.getAttribute('src');
    return ownCatalogue ? null : civraisien('plan').then((input) => ({ input, source: { kind: 'embedded' } }));
  }

  _loaded(ctg, input, plan) {
    this._reset();
    this.#ctg = ctg;
    this.#catalogue = ctg.CtgCatalogue.load(input);
    this.#json = this.#catalogue.data();
    if (plan) {
      try {
        this.#planHandle = ctg.CtgPlan.load(plan.input);
      } catch (error) {
        throw Object.assign(error, { source: plan.source });
      }
      this.#plan = this.#planHandle.data();
      this.#titles = new Map(this.#planHandle.walk().map((node) => [node.id, node.title]));
    }
    this.#start();
    this.#render();
    return { catalogue: this.#json };
  }

  _reset() {
    this.#session?.free();
    this.#session = null;
    this.#catalogue?.free();
    this.#catalogue = null;
    this.#json = null;
    this.#current = null;
    this.#planHandle?.free();
    this.#planHandle = null;
    this.#plan = null;
    this.#titles = null;
  }

  /** A new questionnaire; the `commune` attribute answers the commune question. */
  #start() {
    this.#session?.free();
    this.#session = this.#catalogue.questionnaire(this.#date);
    const commune = this.getAttribute('commune');
    const question = (this.#json.questions ?? []).find((q) => q.type === 'commune');
    if (commune && question) {
      try {
        this.#session.answer({ question: question.id }, commune);
      } catch {
        // A commune outside the catalogue's territory: the question will be asked.
      }
    }
    this.#error = null;
    this.#editing = false;
    this.#current = this.#session.next();
    this.#phase = this.#current ? 'questions' : 'results';
  }

  #commune() {
    const question = (this.#json.questions ?? []).find((q) => q.type === 'commune');
    const answer = question ? this.#session.situation().answers?.[question.id] : null;
    return answer ?? this.getAttribute('commune');
  }

  // ——— actions ———

  #submit(event) {
    event.preventDefault();
    const form = event.target;
    const question = this.#current;
    let value;
    try {
      value = this.#readValue(form, question);
    } catch (message) {
      this.#error = String(message);
      this.#focus = 'input';
      this.#render();
      return;
    }
    try {
      this.#session.answer(question.ref, value);
    } catch (error) {
      this.#error = error?.message ?? String(error);
      this.#focus = 'input';
      this.#render();
      return;
    }
    this._emit('ctg-answer', { question: question.ref, value });
    this.#advance();
  }

  #readValue(form, question) {
    const t = this._t;
    const data = new FormData(form);
    const raw = data.get('answer');
    if (raw === null || raw === '') throw t.required;
    switch (question.type) {
      case 'oui_non':
        return raw === 'true';
      case 'choix':
      case 'date':
        return String(raw);
      case 'commune':
        return String(raw).trim();
      default: {
        const text = String(raw).trim();
        if (question.ref.question === 'age' && /^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
        const number = Number(text.replace(/\s/g, '').replace(',', '.'));
        if (!Number.isFinite(number)) throw t.invalidNumber;
        return number;
      }
    }
  }

  #advance() {
    this.#error = null;
    this.#editing = false;
    this.#current = this.#session.next();
    if (this.#current) {
      this.#phase = 'questions';
      this.#focus = 'question';
    } else {
      this.#showResults();
      return;
    }
    this.#render();
  }

  #decline() {
    this.#session.decline(this.#current.ref);
    this.#advance();
  }

  #back() {
    const question = this.#session.back();
    this.#error = null;
    this.#editing = false;
    this.#phase = 'questions';
    this.#current = question ? this.#session.next() : this.#current;
    this.#focus = 'question';
    this.#render();
  }

  #change(answer) {
    this.#current = { ref: answer.ref, text: answer.text, type: answer.type, question: this.#questionOf(answer.ref) };
    this.#editing = true;
    this.#error = null;
    this.#phase = 'questions';
    this.#focus = 'question';
    this.#render();
  }

  #questionOf(ref) {
    return (this.#json.questions ?? []).find((q) => q.id === ref.question) ?? null;
  }

  #showResults() {
    this.#phase = 'results';
    this.#focus = 'results';
    this.#render();
    this._emit('ctg-result', { results: this.#session.results(), situation: this.#session.situation() });
  }

  // ——— rendering ———

  #render() {
    if (!this.#session) return;
    const t = this._t;
    replace(
      this.shadowRoot,
      h(
        'section',
        { 'aria-labelledby': 'droits-title', lang: this._lang },
        h('h2', { id: 'droits-title' }, this.#json.title),
        h('p', { class: 'note', id: 'privacy' }, t.privacy),
        this.#renderProgress(),
        this.#phase === 'questions' && this.#current ? this.#renderQuestion() : null,
        this.#renderAnswers(),
        this.#phase === 'results' ? this.#renderResults() : null,
      ),
    );
    const focus = this.#focus;
    this.#focus = null;
    if (focus === 'question') this.shadowRoot.querySelector('form.question input, form.question select')?.focus();
    else if (focus === 'input') this.shadowRoot.querySelector('[aria-invalid="true"]')?.focus();
    else if (focus === 'results') this.shadowRoot.querySelector('#results-title')?.focus();
  }

  #renderProgress() {
    const t = this._t;
    const answered = this.#session.asked().length;
    return h('p', { class: 'progress', role: 'status', id: 'progress' }, t.answered(answered));
  }

  #label(question) {
    const q = question.question;
    if (this._lang === 'en') {
      if (q?.label_en) return q.label_en;
      const builtin = { nombre_adultes: 'How many adults live in the household?', nombre_enfants: 'How many children live in the household?', age: 'How old is this person (or date of birth YYYY-MM-DD)?' }[question.ref.question];
      if (builtin) return question.ref.member === undefined || question.ref.member === null ? builtin : `${question.text.match(/^\[[^\]]*\] /)?.[0] ?? ''}${builtin}`;
    }
    return question.text;
  }

  #renderQuestion() {
    const t = this._t;
    const question = this.#current;
    const q = question.question;
    const help = this._lang === 'en' ? (q?.help_en ?? q?.help) : q?.help;
    const describedBy = [help ? 'question-help' : null, this.#error ? 'question-error' : null].filter(Boolean).join(' ') || null;
    const invalid = this.#error ? 'true' : null;
    const current = this.#currentValue(question.ref);
    let control;
    const radios = (options) =>
      h(
        'div',
        { class: 'choices' },
        options.map(([value, text], index) =>
          h(
            'label',
            {},
            h('input', {
              type: 'radio',
              name: 'answer',
              value,
              checked: current !== undefined && String(current) === value,
              'aria-invalid': index === 0 ? invalid : null,
              'aria-describedby': describedBy,
            }),
            text,
          ),
        ),
      );
    if (question.type === 'oui_non') {
      control = radios([
        ['true', t.yes],
        ['false', t.no],
      ]);
    } else if (question.type === 'choix') {
      control = radios((q?.options ?? []).map((o) => [o.code, this._lang === 'en' ? (o.label_en ?? o.label) : o.label]));
    } else if (question.type === 'commune' && this.#plan?.territory?.communes?.length) {
      // The communes of the plan's territory to choose from; without a plan, the INSEE code.
      const communes = this.#plan.territory.communes;
      control = h(
        'p',
        {},
        h('label', { for: 'answer' }, t.commune),
        ' ',
        h(
          'select',
          { id: 'answer', name: 'answer', 'aria-invalid': invalid, 'aria-describedby': describedBy },
          h('option', { value: '' }, '—'),
          communes.map((c) => h('option', { value: c.insee, selected: current === c.insee }, `${c.name} (${c.insee})`)),
        ),
      );
    } else {
      const unit = { montant_mensuel: '€ / mois', montant_annuel: '€ / an' }[question.type];
      const commune = question.type === 'commune';
      control = h(
        'p',
        {},
        h('label', { for: 'answer' }, commune ? t.communeCode : t.yourAnswer, unit ? ` (${unit})` : ''),
        ' ',
        h('input', {
          id: 'answer',
          name: 'answer',
          type: 'text',
          inputmode: question.ref.question === 'age' || commune ? 'text' : 'decimal',
          autocomplete: 'off',
          value: current ?? '',
          'aria-invalid': invalid,
          'aria-describedby': describedBy,
        }),
      );
    }
    return h(
      'form',
      {
        class: 'question no-print',
        novalidate: true,
        'data-question': question.ref.question,
        'data-member': question.ref.member ?? null,
        'data-type': question.type,
        onsubmit: (e) => this.#submit(e),
      },
      h(
        'fieldset',
        {},
        h('legend', { id: 'question-legend' }, this.#label(question)),
        help ? h('p', { id: 'question-help', class: 'muted' }, help) : null,
        control,
        this.#error ? h('p', { id: 'question-error', class: 'error-text', role: 'alert' }, this.#error) : null,
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'primary', 'data-key': 'next' }, t.next),
        this.#session.asked().length && !this.#editing
          ? h('button', { type: 'button', 'data-key': 'back', onclick: () => this.#back() }, t.back)
          : null,
        !this.#editing ? h('button', { type: 'button', 'data-key': 'decline', onclick: () => this.#decline() }, t.dontKnow) : null,
        h('button', { type: 'button', 'data-key': 'finish', onclick: () => this.#showResults() }, t.finish),
      ),
    );
  }

  #currentValue(ref) {
    const situation = this.#session.situation();
    if (ref.member === undefined || ref.member === null) return situation.answers?.[ref.question];
    const member = situation.members?.[ref.member];
    if (!member) return undefined;
    if (ref.question === 'age') return member.age ?? member.birth_date;
    return member.facts?.[ref.question];
  }

  #formatAnswer(answer) {
    const t = this._t;
    const value = this.#currentValue(answer.ref);
    if (value === undefined || value === null) return '—';
    if (value === true) return t.yes;
    if (value === false) return t.no;
    if (answer.type === 'choix') {
      const option = (this.#questionOf(answer.ref)?.options ?? []).find((o) => o.code === value);
      if (option) return this._lang === 'en' ? (option.label_en ?? option.label) : option.label;
    }
    if (answer.type === 'commune') {
      return (this.#plan?.territory?.communes ?? []).find((c) => c.insee === value)?.name ?? String(value);
    }
    if (typeof value === 'number') return formatNumber(value, this._lang, 2);
    return String(value);
  }

  #renderAnswers() {
    const t = this._t;
    const answers = this.#session.asked();
    if (!answers.length) return null;
    return h(
      'section',
      { 'aria-labelledby': 'answers-title' },
      h('h3', { id: 'answers-title' }, t.yourAnswers),
      h(
        'dl',
        { class: 'answers' },
        answers.map((answer, index) => [
          h('dt', { id: `answer-${index}` }, this.#label({ ...answer, question: this.#questionOf(answer.ref) })),
          h('dd', {}, this.#formatAnswer(answer)),
          h(
            'dd',
            { class: 'no-print' },
            h(
              'button',
              {
                type: 'button',
                'data-key': `change-${index}`,
                'aria-describedby': `answer-${index}`,
                onclick: () => this.#change(answer),
              },
              t.change,
            ),
          ),
        ]),
      ),
    );
  }

  #renderResults() {
    const t = this._t;
    const results = this.#session.results();
    const explanations = new Map(this.#session.explanations().map((e) => [e.benefit, e]));
    const benefits = new Map((this.#json.benefits ?? []).map((b) => [b.id, b]));
    return h(
      'section',
      { class: 'results', 'aria-labelledby': 'results-title' },
      h('h3', { id: 'results-title', tabindex: '-1' }, t.resultsTitle),
      h('p', { class: 'muted' }, t.disclaimer),
      h(
        'div',
        { class: 'actions no-print' },
        h('button', { type: 'button', 'data-key': 'print', onclick: () => window.print() }, t.print),
        h('button', { type: 'button', 'data-key': 'restart', onclick: () => this.restart() }, t.restart),
      ),
      GROUPS.map(([group, statuses]) => {
        const items = results.filter((r) => statuses.includes(r.status));
        return h(
          'section',
          { 'aria-labelledby': `group-${group}`, 'data-group': group },
          h('h4', { id: `group-${group}`, class: `verdict-${statuses[0]}` }, `${t[group]} (${items.length})`),
          items.length
            ? items.map((r) => this.#renderResult(r, benefits.get(r.benefit), explanations.get(r.benefit)))
            : h('p', { class: 'muted' }, t.none),
        );
      }),
    );
  }

  #renderResult(result, benefit, explanation) {
    const t = this._t;
    if (!benefit) return null;
    const commune = this.#commune();
    const places = (this.#json.places ?? []).filter(
      (p) => (benefit.places ?? []).includes(p.id) && (!p.communes?.length || !commune || p.communes.includes(commune)),
    );
    const lines = explanation ? this.#ctg.renderExplanation(explanation) : [];
    // The objectives the plan names (none without a plan, see `_extra`).
    const objectives = (benefit.objectives ?? []).map((id) => [id, this.#objectiveTitle(id)]).filter(([, title]) => title);
    return h(
      'article',
      { class: 'result', 'data-benefit': benefit.id, 'data-status': result.status },
      h('h5', {}, benefit.name),
      h('p', {}, benefit.summary),
      result.reason ? h('p', { class: 'muted' }, result.reason) : null,
      h(
        'details',
        {},
        h('summary', {}, t.why),
        h('ul', { class: 'plain explanation' }, lines.slice(1).map((line) => h('li', {}, line.trim()))),
      ),
      places.length
        ? [
            h('p', {}, h('strong', {}, t.where)),
            h(
              'ul',
              { class: 'plain' },
              places.map((p) =>
                h(
                  'li',
                  {},
                  p.name,
                  p.contact?.address ? ` — ${p.contact.address}` : '',
                  p.contact?.phone ? ` — ${p.contact.phone}` : '',
                  p.contact?.url ? [' — ', h('a', { href: p.contact.url, rel: 'noopener noreferrer' }, p.contact.url)] : null,
                ),
              ),
            ),
          ]
        : null,
      benefit.apply?.url
        ? h('p', {}, h('a', { href: benefit.apply.url, rel: 'noopener noreferrer' }, benefit.apply.label ?? t.officialLink))
        : null,
      objectives.length
        ? [
            h('p', {}, h('strong', {}, t.objectives)),
            h(
              'ul',
              { class: 'plain' },
              objectives.map(([id, title]) => h('li', {}, h('a', { href: `#node=${encodeURIComponent(id)}` }, title))),
            ),
          ]
        : null,
    );
  }

  #objectiveTitle(id) {
    return this.#titles?.get(id) ?? null;
  }
}
