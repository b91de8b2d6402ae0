/**
 * The text panel's markup (mounted by main.ts before the views start): the header and
 * banners, the training card (status, metrics, loss chart), the generated text and the
 * settings form, whose number fields come from fields.ts. Every id here is one a view of
 * this folder or of ../shared looks up.
 */
import { html, type Markup } from '../shared/markup';
import { appMarkup, runHeaderMarkup, runProgressMarkup } from '../shared/panelMarkup';
import { NUMBER_FIELDS, type NumberField, type NumberFieldId } from './fields';

/** The short hint under a field. */
const HINTS: Partial<Record<NumberFieldId, string>> = {
  'learning-rate': "Adam's step size",
  'sequence-length': 'Window length for prose',
  seed: 'Same seed, same run',
  'validation-split': 'Last share of prose, for the validation loss',
  patience: 'Epochs without a better validation loss; 0 = off',
  minutes: 'Time budget; 0 = by epochs only',
  dropout: 'After each layer, while training',
  'clip-norm': 'Largest gradient norm; 0 = off',
  length: 'Characters, prompt included',
  temperature: '0 = greedy (argmax)',
  'top-k': 'Most likely k only; 0 = all',
  'top-p': 'Probability mass kept; 1 = all',
};

function numberField(f: NumberField): Markup {
  const hint = HINTS[f.id as NumberFieldId];
  // Whole numbers get a number input (arrow keys step by 1); decimals a text input, since a
  // number input would flag 0.0005 as a "step mismatch" that the panel's validation accepts.
  const control = f.integer
    ? html`<vscode-textfield id="${f.id}" name="${f.id}" type="number" min="${f.min}" max="${f.max}" step="1"></vscode-textfield>`
    : html`<vscode-textfield id="${f.id}" name="${f.id}" type="text" autocomplete="off"></vscode-textfield>`;
  return html`
                <div class="field">
                  <vscode-label for="${f.id}">${f.label}</vscode-label>
                  ${control}
                  ${hint ? html`<span class="hint">${hint}</span>` : ''}
                  <span id="${f.id}-error" class="field-error" hidden></span>
                </div>`;
}

function fields(ids: readonly NumberFieldId[]): Markup[] {
  return ids.map((id) => numberField(NUMBER_FIELDS.find((f) => f.id === id) as NumberField));
}

const trainingCard = html`
        <section id="training-status" class="card" aria-labelledby="training-heading">
          ${runHeaderMarkup('training-heading', 'Training')}
          ${runProgressMarkup()}
          <dl class="metrics">
            <div class="metric"><dt>Loss</dt><dd id="current-loss">—</dd></div>
            <div class="metric"><dt>Best<span id="best-epoch"></span></dt><dd id="best-loss">—</dd></div>
            <div class="metric"><dt>Final loss</dt><dd id="final-loss">—</dd></div>
            <div class="metric"><dt>Time / epoch</dt><dd id="ms-per-epoch">—</dd></div>
          </dl>
          <p id="dataset" class="meta"></p>
          <div class="chart-header">
            <h3 id="chart-heading">Loss per epoch</h3>
            <vscode-checkbox id="log-scale">Log scale</vscode-checkbox>
          </div>
          <div class="chart-box" role="group" aria-labelledby="chart-heading">
            <div id="loss-chart"></div>
            <p id="chart-empty" class="chart-empty">The loss curve appears here as the model trains.</p>
          </div>
        </section>`;

const resultCard = html`
        <section id="result" class="card" aria-labelledby="result-heading">
          <div class="card-header">
            <h2 id="result-heading">Generated text</h2>
          </div>
          <p id="generated-meta" class="meta" role="status" aria-live="polite">Nothing generated yet.</p>
          <pre id="generated" class="generated" tabindex="0" aria-label="Generated text" data-empty="true"></pre>
          <div class="actions" role="group" aria-label="Use the generated text">
            <vscode-button id="insert" icon="insert" disabled>Insert at cursor</vscode-button>
            <vscode-button id="replace" secondary icon="replace" disabled>Replace selection</vscode-button>
            <vscode-button id="copy" secondary icon="copy" disabled>Copy</vscode-button>
            <vscode-button id="open-editor" secondary icon="go-to-file" disabled>Open in new editor</vscode-button>
          </div>
        </section>`;

/**
 * The settings form. #model-released (hidden until a view shows it) is where the panel says
 * that the worker no longer holds the trained model, with Load model and Train again.
 */
const settingsCard = html`
        <section class="card" aria-labelledby="settings-heading">
          <form id="training-form" novalidate>
            <div class="card-header"><h2 id="settings-heading">Settings</h2></div>
            <div class="field field-wide">
              <vscode-label for="profile">Profile</vscode-label>
              <vscode-single-select id="profile" name="profile">
                <vscode-option value="tutorial" description="SimpleRNN 12, Adam 0.01, 100 epochs, greedy: for a few short lines">Tutorial</vscode-option>
                <vscode-option value="prose" description="LSTM 256, dropout 0.3, sequences of 100, a time budget, sampled at 0.7">Prose</vscode-option>
              </vscode-single-select>
              <span id="profile-reason" class="hint"></span>
              <span id="profile-error" class="field-error" hidden></span>
            </div>
            <fieldset>
              <legend>Model</legend>
              <div class="fields">
                <div class="field">
                  <vscode-label for="cell">Cell</vscode-label>
                  <vscode-single-select id="cell" name="cell">
                    <vscode-option value="rnn" description="SimpleRNN with tanh, as in the tutorial recipe">RNN</vscode-option>
                    <vscode-option value="lstm" description="Long short-term memory">LSTM</vscode-option>
                    <vscode-option value="gru" description="Gated recurrent unit">GRU</vscode-option>
                  </vscode-single-select>
                  <span id="cell-error" class="field-error" hidden></span>
                </div>${fields(['hidden-size', 'layers'])}
              </div>
            </fieldset>
            <fieldset>
              <legend>Training</legend>
              <div class="fields">${fields(['epochs', 'minutes', 'learning-rate'])}
                <div class="field">
                  <vscode-label for="lr-schedule">Learning rate schedule</vscode-label>
                  <vscode-single-select id="lr-schedule" name="lr-schedule">
                    <vscode-option value="constant" description="The same rate all along">Constant</vscode-option>
                    <vscode-option value="cosine" description="Down to a tenth over the epochs or minutes">Cosine</vscode-option>
                  </vscode-single-select>
                  <span id="lr-schedule-error" class="field-error" hidden></span>
                </div>${fields(['batch-size', 'sequence-length', 'dropout', 'clip-norm', 'validation-split', 'patience', 'seed'])}
              </div>
            </fieldset>
            <fieldset>
              <legend>Generation</legend>
              <div class="fields">
                <div class="field field-wide">
                  <vscode-label for="prompt">Prompt</vscode-label>
                  <vscode-textarea id="prompt" name="prompt" rows="2" monospace resize="vertical" placeholder="Empty: the first character of the text"></vscode-textarea>
                  <span id="prompt-error" class="field-error" hidden></span>
                </div>${fields(['length', 'temperature', 'top-k', 'top-p', 'sampling-seed'])}
                <div class="field">
                  <vscode-label for="repetition-guard">Repetition guard</vscode-label>
                  <vscode-single-select id="repetition-guard" name="repetition-guard">
                    <vscode-option value="off" description="Any word may repeat">Off</vscode-option>
                    <vscode-option value="on" description="Never the same word three times in a row">On</vscode-option>
                  </vscode-single-select>
                  <span class="hint">No "the the the"</span>
                  <span id="repetition-guard-error" class="field-error" hidden></span>
                </div>
              </div>
            </fieldset>
            <p id="form-status" class="form-status" role="status" aria-live="polite"></p>
            <div class="form-actions">
              <vscode-button id="train" type="submit" icon="play">Train</vscode-button>
              <vscode-button id="generate" secondary icon="sparkle" disabled>Generate</vscode-button>
              <vscode-button id="save-model" secondary icon="save" disabled>Save model</vscode-button>
            </div>
            <p id="model-info" class="meta"></p>
            <div id="model-released" class="model-released" role="status" hidden>
              <p id="model-released-text" class="meta"></p>
              <div class="actions" role="group" aria-label="Get a model back">
                <vscode-button id="load-model" secondary icon="folder-opened">Load model</vscode-button>
                <vscode-button id="train-again" secondary icon="debug-restart">Train again</vscode-button>
              </div>
            </div>
          </form>
        </section>`;

/** The whole panel; `title` (the page's) heads it. */
export function textPanelMarkup(title: string): Markup {
  const hint = html`No text yet. Select text in an editor and run <em>RNN Studio: Generate Text from Selection</em>.`;
  return appMarkup('app', { title, icon: 'pulse', sourceIcon: 'file-text', hint }, html`
    <main class="layout">
      <div class="main-column">${trainingCard}
${resultCard}
      </div>

      <aside class="side-column">${settingsCard}
      </aside>
    </main>`);
}
