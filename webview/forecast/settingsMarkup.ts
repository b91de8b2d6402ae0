/**
 * The forecast panel's settings form (model(s), interval, transform, window, held out,
 * horizon, epochs, seeds, covariates, recipe; Run) and the "What to try" card (a suggestion per row, each with
 * Try it). Every id here is one settingsForm.ts or suggestionsView.ts looks up.
 */
import { PRESET_NAMES } from '../../src/core/forecast/forecasters';
import { INTERVALS, RESAMPLE_CHOICES } from '../../src/core/forecast/intervals';
import { RUN_SETTING_LABELS } from '../../src/protocol/forecastRunSettings';
import { html, type Markup } from '../shared/markup';

/** The text and number fields: id suffix (`run-<key>`), hint. */
export const TEXT_FIELDS = [
  { key: 'window', hint: 'auto, or values per input' },
  { key: 'test', hint: 'auto, or last points held out' },
  { key: 'horizon', hint: 'Steps past the end' },
  { key: 'epochs', hint: 'At most (auto stops early)' },
  { key: 'ensemble', hint: 'Per model: their median, or the best' },
  { key: 'covariates', hint: 'auto, none, calendar, or columns: calendar, Volume' },
] as const;

function select(key: 'recipe' | 'resample' | 'transform', options: ReadonlyArray<{ value: string; text: string; description?: string }>): Markup {
  return html`
                <div class="field">
                  <vscode-label for="run-${key}">${RUN_SETTING_LABELS[key]}</vscode-label>
                  <vscode-single-select id="run-${key}" name="run-${key}">${options.map((o) => html`
                    <vscode-option value="${o.value}" description="${o.description ?? ''}">${o.text}</vscode-option>`)}
                  </vscode-single-select>
                  <span id="run-${key}-error" class="field-error" hidden></span>
                </div>`;
}

const intervalDescription = (c: (typeof RESAMPLE_CHOICES)[number]) => (c === 'auto' ? 'The series’ own interval' : c === 'none' ? 'Every distinct time, no resampling' : `One point per ${INTERVALS[c].word}`);

export const settingsCard = html`
      <section id="run-settings" class="card" aria-labelledby="run-settings-heading">
        <form id="run-form" novalidate>
          <div class="card-header"><h2 id="run-settings-heading">Settings</h2><span class="spacer"></span>
            <vscode-button id="run-button" type="submit" icon="play" disabled>Run</vscode-button>
          </div>
          <fieldset>
            <legend>${RUN_SETTING_LABELS.models} (several: compare)</legend>
            <div class="actions" role="group" aria-label="Models">${PRESET_NAMES.map((name) => html`
              <vscode-checkbox id="run-model-${name}" data-model="${name}">${name.toUpperCase()}</vscode-checkbox>`)}
            </div>
            <span id="run-models-error" class="field-error" hidden></span>
          </fieldset>
          <div class="fields">${select('recipe', [
            { value: 'auto', text: 'auto', description: 'Transform and window chosen on validation, early stopping' },
            { value: 'tutorial', text: 'tutorial', description: 'The tutorial’s exact configuration' },
          ])}${select('resample', RESAMPLE_CHOICES.map((c) => ({ value: c, text: c, description: intervalDescription(c) })))}${select('transform', [
            { value: 'auto', text: 'auto', description: 'Relative or diff, chosen on the validation part' },
            { value: 'level', text: 'level', description: 'The value itself (the tutorial)' },
            { value: 'diff', text: 'diff', description: 'The change from the last value' },
            { value: 'logret', text: 'logret', description: 'The log return (positive series)' },
            { value: 'relative', text: 'relative', description: 'The change, from the window seen relative to its last value' },
          ])}${TEXT_FIELDS.map((f) => html`
                <div class="field">
                  <vscode-label for="run-${f.key}">${RUN_SETTING_LABELS[f.key]}</vscode-label>
                  <vscode-textfield id="run-${f.key}" name="run-${f.key}" type="text" autocomplete="off"></vscode-textfield>
                  <span class="hint">${f.hint}</span>
                  <span id="run-${f.key}-error" class="field-error" hidden></span>
                </div>`)}
          </div>
          <p id="run-status" class="form-status" role="status" aria-live="polite"></p>
        </form>
      </section>`;

export const suggestionsCard = html`
      <section id="suggestions" class="card" aria-labelledby="suggestions-heading" hidden>
        <div class="card-header"><h2 id="suggestions-heading">What to try</h2></div>
        <ul id="suggestions-list" class="suggestions"></ul>
      </section>`;
