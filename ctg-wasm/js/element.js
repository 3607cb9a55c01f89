// The base class of <ctg-plan> and <ctg-droits>: the shadow root and its styles, the data
// (the `data` property, else the `src` attribute, else the default Civraisien data files), loading, language
// switching, the error screen and the events. Each element only says how to read and draw its
// data (`_loaded`), what else it needs (`_extra`), how to forget it (`_reset`) and what its
// other attributes do (`_attributeChanged`).
import { core, readInput } from './core.js';
import { h, replace } from './dom.js';
import { languageOf, texts } from './i18n.js';
import { adoptStyles } from './styles.js';

/** At most this many problems are listed on the error screen (all of them go to the console). */
const SHOWN_ERRORS = 50;

/** The kinds of error about the `src` file itself rather than its content (see core.js). */
const SOURCE_KINDS = ['fetch', 'network', 'not_json'];

/** Today's date in the reader's time zone, `YYYY-MM-DD`. */
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export class CtgElement extends HTMLElement {
  #data = undefined;
  #loadToken = 0;
  #connected = false;
  #error = null; // the error shown, if any

  /** `styles`: which stylesheet the element adds to the base one (`'plan'` or `'droits'`). */
  constructor(styles) {
    super();
    adoptStyles(this.attachShadow({ mode: 'open' }), styles);
    this.#data = this._takeOver('data');
  }

  /**
   * A page may set a property before this module is loaded: the value then sits on the element
   * itself and would hide the accessor. Removes it and returns it (`undefined` when not set).
   */
  _takeOver(name) {
    if (!Object.prototype.hasOwnProperty.call(this, name)) return undefined;
    const value = this[name];
    delete this[name];
    return value;
  }

  /** The data (plain object or JSON text) given by the host page; takes precedence over `src`. */
  get data() {
    return this.#data;
  }

  set data(value) {
    this.#data = value;
    if (this.#connected) this._load();
  }

  /** The error shown instead of the content (an `Error` with `kind`, `path`, `errors`), or `null`. */
  get error() {
    return this.#error;
  }

  connectedCallback() {
    this.#connected = true;
    this._load();
  }

  disconnectedCallback() {
    this.#connected = false;
  }

  /** The attributes that name data to fetch: changing one reloads the element. */
  static get reloadAttributes() {
    return ['src'];
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#connected || oldValue === newValue) return;
    if (this.constructor.reloadAttributes.includes(name)) this._load();
    else if (this.#error) {
      if (name === 'lang') this.#showError(this.#error);
    } else this._attributeChanged(name);
  }

  // ——— for the subclasses ———

  /** Whether the element is in the document. */
  get _connected() {
    return this.#connected;
  }

  /** The texts in the element's language. */
  get _t() {
    return texts(this._lang);
  }

  /** `'fr'` or `'en'`, from the `lang` attribute of the element or of an ancestor. */
  get _lang() {
    return languageOf(this);
  }

  /** Dispatches a `ctg-…` event that bubbles out of the shadow root. */
  _emit(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /**
   * Other data the element needs besides its input (a promise, or `null`), fetched at the same
   * time; `_loaded` receives it as its third argument. Default: none.
   */
  _extra() {
    return null;
  }

  /**
   * Reads the input (JSON text or an object; the default data when the host gives none) with the bindings `ctg`, draws the element and
   * returns the `detail` of its `ctg-ready` event. Throws the bindings' error when the input is
   * invalid. Overridden by each element.
   */
  _loaded(_ctg, _input, _extra) {
    throw new Error('_loaded is not implemented');
  }

  /** Forgets the data after a failed load (frees what the bindings allocated). */
  _reset() {}

  /** An observed attribute other than `src` changed while the data is shown (default: `lang`). */
  _attributeChanged(_name) {}

  /** (Re)loads the data, then shows it, or the error. */
  async _load() {
    const token = ++this.#loadToken;
    replace(this.shadowRoot, h('p', { role: 'status' }, this._t.loading));
    try {
      const [ctg, input, extra] = await Promise.all([core(), readInput(this), this._extra()]);
      if (token !== this.#loadToken) return;
      this.#error = null;
      const detail = this._loaded(ctg, input, extra);
      this._emit('ctg-ready', detail);
    } catch (error) {
      if (token !== this.#loadToken) return;
      try {
        this._reset();
      } catch {
        // Nothing more to free.
      }
      this.#error = error;
      this.#log(error);
      this.#showError(error);
      this._emit('ctg-error', { error });
    }
  }

  /**
   * Where the data came from, for the messages: the `data` property, a `src`, or the default
   * data — or the `source` an error names (`<ctg-droits>`'s plan is another document).
   */
  #source(error) {
    if (error?.source) return error.source;
    if (this.#data !== undefined && this.#data !== null) return { kind: 'data' };
    const src = this.getAttribute('src');
    return src ? { kind: 'src', src } : { kind: 'embedded' };
  }

  /** Every problem of an error, as `{ kind, path, message }`. */
  #problems(error) {
    const t = this._t;
    if (error?.kind === 'fetch') return [{ kind: 'fetch', path: null, message: t.fetchFailed(error.path, error.status) }];
    if (error?.kind === 'network') return [{ kind: 'network', path: null, message: t.networkFailed(error.path) }];
    if (error?.kind === 'not_json') return [{ kind: 'not_json', path: null, message: t.notJson(error.path, error.contentType) }];
    if (Array.isArray(error?.errors) && error.errors.length) return error.errors;
    return [{ kind: error?.kind, path: error?.path ?? null, message: String(error?.message ?? error) }];
  }

  #log(error) {
    const source = this.#source(error);
    const where = source.kind === 'src' ? ` src="${source.src}"` : source.kind === 'data' ? ' (data)' : '';
    const lines = this.#problems(error).map((e) => (e.path ? `${e.path} : ${e.message}` : e.message));
    // The details for the integrator: a readable list, then the Error itself (with `errors`).
    console.error(`<${this.localName}>${where} : ${this._t.errorTitle}\n${lines.join('\n')}`, error);
  }

  #showError(error) {
    const t = this._t;
    const source = this.#source(error);
    const problems = this.#problems(error);
    const shown = problems.slice(0, SHOWN_ERRORS);
    // An unreachable or non-JSON file is one sentence; invalid data lists every problem.
    const aboutFile = SOURCE_KINDS.includes(error?.kind);
    replace(
      this.shadowRoot,
      h(
        'div',
        {
          class: 'alert',
          role: 'alert',
          // Reachable with Tab, so a keyboard user can come back to it and read it.
          tabindex: '0',
          'aria-labelledby': 'error-title',
          lang: this._lang,
          'data-kind': error?.kind ?? null,
        },
        h('h2', { id: 'error-title', class: 'error-title' }, t.errorTitle),
        aboutFile
          ? h('p', {}, problems[0].message)
          : [
              h('p', {}, source.kind === 'src' ? t.errorInFile(source.src) : t.errorInData, ' ', t.errorCount(problems.length)),
              h(
                'ul',
                { class: 'errors' },
                shown.map((e) => h('li', {}, e?.path ? [h('code', {}, e.path), ' : '] : null, String(e?.message ?? e))),
              ),
              problems.length > shown.length ? h('p', {}, t.moreErrors(problems.length - shown.length)) : null,
            ],
        h('p', { class: 'muted' }, t.errorHelp),
      ),
    );
  }
}
