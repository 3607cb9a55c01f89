// <ctg-plan>: a CTG plan as an explorable tree (axes → objectives → fiches actions) with
// progress and status at a date, filters, accent-insensitive search, a detail panel, the
// territorial diagnostic, and deep links in the URL hash. All computing is done by ctg-core
// (through the WebAssembly bindings); this file only shows results.
import { CtgElement, today } from './element.js';
import { h, svg, replace, domId } from './dom.js';
import { formatNumber, formatDate } from './i18n.js';

const FILTER_KEYS = ['axis', 'theme', 'public', 'partner', 'place', 'status'];
const HASH_KEYS = ['node', 'q', 'date', ...FILTER_KEYS];

/** Every node of the tree with its kind, parent and children, in document order. */
function indexPlan(data) {
  const nodes = new Map();
  const add = (node, kind, parent, children) => {
    nodes.set(node.id, { id: node.id, kind, node, parent, children: children.map((c) => c.id) });
  };
  for (const axis of data.axes ?? []) {
    add(axis, 'axis', null, axis.strategic_objectives ?? []);
    for (const so of axis.strategic_objectives ?? []) {
      add(so, 'strategic', axis.id, so.specific_objectives ?? []);
      for (const sp of so.specific_objectives ?? []) {
        add(sp, 'specific', so.id, sp.actions ?? []);
        for (const action of sp.actions ?? []) add(action, 'action', sp.id, []);
      }
    }
  }
  return nodes;
}

/** `{ id → evaluation }` for every node and indicator of an evaluation by ctg-core. */
function evaluationById(evaluation) {
  const map = new Map();
  for (const item of [...(evaluation?.nodes ?? []), ...(evaluation?.indicators ?? [])]) map.set(item.id, item);
  return map;
}

export class CtgPlanElement extends CtgElement {
  static get observedAttributes() {
    return ['src', 'lang', 'date'];
  }

  #plan = null; // CtgPlan (wasm)
  #json = null; // the plan as a plain object
  #nodes = new Map();
  #evaluation = new Map();
  #labels = {};
  #ctg = null;
  #state = { node: null, q: '', date: null, axis: '', theme: '', public: '', partner: '', place: '', status: '' };
  #expanded = new Set();
  #visible = null; // Set of visible node ids, or null (everything)
  #onHash = () => this.#readHash(true);

  constructor() {
    super('plan');
  }

  /** The validated plan, as a plain object, once loaded. */
  get plan() {
    return this.#json;
  }

  /** The id of the node shown in the detail panel. */
  get selected() {
    return this.#state.node;
  }

  /** Shows a node (axis, objective or action) in the detail panel. */
  select(id) {
    this.#select(id, false);
  }

  connectedCallback() {
    if (!this.hasAttribute('no-hash')) window.addEventListener('hashchange', this.#onHash);
    super.connectedCallback();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHash);
  }

  _attributeChanged(name) {
    if (name === 'date') {
      this.#state.date = this.#defaultDate();
      this.#evaluate();
      this.#render();
    } else {
      if (this.#ctg) this.#labels = this.#ctg.vocabularyLabels(this._lang);
      this.#render();
    }
  }

  _loaded(ctg, input) {
    this.#plan?.free();
    this.#plan = null;
    this.#plan = ctg.CtgPlan.load(input);
    this.#json = this.#plan.data();
    this.#ctg = ctg;
    this.#labels = ctg.vocabularyLabels(this._lang);
    this.#nodes = indexPlan(this.#json);
    this.#state.date = this.#defaultDate();
    this.#readHash(false);
    this.#evaluate();
    this.#applyQuery();
    this.#render();
    return { plan: this.#json };
  }

  _reset() {
    this.#plan?.free();
    this.#plan = null;
    this.#json = null;
    this.#nodes = new Map();
    this.#evaluation = new Map();
    this.#visible = null;
  }

  #evaluate() {
    try {
      this.#evaluation = evaluationById(this.#plan.evaluate(this.#state.date));
      this.#dateError = null;
    } catch (error) {
      this.#evaluation = new Map();
      this.#dateError = error;
    }
  }

  #dateError = null;

  /**
   * Computes the visible nodes: the filters and the search are ctg-core's (`filter`,
   * `search`); the axis filter only narrows the view to one axis.
   */
  #applyQuery() {
    const s = this.#state;
    const filter = {};
    if (s.theme) filter.theme = s.theme;
    if (s.public) filter.public = s.public;
    if (s.partner) filter.partner = s.partner;
    if (s.status) filter.status = s.status;
    if (s.place.startsWith('pole:')) filter.pole = s.place.slice(5);
    else if (s.place.startsWith('commune:')) filter.commune = s.place.slice(8);
    const filtering = Object.keys(filter).length > 0;
    const searching = s.q.trim().length > 0;
    if (!filtering && !searching && !s.axis) {
      this.#visible = null;
      return;
    }
    const all = [...this.#nodes.keys()];
    const keep = (ids) => new Set(ids);
    let matches = new Set(all);
    if (filtering) matches = keep(this.#plan.filter(filter).map((n) => n.id));
    if (searching) {
      // A node matches when it or one of its ancestors contains the text.
      const hits = keep(this.#plan.search(s.q).map((n) => n.id));
      const found = new Set();
      for (const id of all) {
        for (let cursor = id; cursor; cursor = this.#nodes.get(cursor)?.parent) {
          if (hits.has(cursor)) {
            found.add(id);
            break;
          }
        }
      }
      matches = new Set([...matches].filter((id) => found.has(id)));
    }
    if (s.axis) matches = new Set([...matches].filter((id) => this.#axisOf(id) === s.axis));
    // Leaves that match, with every ancestor, are shown; their ancestors are expanded.
    const visible = new Set();
    for (const id of matches) {
      const entry = this.#nodes.get(id);
      const leaf = entry.children.every((child) => !matches.has(child));
      if (!leaf) continue;
      for (let cursor = id; cursor && !visible.has(cursor); cursor = this.#nodes.get(cursor)?.parent) visible.add(cursor);
    }
    this.#visible = visible;
    if (filtering || searching) for (const id of visible) if (this.#nodes.get(id).children.length) this.#expanded.add(id);
  }

  #axisOf(id) {
    let cursor = id;
    while (this.#nodes.get(cursor)?.parent) cursor = this.#nodes.get(cursor).parent;
    return cursor;
  }

  #readHash(apply) {
    if (this.hasAttribute('no-hash')) return;
    const params = new URLSearchParams(location.hash.slice(1));
    if (!HASH_KEYS.some((key) => params.has(key))) return;
    for (const key of HASH_KEYS) {
      if (key === 'date') {
        if (params.get('date')) this.#state.date = params.get('date');
      } else if (key === 'node') this.#state.node = params.get('node') || null;
      else this.#state[key] = params.get(key) ?? '';
    }
    if (this.#state.node) this.#expandTo(this.#state.node);
    if (apply && this.#plan) {
      this.#evaluate();
      this.#applyQuery();
      this.#render();
      if (this.#state.node) this.#focusPanel();
    }
  }

  #writeHash() {
    if (this.hasAttribute('no-hash')) return;
    const params = new URLSearchParams(location.hash.slice(1));
    for (const key of HASH_KEYS) {
      const value = this.#state[key];
      const skip = !value || (key === 'date' && value === this.#defaultDate());
      if (skip) params.delete(key);
      else params.set(key, value);
    }
    const hash = params.toString();
    const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
  }

  /** The `date` attribute, else today, brought back into the plan's period. */
  #defaultDate() {
    const date = this.getAttribute('date') || today();
    const period = this.#json?.period;
    if (period?.end && date > period.end) return period.end;
    if (period?.start && date < period.start) return period.start;
    return date;
  }

  #expandTo(id) {
    let cursor = this.#nodes.get(id)?.parent;
    while (cursor) {
      this.#expanded.add(cursor);
      cursor = this.#nodes.get(cursor)?.parent;
    }
  }

  #select(id, focus = true) {
    if (!this.#nodes.has(id)) return;
    this.#state.node = id;
    this.#expandTo(id);
    this.#writeHash();
    this.#render();
    if (focus) this.#focusPanel();
    const entry = this.#nodes.get(id);
    this._emit('ctg-select', { id, kind: entry.kind, node: entry.node, evaluation: this.#evaluation.get(id) ?? null });
  }

  #focusPanel() {
    this.shadowRoot.querySelector('#detail-heading')?.focus();
  }

  #update(key, value) {
    this.#state[key] = value;
    if (key === 'date') this.#evaluate();
    this.#applyQuery();
    this.#writeHash();
    this.#render();
  }

  // ——— rendering ———

  #render() {
    if (!this.#json) return;
    const focusKey = this.shadowRoot.activeElement?.dataset?.key;
    const t = this._t;
    const plan = this.#json;
    const signature = plan.signature?.date ? `${t.signedOn} ${formatDate(plan.signature.date, this._lang)}` : null;
    replace(
      this.shadowRoot,
      h(
        'section',
        { 'aria-labelledby': 'plan-title', lang: this._lang === 'en' ? 'en' : 'fr' },
        h('h2', { id: 'plan-title' }, plan.title),
        h(
          'p',
          { class: 'muted' },
          plan.territory?.epci?.name ?? '',
          plan.period ? ` — ${formatDate(plan.period.start, this._lang)} → ${formatDate(plan.period.end, this._lang)}` : '',
          signature ? ` — ${signature}` : '',
        ),
        this.#renderControls(),
        this.#renderCount(),
        h(
          'div',
          { class: 'layout' },
          h(
            'nav',
            { 'aria-labelledby': 'tree-title' },
            h('h3', { id: 'tree-title' }, t.tree),
            this.#renderTree(),
          ),
          this.#renderPanel(),
        ),
        this.#renderDiagnostic(),
      ),
    );
    if (focusKey) this.shadowRoot.querySelector(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
  }

  #renderControls() {
    const t = this._t;
    const s = this.#state;
    const labels = this.#labels;
    const plan = this.#json;
    const select = (key, label, options) =>
      h(
        'div',
        { class: 'field' },
        h('label', { for: `filter-${key}` }, label),
        h(
          'select',
          { id: `filter-${key}`, 'data-key': `filter-${key}`, onchange: (e) => this.#update(key, e.target.value) },
          h('option', { value: '' }, t.all),
          options.map(([value, text]) => h('option', { value, selected: value === s[key] }, text)),
        ),
      );
    const codes = (vocabulary) => Object.entries(labels[vocabulary] ?? {});
    const places = [
      ...(plan.territory?.poles ?? []).map((pole) => [`pole:${pole.id}`, pole.name]),
      ...(plan.territory?.communes ?? []).map((c) => [`commune:${c.insee}`, c.name]),
    ];
    return h(
      'div',
      {},
      h(
        'div',
        { class: 'toolbar' },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'search' }, t.search),
          h('input', {
            id: 'search',
            type: 'search',
            'data-key': 'search',
            value: s.q,
            'aria-describedby': 'search-hint',
            autocomplete: 'off',
            oninput: (e) => this.#update('q', e.target.value),
          }),
          h('span', { id: 'search-hint', class: 'muted' }, t.searchHint),
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'date' }, t.date),
          h('input', {
            id: 'date',
            type: 'date',
            'data-key': 'date',
            value: s.date,
            min: plan.period?.start,
            onchange: (e) => e.target.value && this.#update('date', e.target.value),
          }),
        ),
      ),
      h(
        'fieldset',
        { class: 'filters' },
        h('legend', {}, t.filters),
        select('axis', t.axis, (plan.axes ?? []).map((a) => [a.id, a.number ? `${a.number}. ${a.title}` : a.title])),
        select('theme', t.theme, codes('theme')),
        select('public', t.public, codes('public')),
        select('partner', t.partner, (plan.partners ?? []).map((p) => [p.id, p.short_name || p.name])),
        select('place', t.place, places),
        select('status', t.actionStatus, codes('action_status')),
        h(
          'div',
          { class: 'field' },
          h('span', { 'aria-hidden': 'true' }, '\u00a0'),
          h('button', { type: 'button', 'data-key': 'reset', onclick: () => this.#reset() }, t.reset),
        ),
      ),
    );
  }

  #reset() {
    for (const key of FILTER_KEYS) this.#state[key] = '';
    this.#state.q = '';
    this.#applyQuery();
    this.#writeHash();
    this.#render();
    this.shadowRoot.querySelector('#search')?.focus();
  }

  #renderCount() {
    const t = this._t;
    let text = '';
    if (this.#visible) {
      let n = 0;
      for (const id of this.#visible) {
        if (!this.#nodes.get(id).children.some((child) => this.#visible.has(child))) n += 1;
      }
      text = t.results(n);
    }
    return h('p', { role: 'status', id: 'count', class: 'muted' }, text);
  }

  #renderTree() {
    const axes = (this.#json.axes ?? []).filter((a) => this.#isVisible(a.id));
    return h('ul', { class: 'tree' }, axes.map((axis) => this.#renderNode(axis.id)));
  }

  #isVisible(id) {
    return this.#visible === null || this.#visible.has(id);
  }

  #kindLabel(kind) {
    const t = this._t;
    return { axis: t.kindAxis, strategic: t.kindStrategic, specific: t.kindSpecific, action: t.kindAction }[kind];
  }

  #renderNode(id) {
    const t = this._t;
    const entry = this.#nodes.get(id);
    const { node, kind } = entry;
    const children = entry.children.filter((child) => this.#isVisible(child));
    const expanded = this.#expanded.has(id);
    const childrenId = domId('children', id);
    const titleId = domId('title', id);
    const title = kind === 'axis' && node.number ? `${node.number}. ${node.title}` : node.title;
    const row = h(
      'div',
      { class: `node${this.#state.node === id ? ' selected' : ''}` },
      children.length
        ? h(
            'button',
            {
              type: 'button',
              class: 'toggle',
              'aria-expanded': String(expanded),
              'aria-controls': childrenId,
              'aria-labelledby': `${domId('toggle', id)} ${titleId}`,
              'data-key': `toggle-${id}`,
              onclick: () => {
                if (this.#expanded.has(id)) this.#expanded.delete(id);
                else this.#expanded.add(id);
                this.#render();
              },
            },
            h('span', { class: 'chevron', 'aria-hidden': 'true' }, '›'),
            h('span', { id: domId('toggle', id), class: 'visually-hidden' }, expanded ? t.collapse : t.expand),
          )
        : null,
      h('span', { class: 'title', id: titleId }, h('span', { class: 'visually-hidden' }, `${this.#kindLabel(kind)} : `), title),
      h('span', { class: 'meta' }, this.#renderProgress(id), this.#renderStatus(id)),
      h(
        'button',
        {
          type: 'button',
          'data-key': `details-${id}`,
          'aria-labelledby': `${domId('details', id)} ${titleId}`,
          'aria-current': this.#state.node === id ? 'true' : null,
          onclick: () => this.#select(id),
        },
        h('span', { id: domId('details', id) }, t.details),
      ),
    );
    return h(
      'li',
      {},
      row,
      children.length && expanded
        ? h('ul', { id: childrenId }, children.map((child) => this.#renderNode(child)))
        : null,
    );
  }

  #renderStatus(id) {
    const result = this.#evaluation.get(id);
    const status = result?.status ?? this.#nodes.get(id)?.node?.status_override?.status;
    if (!status) return null;
    return h('span', { class: `badge status-${status}` }, this.#labels.status?.[status] ?? status);
  }

  #renderProgress(id) {
    const t = this._t;
    const result = this.#evaluation.get(id);
    const progress = result?.progress;
    if (typeof progress !== 'number') return null;
    const expected = result?.expected ?? result?.expected_progress;
    const pct = Math.max(0, Math.min(1, progress)) * 100;
    const label = `${t.progress} ${formatNumber(pct, this._lang, 0)} %${
      typeof expected === 'number' ? ` (${t.expected} ${formatNumber(expected * 100, this._lang, 0)} %)` : ''
    }`;
    return h(
      'span',
      {},
      h(
        'span',
        { class: 'bar', 'aria-hidden': 'true' },
        h('span', { style: { width: `${pct}%` } }),
        typeof expected === 'number' ? h('i', { style: { left: `${Math.max(0, Math.min(1, expected)) * 100}%` } }) : null,
      ),
      ' ',
      h('span', {}, label),
    );
  }

  #renderPanel() {
    const t = this._t;
    const id = this.#state.node;
    const entry = id ? this.#nodes.get(id) : null;
    if (!entry) return h('div', {});
    const { node, kind } = entry;
    const partnerName = (pid) => {
      const p = (this.#json.partners ?? []).find((x) => x.id === pid);
      return p ? p.name : pid;
    };
    const communeName = (insee) => (this.#json.territory?.communes ?? []).find((c) => c.insee === insee)?.name ?? insee;
    const labels = (vocabulary, codes) => (codes ?? []).map((c) => this.#labels[vocabulary]?.[c] ?? c).join(', ');
    const facts = [];
    const fact = (label, value) => value && facts.push(h('dt', {}, label), h('dd', {}, value));
    fact(t.generalObjective, node.general_objective);
    fact(t.description, node.description);
    fact(t.theme, labels('theme', node.themes));
    fact(t.public, labels('public', node.publics));
    fact(t.due, node.due ? (node.due.text ? `${node.due.text} (${formatDate(node.due.date, this._lang)})` : formatDate(node.due.date, this._lang)) : null);
    if (node.start || node.end) fact(t.period, `${formatDate(node.start, this._lang)} → ${formatDate(node.end, this._lang)}`);
    if (kind === 'action') {
      fact(t.actionStatus, this.#labels.action_status?.[node.status ?? 'prevue'] ?? node.status);
      fact(t.communes, node.communes?.length ? node.communes.map(communeName).join(', ') : t.wholeTerritory);
    }
    const override = node.status_override;
    const partners = kind === 'action' ? [node.lead, ...(node.partners ?? []).filter((p) => p !== node.lead)].filter(Boolean) : [];
    return h(
      'section',
      { class: 'panel', 'aria-labelledby': 'detail-heading' },
      h(
        'div',
        { class: 'panel-head' },
        h('h3', { id: 'detail-heading', tabindex: '-1' }, h('span', { class: 'muted' }, `${this.#kindLabel(kind)} — `), node.title),
        h('button', { type: 'button', 'data-key': 'close', onclick: () => this.#closePanel() }, t.close),
      ),
      h('p', { class: 'meta' }, this.#renderProgress(id), ' ', this.#renderStatus(id)),
      override?.reason ? h('p', { class: 'note' }, override.reason) : null,
      facts.length ? h('dl', {}, facts) : null,
      node.indicators?.length
        ? [h('h4', {}, t.indicators), node.indicators.map((indicator) => this.#renderIndicator(indicator))]
        : null,
      node.milestones?.length
        ? [
            h('h4', {}, t.milestones),
            h(
              'ul',
              { class: 'plain' },
              node.milestones.map((m) => h('li', {}, `${formatDate(m.date, this._lang)} — ${m.title} (${m.done ? t.done : t.notDone})`)),
            ),
          ]
        : null,
      partners.length
        ? [
            h('h4', {}, t.partners),
            h(
              'ul',
              { class: 'plain' },
              partners.map((p) => h('li', {}, partnerName(p), p === node.lead ? ` (${t.lead})` : '')),
            ),
          ]
        : null,
    );
  }

  #closePanel() {
    const id = this.#state.node;
    this.#state.node = null;
    this.#writeHash();
    this.#render();
    if (id) this.shadowRoot.querySelector(`[data-key="${CSS.escape(`details-${id}`)}"]`)?.focus();
  }

  #renderIndicator(indicator) {
    const t = this._t;
    const lang = this._lang;
    const result = this.#evaluation.get(indicator.id);
    // The series up to the evaluation date, as ctg-core computed it (running totals if cumulative).
    const series = result?.series ?? [];
    const unit = indicator.unit ? ` ${indicator.unit}` : '';
    const actual = result?.actual;
    return h(
      'div',
      { class: 'indicator' },
      h('p', {}, h('strong', {}, indicator.label), ' ', this.#renderStatus(indicator.id) ?? ''),
      h(
        'ul',
        { class: 'plain' },
        indicator.baseline
          ? h('li', {}, `${t.baseline} : ${formatNumber(indicator.baseline.value, lang)}${unit} (${formatDate(indicator.baseline.date, lang)})`)
          : null,
        h(
          'li',
          {},
          `${t.lastValue} : ${
            typeof actual === 'number' ? `${formatNumber(actual, lang)}${unit} (${formatDate(result.last_measurement, lang)})` : t.noMeasure
          }`,
        ),
        indicator.target
          ? h('li', {}, `${t.target} : ${formatNumber(indicator.target.value, lang)}${unit} (${formatDate(indicator.target.date, lang)})`)
          : null,
        indicator.target_range
          ? h('li', {}, `${t.target} : ${formatNumber(indicator.target_range.min, lang)} – ${formatNumber(indicator.target_range.max, lang)}${unit}`)
          : null,
        typeof result?.progress === 'number' ? h('li', {}, this.#renderProgress(indicator.id)) : null,
        indicator.illustrative ? h('li', { class: 'muted' }, t.illustrative) : null,
      ),
      series.length ? this.#sparkline(indicator, series) : null,
    );
  }

  #sparkline(indicator, measurements) {
    const t = this._t;
    const width = 160;
    const height = 40;
    const pad = 4;
    const values = measurements.map((m) => m.value);
    const target = indicator.target?.value;
    const all = typeof target === 'number' ? [...values, target] : values;
    const min = Math.min(...all);
    const max = Math.max(...all);
    const span = max - min || 1;
    const y = (v) => height - pad - ((v - min) / span) * (height - 2 * pad);
    const x = (i) => (values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
    const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    const summary = `${t.sparkline(indicator.label)} : ${measurements
      .map((m) => `${formatDate(m.date, this._lang)} ${formatNumber(m.value, this._lang)}`)
      .join(', ')}${typeof target === 'number' ? ` ; ${t.target} ${formatNumber(target, this._lang)}` : ''}`;
    return svg(
      'svg',
      { class: 'sparkline', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': summary, preserveAspectRatio: 'none' },
      svg('title', {}, summary),
      typeof target === 'number'
        ? svg('line', { class: 'target', x1: 0, x2: width, y1: y(target).toFixed(1), y2: y(target).toFixed(1) })
        : null,
      values.length > 1 ? svg('polyline', { class: 'line', points }) : null,
      values.map((v, i) => svg('circle', { class: 'point', cx: x(i).toFixed(1), cy: y(v).toFixed(1), r: 2.5 })),
    );
  }

  #renderDiagnostic() {
    const t = this._t;
    const lang = this._lang;
    const diagnostic = this.#json.diagnostic ?? {};
    const indicators = diagnostic.indicators ?? [];
    const findings = diagnostic.findings ?? [];
    if (!indicators.length && !findings.length && !diagnostic.summary) return null;
    const reference = (indicator, level) => {
      const ref = (indicator.references ?? []).find((r) => r.level === level);
      return ref ? formatNumber(ref.value, lang) : '—';
    };
    const levels = ['departement', 'region', 'france'].filter((level) =>
      indicators.some((i) => (i.references ?? []).some((r) => r.level === level)),
    );
    // A column's title: ctg-core's label of the reference level, capitalized (« Département »).
    const levelTitle = (level) => {
      const label = this.#labels.reference_level?.[level] ?? level;
      return label.charAt(0).toUpperCase() + label.slice(1);
    };
    const open = this.#diagnosticOpen;
    return h(
      'details',
      {
        class: 'diagnostic',
        open,
        ontoggle: (e) => {
          this.#diagnosticOpen = e.target.open;
        },
      },
      h('summary', { 'data-key': 'diagnostic' }, t.diagnostic),
      diagnostic.summary ? h('p', {}, diagnostic.summary) : null,
      indicators.length
        ? h(
            'div',
            { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t.diagnostic },
            h(
              'table',
              {},
              h('caption', { class: 'visually-hidden' }, t.diagnostic),
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  h('th', { scope: 'col' }, t.indicatorCol),
                  h('th', { scope: 'col', class: 'number' }, t.territoryCol),
                  levels.map((level) => h('th', { scope: 'col', class: 'number' }, levelTitle(level))),
                ),
              ),
              h(
                'tbody',
                {},
                indicators.map((indicator) =>
                  h(
                    'tr',
                    {},
                    h(
                      'th',
                      { scope: 'row' },
                      indicator.label,
                      indicator.scope ? ` (${indicator.scope})` : '',
                      indicator.year ? h('span', { class: 'muted' }, ` — ${indicator.year}`) : null,
                    ),
                    h('td', { class: 'number' }, `${formatNumber(indicator.value, lang)} ${indicator.unit}`),
                    levels.map((level) => h('td', { class: 'number' }, reference(indicator, level))),
                  ),
                ),
              ),
            ),
          )
        : null,
      findings.length
        ? [
            h('h4', {}, t.findings),
            h(
              'ul',
              { class: 'plain' },
              findings.map((f) => h('li', {}, h('strong', {}, f.title), ' — ', f.text)),
            ),
          ]
        : null,
    );
  }

  #diagnosticOpen = false;
}
