// Building DOM nodes. Text is always set with textContent / text nodes, never parsed as HTML.

/**
 * Creates an element: `h('button', { type: 'button', 'aria-expanded': 'false', onclick }, 'text', child)`.
 * Attributes whose value is `null`, `undefined` or `false` are left out; `on*` keys add listeners;
 * `class` sets the class; strings among the children become text nodes.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes (no children parsing). */
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

function setAttributes(element, attributes) {
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (key === 'style' && typeof value === 'object') {
      // Through the CSSOM, which a CSP without 'unsafe-inline' allows.
      for (const [property, v] of Object.entries(value)) element.style.setProperty(property, v);
    } else if (key === 'text') {
      element.textContent = String(value);
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Removes every child of `element`, then appends `children`. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A stable id for an element inside a shadow root. */
export function domId(prefix, id) {
  return `${prefix}-${String(id).replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
