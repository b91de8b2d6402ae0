/**
 * "What to try": the result's suggestions (see src/core/forecast/suggestions.ts), each a row
 * with the setting it changes, why (the figure that supports it), and Try it, which runs the
 * job again with the settings of the run shown and that change (the same `runForecast` as
 * the form's Run). Hidden when there is none; Try it is off while a run reads or trains.
 */
import type { Suggestion } from '../../src/core/forecast/suggestions';
import type { ForecastWebviewMessage as WebviewMessage } from '../../src/protocol/forecast';
import type { RunSettings } from '../../src/protocol/forecastRunSettings';
import { byId, setDisabled, setHidden } from '../shared/dom';
import type { VscodeButton } from '../shared/elements';
import type { View } from '../shared/view';
import { isRunning, type ForecastState } from './state';

export function createSuggestionsView(post: (m: WebviewMessage) => void): View<ForecastState> {
  const card = byId('suggestions');
  const list = byId('suggestions-list');
  let shown: readonly Suggestion[] | undefined;
  let buttons: VscodeButton[] = [];
  let base: RunSettings | undefined;

  const tryIt = (s: Suggestion) => {
    if (base) post({ type: 'runForecast', settings: { ...base, ...s.change } });
  };

  return {
    render(state) {
      base = state.run?.settings;
      const suggestions = state.result?.suggestions ?? [];
      if (suggestions !== shown) {
        shown = suggestions;
        buttons = [];
        list.replaceChildren(
          ...suggestions.map((s, i) => {
            const li = document.createElement('li');
            li.className = 'suggestion';
            li.dataset.setting = s.setting;
            const text = document.createElement('div');
            const label = document.createElement('strong');
            label.textContent = s.label;
            const reason = document.createElement('p');
            reason.className = 'meta';
            reason.textContent = s.reason;
            text.append(label, reason);
            const button = document.createElement<'vscode-button'>('vscode-button');
            button.id = `try-${i}`;
            button.setAttribute('icon', 'play');
            button.secondary = true;
            button.textContent = 'Try it';
            button.addEventListener('click', () => {
              if (!button.disabled) tryIt(s);
            });
            buttons.push(button);
            li.append(text, button);
            return li;
          }),
        );
      }
      setHidden(card, suggestions.length === 0);
      const off = isRunning(state) || !base;
      for (const b of buttons) setDisabled(b, off);
    },
  };
}
