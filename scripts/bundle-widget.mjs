// Bundles the widget's modules (ctg-wasm/js/) into one minified module, as scripts/build-web.sh
// ships it: esbuild inlines and minifies the JS; the CSS of styles.js, held in template strings
// that esbuild leaves as they are, is minified by esbuild's CSS minifier first (BENCHMARKS.md,
// « Taille du widget »). The sources keep their readable CSS.
//   node scripts/bundle-widget.mjs <entry.js> <out.js>
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';

const [entry, outfile] = process.argv.slice(2);

/** `const NAME = `…css…`;` at the top level of styles.js: the CSS of each stylesheet. */
const SHEET = /^(const [A-Z_]+ = )`([^`$\\]*)`;$/gm;

const minifyStyles = {
  name: 'minify-styles',
  setup(build) {
    build.onLoad({ filter: /[\\/]styles\.js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      let sheets = 0;
      const contents = source.replace(SHEET, (_, head, css) => {
        sheets += 1;
        const { code } = esbuild.transformSync(css, { loader: 'css', minify: true });
        return `${head}${JSON.stringify(code.trim())};`;
      });
      if (sheets === 0) throw new Error(`${path}: no stylesheet found to minify`);
      return { contents, loader: 'js' };
    });
  },
};

await esbuild.build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: 'esm',
  minify: true,
  external: ['./pkg/ctg_wasm.js'],
  logLevel: 'warning',
  plugins: [minifyStyles],
});
