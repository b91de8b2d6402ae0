/**
 * The generated text: shown exactly (whitespace preserved; trailing whitespace marked, the
 * end marked by a pilcrow drawn by CSS, so neither is part of the text), with its prompt and
 * temperature, and the actions that hand it to the editor.
 */
import type { TextAction, TextWebviewMessage as WebviewMessage } from '../../src/protocol/text';
import { byId, setDisabled, setText } from '../shared/dom';
import type { VscodeButton } from '../shared/elements';
import { formatTemperature, plural } from '../shared/format';
import type { GeneratedState } from './state';
import type { View } from '../shared/view';

const ACTIONS: ReadonlyArray<[id: string, action: TextAction]> = [
  ['insert', 'insert'],
  ['replace', 'replace'],
  ['copy', 'copy'],
  ['open-editor', 'openEditor'],
];

function span(className: string, text: string, title?: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = text;
  if (title) el.title = title;
  return el;
}

/** The text as nodes: the prompt it starts with, the rest, and its trailing whitespace. */
function textNodes(g: GeneratedState): Node[] {
  const text = g.text;
  const trailing = /\s*$/.exec(text)?.[0] ?? '';
  const bodyEnd = text.length - trailing.length;
  const promptEnd = g.prompt && text.startsWith(g.prompt) ? Math.min(g.prompt.length, bodyEnd) : 0;
  const nodes: Node[] = [];
  if (promptEnd > 0) nodes.push(span('prompt-part', text.slice(0, promptEnd), 'The prompt'));
  if (bodyEnd > promptEnd) nodes.push(document.createTextNode(text.slice(promptEnd, bodyEnd)));
  if (trailing) {
    const n = trailing.length;
    nodes.push(span('trailing-ws', trailing, `Trailing whitespace: ${n} character${n === 1 ? '' : 's'}`));
  }
  return nodes;
}

export function createGeneratedText(post: (m: WebviewMessage) => void): View {
  const pre = byId('generated');
  const meta = byId('generated-meta');
  const buttons = ACTIONS.map(([id, action]) => ({ el: byId<VscodeButton>(id), action }));
  let text: string | undefined;
  let shownKey: string | undefined;

  for (const { el, action } of buttons) {
    el.addEventListener('click', () => {
      if (!el.disabled && text !== undefined) post({ type: 'textAction', action, text });
    });
  }

  return {
    render(state) {
      const g = state.generated;
      text = g?.text;
      const key = g ? JSON.stringify([g.prompt, g.text]) : undefined;
      if (key !== shownKey) {
        shownKey = key;
        pre.replaceChildren(...(g ? textNodes(g) : []));
        pre.dataset.empty = String(!g || g.text === '');
      }
      const metaKey = g ? JSON.stringify([g.prompt, g.text.length, g.temperature, /\s$/.test(g.text)]) : '';
      if (meta.dataset.key !== metaKey) {
        meta.dataset.key = metaKey;
        if (!g) setText(meta, 'Nothing generated yet.');
        else {
          const prompt = g.prompt === '' ? span('', '(none)') : span('', `“${g.prompt}”`);
          prompt.id = 'generated-prompt';
          const temperature = span('', formatTemperature(g.temperature));
          temperature.id = 'generated-temperature';
          meta.replaceChildren(
            `${plural(g.text.length, 'character')} · prompt `,
            prompt,
            ' · temperature ',
            temperature,
            /\s$/.test(g.text) ? ' · ends with whitespace (marked)' : '',
          );
        }
      }
      for (const { el } of buttons) setDisabled(el, !g || g.text === '');
    },
  };
}
