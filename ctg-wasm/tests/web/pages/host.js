// The host page's own script (a classic script, run before the widget): a counter button, and
// a record of the widget's events and of what it writes to console.error.
window.hostEvents = [];
window.consoleErrors = [];
const consoleError = console.error.bind(console);
console.error = (...args) => {
  const error = args.find((a) => a instanceof Error);
  window.consoleErrors.push({
    text: args.filter((a) => typeof a === 'string').join(' '),
    kind: error?.kind ?? null,
    errors: error?.errors ?? null,
  });
  consoleError(...args);
};
for (const name of ['ctg-ready', 'ctg-error']) {
  document.addEventListener(name, (event) => {
    const error = event.detail?.error;
    window.hostEvents.push({
      type: name,
      id: event.target.id,
      kind: error?.kind ?? null,
      errors: error?.errors ?? null,
      isError: error instanceof Error,
    });
  });
}
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('host-button');
  const count = document.getElementById('host-count');
  button.addEventListener('click', () => {
    count.textContent = String(Number(count.textContent) + 1);
  });
});
