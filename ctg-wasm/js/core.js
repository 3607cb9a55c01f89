// Loads the WebAssembly module once, for every element on the page.
// The module is fetched from next to this file (`pkg/ctg_wasm_bg.wasm`); the default data from
// `data/` next to it, only when a widget has no data of its own: no other request.
import init, * as bindings from './pkg/ctg_wasm.js';

let loading = null;

/** Resolves to the bindings of ctg-core (see `ctg.d.ts`) once the module is instantiated. */
export function core() {
  loading ??= init({ module_or_path: new URL('./pkg/ctg_wasm_bg.wasm', import.meta.url) }).then(
    () => bindings,
  );
  return loading;
}

/** An error about the `src` file itself (not its content): `kind` is `fetch`, `network` or `not_json`. */
function sourceError(kind, src, message, extra = {}) {
  return Object.assign(new Error(message), { kind, path: src, errors: [{ kind, path: src, message }] }, extra);
}

/**
 * The widget's default data, the Civraisien en Poitou plan (`kind` `'plan'`) or rights catalogue
 * (`'droits'`), as JSON text: `data/civraisien-<kind>.json`, one of the widget's own files next to
 * this module. Fetched only when it is needed (a host that gives its data never downloads it),
 * once per page.
 */
const defaults = new Map();
export function civraisien(kind) {
  if (!defaults.has(kind)) {
    // Literal URLs, so that bundlers (Vite) copy both files.
    const url =
      kind === 'droits'
        ? new URL('./data/civraisien-droits.json', import.meta.url)
        : new URL('./data/civraisien-plan.json', import.meta.url);
    const loading = fetch(url).then((response) => {
      if (!response.ok) throw sourceError('fetch', url.href, `${url} : HTTP ${response.status}`, { status: response.status });
      return response.text();
    });
    loading.catch(() => defaults.delete(kind));
    defaults.set(kind, loading);
  }
  return defaults.get(kind);
}

/**
 * The input of a widget: the `data` property, else the text of the `src` attribute's file, else
 * the widget's default data (`civraisien('droits')` for `<ctg-droits>`, the plan otherwise). Throws an `Error` of kind `fetch` (HTTP error), `network` or
 * `not_json` (an HTML page, e.g. a site's "not found" page served with status 200).
 */
export async function readInput(element) {
  if (element.data !== undefined && element.data !== null) return element.data;
  const src = element.getAttribute('src');
  if (!src) return civraisien(element.localName === 'ctg-droits' ? 'droits' : 'plan');
  return fetchText(src);
}

/** The text of the JSON file at `src` (relative to the page), with the errors of `readInput`. */
export async function fetchText(src) {
  let response;
  try {
    response = await fetch(new URL(src, document.baseURI), { credentials: 'same-origin' });
  } catch (cause) {
    throw sourceError('network', src, `${src} : ${cause?.message ?? cause}`, { cause });
  }
  if (!response.ok) throw sourceError('fetch', src, `${src} : HTTP ${response.status}`, { status: response.status });
  const text = await response.text();
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
  if (/html|xml/.test(contentType) || /^\s*</.test(text)) {
    throw sourceError('not_json', src, `${src} : not JSON (${contentType || 'no content-type'})`, { contentType });
  }
  return text;
}
