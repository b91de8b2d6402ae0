/**
 * The panels' static markup: `html` template literals, mounted into the page shell's empty
 * root (src/extension/panelHtml.ts) by each panel's main.ts (dom.ts: mountPanel) before its
 * views start. No DOM here, so the tests read the markup as it is built.
 *
 * Safe by construction: every interpolated string or number is escaped as text; only Markup
 * (another `html` literal) is inserted as markup. The markup has no style attributes and no
 * inline handlers, which the panels' CSP would refuse; everything a run or the user provides
 * reaches the page later, through the views' textContent.
 */
import { escapeHtml } from '../../src/core/escapeHtml';

/** Markup that `html` built: trusted, inserted as is. */
export class Markup {
  constructor(readonly text: string) {}
}

type Interpolated = Markup | string | number | readonly Markup[];

function part(value: Interpolated): string {
  if (value instanceof Markup) return value.text;
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return String(value);
  return value.map((m) => m.text).join('');
}

/** A markup literal: `html\`<h2>${title}</h2>\`` escapes `title`; nested `html` literals stay markup. */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): Markup {
  return new Markup(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ''), ''));
}
