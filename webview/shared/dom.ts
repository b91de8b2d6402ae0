/** Small DOM helpers shared by the panel's views. */
import type { Markup } from './markup';

/** The element with this id; throws when the page lacks it (a mismatch with the panel's markup.ts). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`RNN Studio panel: missing element #${id}`);
  return el as T;
}

/** Sets the text of `el` only when it changes (no needless layout, no screen-reader chatter). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

export function setHidden(el: HTMLElement, hidden: boolean): void {
  if (el.hidden !== hidden) el.hidden = hidden;
}

/** Enables or disables a vscode-button (or any element with a `disabled` property). */
export function setDisabled(el: HTMLElement & { disabled: boolean }, disabled: boolean): void {
  if (el.disabled !== disabled) el.disabled = disabled;
}

/** Replaces the page shell's empty root (#root) with the panel's markup. */
export function mountPanel(markup: Markup): void {
  const template = document.createElement('template');
  template.innerHTML = markup.text;
  byId('root').replaceChildren(template.content);
}
