// The Vite configuration of the packaging check: `ctg` resolves to the widget package that
// scripts/build-web.sh leaves in target/web/ctg (an integrator would copy that folder into
// their app, e.g. src/ctg/, and import './ctg/ctg-widget.js'). Output: target/vite-app/.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('../../../', import.meta.url));

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  resolve: { alias: { ctg: `${repository}target/web/ctg` } },
  build: {
    outDir: process.env.CTG_VITE_OUT ?? `${repository}target/vite-app`,
    emptyOutDir: true,
    // The .wasm stays a file (never inlined), so the CSP needs no 'unsafe-eval' nor data: URLs.
    assetsInlineLimit: 0,
  },
});
