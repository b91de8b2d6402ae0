/**
 * The header: where the data came from, and the backend badge with its fallback warning
 * (markup: panelMarkup.ts). Shared by the text panel and the forecast panel; `sourceOf` says
 * what #source shows (until it says something, the markup's own hint stays).
 */
import type { BackendStatus } from '../../src/core/backendChoice';
import { byId, setHidden, setText } from './dom';
import type { View } from './view';

export function createHeader<S extends { backend?: BackendStatus }>(sourceOf: (state: S) => string | undefined): View<S> {
  const source = byId('source');
  const backend = byId('backend');
  const warning = byId('backend-warning');
  const warningText = byId('backend-warning-text');
  const hint = [...source.childNodes];
  let shownSource: string | undefined;

  return {
    render(state) {
      const text = sourceOf(state);
      if (text !== shownSource) {
        shownSource = text;
        if (text) source.textContent = text;
        else source.replaceChildren(...hint);
      }
      const b = state.backend;
      setText(backend, b ? b.name : '…');
      backend.title = b ? `TensorFlow.js backend: ${b.name} (requested: ${b.requested})` : 'TensorFlow.js backend';
      backend.classList.toggle('badge-warning', Boolean(b?.fallbackReason));
      setText(warningText, b?.fallbackReason ? `Backend fallback — ${b.fallbackReason}` : '');
      setHidden(warning, !b?.fallbackReason);
    },
  };
}
