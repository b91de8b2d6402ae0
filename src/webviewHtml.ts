/**
 * The HTML of the RNN Studio panel: one source of truth for the extension host
 * (src/extension/studioPanel.ts) and for the webview tests (test/webview/), which serve
 * exactly this page. The page is static markup; webview/main.ts brings it to life.
 *
 * Content Security Policy: nothing but the nonce'd bundle runs, no eval (Vega runs with its
 * expression interpreter, `ast: true`), and styles come only from the extension's files.
 * No 'unsafe-inline' is needed for styles either: vega-embed and vega-tooltip are told not
 * to inject their <style> elements (panel.css carries their rules), Vega and the
 * @vscode-elements components set styles through the CSSOM (element.style, constructable
 * stylesheets), which CSP does not restrict, and no markup here has a style attribute.
 */
import { NUMBER_FIELDS, type NumberField } from '../webview/fields';

export interface PanelHtmlOptions {
  /** `webview.cspSource`: the origin the panel's files are served from. */
  cspSource: string;
  /** A fresh random value per page load (base64 or hex). */
  nonce: string;
  /** dist/webview.js */
  scriptUri: string;
  /** media/panel.css */
  styleUri: string;
  /** dist/codicons/codicon.css */
  codiconsUri: string;
  title?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text safe in element content and in double-quoted attributes (the only kind used here). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ') + ';';
}

const HINTS: Partial<Record<string, string>> = {
  'learning-rate': "Adam's step size",
  'sequence-length': 'Window length for prose',
  seed: 'Same seed, same run',
  length: 'Characters, prompt included',
  temperature: '0 = greedy (argmax)',
};

function numberField(f: NumberField): string {
  const hint = HINTS[f.id];
  // Whole numbers get a number input (arrow keys step by 1); decimals a text input, since a
  // number input would flag 0.0005 as a "step mismatch" that the panel's validation accepts.
  const control = f.integer
    ? `<vscode-textfield id="${f.id}" name="${f.id}" type="number" min="${f.min}" max="${f.max}" step="1"></vscode-textfield>`
    : `<vscode-textfield id="${f.id}" name="${f.id}" type="text" autocomplete="off"></vscode-textfield>`;
  return `
          <div class="field">
            <vscode-label for="${f.id}">${escapeHtml(f.label)}</vscode-label>
            ${control}
            ${hint ? `<span class="hint">${escapeHtml(hint)}</span>` : ''}
            <span id="${f.id}-error" class="field-error" hidden></span>
          </div>`;
}

function fields(group: 'training' | 'generation', ids: readonly string[]): string {
  return NUMBER_FIELDS.filter((f) => f.group === group && ids.includes(f.id))
    .map((f) => numberField(f))
    .join('');
}

export function renderPanelHtml(opts: PanelHtmlOptions): string {
  const title = escapeHtml(opts.title ?? 'RNN Studio');
  const nonce = escapeHtml(opts.nonce);
  const csp = escapeHtml(contentSecurityPolicy(opts.cspSource, opts.nonce));
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${escapeHtml(opts.codiconsUri)}" id="vscode-codicon-stylesheet" nonce="${nonce}">
  <link rel="stylesheet" href="${escapeHtml(opts.styleUri)}" nonce="${nonce}">
  <title>${title}</title>
</head>
<body>
  <div class="app">
    <header class="app-header">
      <div class="heading">
        <h1 id="title"><span class="codicon codicon-pulse" aria-hidden="true"></span>${title}</h1>
        <p class="subtitle">
          <span class="codicon codicon-file-text" aria-hidden="true"></span>
          <span id="source">No text yet. Select text in an editor and run <em>RNN Studio: Generate Text from Selection</em>.</span>
        </p>
      </div>
      <div class="backend">
        <span class="backend-label" id="backend-label">Backend</span>
        <span id="backend" class="badge" aria-labelledby="backend-label backend" title="TensorFlow.js backend">…</span>
      </div>
    </header>

    <div id="backend-warning" class="banner banner-warning" role="status" hidden>
      <span class="codicon codicon-warning" aria-hidden="true"></span>
      <span id="backend-warning-text" class="banner-text"></span>
    </div>

    <div id="error" class="banner banner-error" role="alert" hidden>
      <span class="codicon codicon-error" aria-hidden="true"></span>
      <span id="error-message" class="banner-text"></span>
      <vscode-button id="error-dismiss" secondary icon="close" aria-label="Dismiss error">Dismiss</vscode-button>
    </div>

    <main class="layout">
      <div class="main-column">
        <section id="training-status" class="card" aria-labelledby="training-heading">
          <div class="card-header">
            <h2 id="training-heading">Training</h2>
            <span id="run-state" class="run-state" data-state="idle" role="status" aria-live="polite">Idle</span>
            <span class="spacer"></span>
            <vscode-button id="cancel" secondary icon="debug-stop" disabled>Cancel</vscode-button>
          </div>
          <div class="progress-line">
            <span id="epoch" class="epoch">Epoch 0 / 0</span>
            <span class="times">
              <span class="codicon codicon-watch" aria-hidden="true"></span>
              <span id="elapsed">0 ms</span> elapsed
              <span id="remaining-part"><span class="sep" aria-hidden="true">·</span> <span id="remaining">—</span> left</span>
            </span>
          </div>
          <vscode-progress-bar id="progress" aria-label="Training progress" max="1" value="0"></vscode-progress-bar>
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
        </section>

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
        </section>
      </div>

      <aside class="side-column">
        <section class="card" aria-labelledby="settings-heading">
          <form id="training-form" novalidate>
            <div class="card-header"><h2 id="settings-heading">Settings</h2></div>
            <fieldset>
              <legend>Model</legend>
              <div class="fields">
                <div class="field">
                  <vscode-label for="cell">Cell</vscode-label>
                  <vscode-single-select id="cell" name="cell">
                    <vscode-option value="rnn" description="SimpleRNN with tanh, as in the seed">RNN</vscode-option>
                    <vscode-option value="lstm" description="Long short-term memory">LSTM</vscode-option>
                    <vscode-option value="gru" description="Gated recurrent unit">GRU</vscode-option>
                  </vscode-single-select>
                  <span id="cell-error" class="field-error" hidden></span>
                </div>${fields('training', ['hidden-size', 'layers'])}
              </div>
            </fieldset>
            <fieldset>
              <legend>Training</legend>
              <div class="fields">${fields('training', ['epochs', 'learning-rate', 'batch-size', 'sequence-length', 'seed'])}
              </div>
            </fieldset>
            <fieldset>
              <legend>Generation</legend>
              <div class="fields">
                <div class="field field-wide">
                  <vscode-label for="prompt">Prompt</vscode-label>
                  <vscode-textarea id="prompt" name="prompt" rows="2" monospace resize="vertical" placeholder="Empty: the first character of the text"></vscode-textarea>
                  <span id="prompt-error" class="field-error" hidden></span>
                </div>${fields('generation', ['length', 'temperature', 'sampling-seed'])}
              </div>
            </fieldset>
            <p id="form-status" class="form-status" role="status" aria-live="polite"></p>
            <div class="form-actions">
              <vscode-button id="train" type="submit" icon="play">Train</vscode-button>
              <vscode-button id="generate" secondary icon="sparkle" disabled>Generate</vscode-button>
              <vscode-button id="save-model" secondary icon="save" disabled>Save model</vscode-button>
            </div>
            <p id="model-info" class="meta"></p>
          </form>
        </section>
      </aside>
    </main>
  </div>
  <script nonce="${nonce}" src="${escapeHtml(opts.scriptUri)}"></script>
</body>
</html>
`;
}
