// The widgets' styles, as constructable stylesheets adopted by each shadow root (no inline
// <style>, so a strict CSP needs no 'unsafe-inline'). Every colour, font and radius is a CSS
// custom property that the host page may set on the element (see docs/widget.md).

const BASE = `
:host {
  --ctg-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --ctg-font-size: 1rem;
  --ctg-color-text: #1e1e1e;
  --ctg-color-muted: #4f4f4f;
  --ctg-color-background: #ffffff;
  --ctg-color-surface: #f4f6f8;
  --ctg-color-border: #8a8f96;
  --ctg-color-accent: #0b4f8a;
  --ctg-color-accent-text: #ffffff;
  --ctg-color-focus: #b34000;
  --ctg-color-good: #1d6b32;
  --ctg-color-warning: #8a5300;
  --ctg-color-bad: #a4161a;
  --ctg-color-neutral: #4f4f4f;
  --ctg-radius: 0.375rem;
  --ctg-gap: 0.75rem;
  display: block;
  font-family: var(--ctg-font);
  font-size: var(--ctg-font-size);
  line-height: 1.5;
  color: var(--ctg-color-text);
  background: var(--ctg-color-background);
  container-type: inline-size;
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
h2, h3, h4, h5 { line-height: 1.25; margin: 0.75em 0 0.4em; }
h2 { font-size: 1.35em; }
h3 { font-size: 1.15em; }
h4 { font-size: 1.05em; }
p { margin: 0.4em 0; }
a { color: var(--ctg-color-accent); }
button, input, select, textarea { font: inherit; color: inherit; }
button {
  cursor: pointer;
  border: 1px solid var(--ctg-color-accent);
  border-radius: var(--ctg-radius);
  background: var(--ctg-color-background);
  color: var(--ctg-color-accent);
  padding: 0.3em 0.75em;
  min-height: 2.25rem;
}
button.primary { background: var(--ctg-color-accent); color: var(--ctg-color-accent-text); }
input, select {
  border: 1px solid var(--ctg-color-border);
  border-radius: var(--ctg-radius);
  padding: 0.3em 0.5em;
  min-height: 2.25rem;
  background: var(--ctg-color-background);
  max-width: 100%;
}
:focus-visible { outline: 3px solid var(--ctg-color-focus); outline-offset: 2px; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.muted { color: var(--ctg-color-muted); }
.alert {
  border: 2px solid var(--ctg-color-bad); border-radius: var(--ctg-radius);
  padding: var(--ctg-gap); color: var(--ctg-color-bad); background: var(--ctg-color-background);
}
.alert ul { margin: 0.3em 0 0; padding-left: 1.2em; }
.alert code { overflow-wrap: anywhere; }
.note {
  border-left: 4px solid var(--ctg-color-accent); background: var(--ctg-color-surface);
  padding: 0.5em 0.75em; margin: 0.5em 0;
}
.badge {
  display: inline-block; border: 1px solid currentColor; border-radius: 1em;
  padding: 0 0.55em; font-size: 0.85em; white-space: nowrap;
}
.status-atteint, .status-en_bonne_voie, .verdict-eligible { color: var(--ctg-color-good); }
.status-a_surveiller, .verdict-a_verifier { color: var(--ctg-color-warning); }
.status-en_retard, .verdict-non_eligible { color: var(--ctg-color-bad); }
.status-pas_de_donnees, .status-donnees_trop_anciennes, .status-non_evalue { color: var(--ctg-color-neutral); }
.bar {
  display: inline-block; position: relative; width: 6rem; height: 0.6rem; vertical-align: middle;
  border: 1px solid var(--ctg-color-border); border-radius: 0.3rem; background: var(--ctg-color-surface);
  overflow: hidden;
}
.bar > span { position: absolute; inset: 0 auto 0 0; background: var(--ctg-color-accent); }
.bar > i { position: absolute; top: 0; bottom: 0; width: 2px; background: var(--ctg-color-text); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.3em 0.5em; border-bottom: 1px solid var(--ctg-color-border); vertical-align: top; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
@media print {
  .no-print { display: none !important; }
  :host { color: #000; background: #fff; }
}
`;

const PLAN = `
.toolbar { display: flex; flex-wrap: wrap; gap: var(--ctg-gap); align-items: end; }
.field { display: flex; flex-direction: column; gap: 0.2em; min-width: 0; }
.field label { font-weight: 600; font-size: 0.9em; }
fieldset.filters {
  border: 1px solid var(--ctg-color-border); border-radius: var(--ctg-radius);
  display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: var(--ctg-gap);
  margin: var(--ctg-gap) 0; padding: var(--ctg-gap);
}
fieldset.filters legend { font-weight: 700; padding: 0 0.3em; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: var(--ctg-gap); align-items: start; }
@container (max-width: 48rem) { .layout { grid-template-columns: minmax(0, 1fr); } }
ul.tree, ul.tree ul { list-style: none; margin: 0; padding: 0; }
ul.tree ul { padding-left: 1.1rem; border-left: 1px solid var(--ctg-color-border); margin-left: 0.6rem; }
.node { display: flex; flex-wrap: wrap; gap: 0.3em 0.6em; align-items: center; padding: 0.3em 0; }
.node .title { flex: 1 1 14rem; min-width: 0; overflow-wrap: anywhere; }
.node button.toggle { min-width: 2.25rem; padding: 0.2em 0.5em; }
.node button.toggle[aria-expanded="true"] .chevron { display: inline-block; transform: rotate(90deg); }
.node .meta { display: flex; flex-wrap: wrap; gap: 0.4em; align-items: center; font-size: 0.9em; }
.node.selected { background: var(--ctg-color-surface); border-radius: var(--ctg-radius); }
mark { background: #fff3b0; color: inherit; }
section.panel {
  border: 1px solid var(--ctg-color-border); border-radius: var(--ctg-radius);
  padding: var(--ctg-gap); background: var(--ctg-color-background); overflow-wrap: anywhere;
}
.panel-head { display: flex; justify-content: space-between; gap: var(--ctg-gap); align-items: start; }
.panel-head button { flex: none; }
ul.plain { padding-left: 1.2em; margin: 0.3em 0; }
.indicator { border-top: 1px solid var(--ctg-color-border); padding: 0.5em 0; }
svg.sparkline { display: block; width: 100%; max-width: 16rem; height: 3rem; }
svg.sparkline .line { fill: none; stroke: var(--ctg-color-accent); stroke-width: 2; }
svg.sparkline .target { stroke: var(--ctg-color-good); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg.sparkline .point { fill: var(--ctg-color-accent); }
details.diagnostic { margin-top: var(--ctg-gap); border-top: 1px solid var(--ctg-color-border); }
details.diagnostic > summary { cursor: pointer; font-weight: 700; padding: 0.5em 0; }
`;

const DROITS = `
form.question fieldset { border: 1px solid var(--ctg-color-border); border-radius: var(--ctg-radius); padding: var(--ctg-gap); margin: 0; }
form.question legend { font-weight: 700; font-size: 1.1em; padding: 0 0.3em; }
.choices { display: flex; flex-direction: column; gap: 0.4em; margin: 0.5em 0; }
.choices label { display: flex; gap: 0.5em; align-items: center; min-height: 2.25rem; }
.choices input { min-height: auto; width: 1.2rem; height: 1.2rem; }
.actions { display: flex; flex-wrap: wrap; gap: var(--ctg-gap); margin-top: var(--ctg-gap); }
.progress { margin: 0.5em 0; }
.results section { margin-top: var(--ctg-gap); }
.result { border: 1px solid var(--ctg-color-border); border-radius: var(--ctg-radius); padding: var(--ctg-gap); margin: 0.5em 0; overflow-wrap: anywhere; }
.result h4 { margin-top: 0; }
dl.answers { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) auto; gap: 0.3em 0.75em; align-items: center; }
dl.answers dt, dl.answers dd { margin: 0; overflow-wrap: anywhere; }
.error-text { color: var(--ctg-color-bad); font-weight: 600; }
`;

function sheet(text) {
  if (typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const result = new CSSStyleSheet();
    result.replaceSync(text);
    return result;
  }
  return text;
}

let cache = null;

/** Adopts the stylesheets of a widget (`plan` or `droits`) in a shadow root. */
export function adoptStyles(root, which) {
  cache ??= { base: sheet(BASE), plan: sheet(PLAN), droits: sheet(DROITS) };
  const sheets = [cache.base, cache[which]];
  if (sheets.every((s) => typeof s !== 'string')) {
    root.adoptedStyleSheets = sheets;
  } else {
    // Old browsers without constructable stylesheets: a <style> element, its text set as text.
    const style = document.createElement('style');
    style.textContent = sheets.map(String).join('\n');
    root.append(style);
  }
}
