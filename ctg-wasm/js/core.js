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

/**
 * The widget's default data, the Civraisien en Poitou plan (`kind` `'plan'`) or rights catalogue
 * (`'droits'`), as JSON text: `data/civraisien-<kind>.json`, one of the widget's own files next to
 * this module. Fetched only when it is needed (a host that gives its data never downloads it),
 * once per page.
 */
const defaults = new Map();
export function civraisien(kind) {
  if (!defaults.has(kind)) {
    const url = new URL(`./data/civraisien-${kind}.json`, import.meta.url);
    const loading = fetch(url).then((response) => {
      if (!response.ok) throw Object.assign(new Error(`${url} : HTTP ${response.status}`), { kind: 'fetch', path: url.href });
      return response.text();
    });
    loading.catch(() => defaults.delete(kind));
    defaults.set(kind, loading);
  }
  return defaults.get(kind);
}

/**
 * The input of a widget: the `data` property, else the text of the `src` attribute, else the
 * widget's default Civraisien data (`civraisien('droits')` for `<ctg-droits>`, the plan otherwise).
 */
export async function readInput(element) {
  if (element.data !== undefined && element.data !== null) return element.data;
  const src = element.getAttribute('src');
  if (!src) return civraisien(element.localName === 'ctg-droits' ? 'droits' : 'plan');
  const response = await fetch(new URL(src, document.baseURI), { credentials: 'same-origin' });
  if (!response.ok) {
    const error = new Error(`${src} : HTTP ${response.status}`);
    error.kind = 'fetch';
    error.path = src;
    throw error;
  }
  return response.text();
}
