// Loads the WebAssembly module once, for every element on the page.
// The module is fetched from next to this file (`pkg/ctg_wasm_bg.wasm`): no other request.
import init, * as bindings from './pkg/ctg_wasm.js';

let loading = null;

/** Resolves to the bindings of ctg-core (see `ctg.d.ts`) once the module is instantiated. */
export function core() {
  loading ??= init({ module_or_path: new URL('./pkg/ctg_wasm_bg.wasm', import.meta.url) }).then(
    () => bindings,
  );
  return loading;
}

/** The input of a widget: the `data` property, else the `src` attribute, else `null` (embedded data). */
export async function readInput(element) {
  if (element.data !== undefined && element.data !== null) return element.data;
  const src = element.getAttribute('src');
  if (!src) return null;
  const response = await fetch(new URL(src, document.baseURI), { credentials: 'same-origin' });
  if (!response.ok) {
    const error = new Error(`${src} : HTTP ${response.status}`);
    error.kind = 'fetch';
    error.path = src;
    throw error;
  }
  return response.text();
}
