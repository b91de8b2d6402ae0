/**
 * The HTML of the RNN Studio panel: one source of truth for the extension host
 * (src/extension/studioPanel.ts) and for the webview tests (test/webview/), which serve
 * exactly this page. The page is static markup; webview/text/main.ts brings it to life.
 *
 * Content Security Policy: nothing but the nonce'd bundle runs, no eval (Vega runs with its
 * expression interpreter, `ast: true`), and styles come only from the extension's files.
 * No 'unsafe-inline' is needed for styles either: vega-embed and vega-tooltip are told not
 * to inject their <style> elements (panel.css carries their rules), Vega and the
 * @vscode-elements components set styles through the CSSOM (element.style, constructable
 * stylesheets), which CSP does not restrict, and no markup here has a style attribute.
 */
import { NUMBER_FIELDS, type NumberField } from '../webview/text/fields';

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

/**
 * The page around a panel's markup: the CSP, the stylesheets (codicons first), the title and
 * the one nonce'd script. `body` is trusted static markup; everything else is escaped here.
 */
function page(opts: PanelHtmlOptions, styleUris: readonly string[], title: string, body: string): string {
  const nonce = escapeHtml(opts.nonce);
  const csp = escapeHtml(contentSecurityPolicy(opts.cspSource, opts.nonce));
  const styles = styleUris.map((uri) => `\n  <link rel="stylesheet" href="${escapeHtml(uri)}" nonce="${nonce}">`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${escapeHtml(opts.codiconsUri)}" id="vscode-codicon-stylesheet" nonce="${nonce}">${styles}
  <title>${escapeHtml(title)}</title>
</head>
<body>
${body}
  <script nonce="${nonce}" src="${escapeHtml(opts.scriptUri)}"></script>
</body>
</html>
`;
}

/** The header (title, source, backend badge) and the banners both panels share. */
function header(title: string, icon: string, sourceIcon: string, source: string): string {
  return `    <header class="app-header">
      <div class="heading">
        <h1 id="title"><span class="codicon codicon-${icon}" aria-hidden="true"></span>${escapeHtml(title)}</h1>
        <p class="subtitle">
          <span class="codicon codicon-${sourceIcon}" aria-hidden="true"></span>
          <span id="source">${source}</span>
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
`;
}

export function renderPanelHtml(opts: PanelHtmlOptions): string {
  const title = opts.title ?? 'RNN Studio';
  return page(opts, [opts.styleUri], title, `  <div class="app">
${header(title, 'pulse', 'file-text', 'No text yet. Select text in an editor and run <em>RNN Studio: Generate Text from Selection</em>.')}
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
  </div>`);
}

export interface ForecastPanelHtmlOptions extends PanelHtmlOptions {
  /** media/forecast.css (styleUri stays media/panel.css: the forecast panel builds on it) */
  forecastStyleUri: string;
}

/**
 * The forecast panel (webview/forecast/main.ts, dist/forecastWebview.js): the run (ingest
 * progress, live loss, Cancel), the warnings, the series with its held-out part and forecast,
 * true vs predicted, the leaderboard and the metrics table. Same CSP, same head, same header.
 */
export function renderForecastPanelHtml(opts: ForecastPanelHtmlOptions): string {
  const title = opts.title ?? 'RNN Studio — Forecast';
  const source = 'No series yet. Open a CSV file and run <em>RNN Studio: Forecast CSV</em>.';
  return page(opts, [opts.styleUri, opts.forecastStyleUri], title, `  <div class="app app-forecast">
${header(title, 'graph-line', 'table', source)}
    <section id="warnings" class="banner banner-warning warnings" role="status" aria-labelledby="warnings-heading" hidden>
      <span class="codicon codicon-warning" aria-hidden="true"></span>
      <div class="banner-text">
        <h2 id="warnings-heading" class="warnings-heading">Warnings</h2>
        <ul id="warnings-list"></ul>
      </div>
    </section>

    <main class="forecast-layout">
      <section id="run" class="card" aria-labelledby="run-heading">
        <div class="card-header">
          <h2 id="run-heading">Run</h2>
          <span id="run-state" class="run-state" data-state="idle" role="status" aria-live="polite">Idle</span>
          <span class="spacer"></span>
          <vscode-button id="cancel" secondary icon="debug-stop" disabled>Cancel</vscode-button>
        </div>
        <div id="ingest-progress" class="ingest-progress" hidden>
          <div class="progress-line">
            <span id="ingest-text" class="epoch">Reading…</span>
            <span id="ingest-rows" class="times"></span>
          </div>
          <vscode-progress-bar id="ingest-bar" aria-label="Reading the CSV" max="1" value="0"></vscode-progress-bar>
        </div>
        <div id="training-progress">
          <div class="progress-line">
            <span id="epoch" class="epoch">Epoch – / –</span>
            <span class="times">
              <span class="codicon codicon-watch" aria-hidden="true"></span>
              <span id="elapsed">—</span> elapsed
              <span id="remaining-part"><span class="sep" aria-hidden="true">·</span> <span id="remaining">…</span> left</span>
            </span>
          </div>
          <vscode-progress-bar id="progress" aria-label="Training progress" max="1" value="0"></vscode-progress-bar>
        </div>
        <dl id="ingest-summary" class="metrics ingest-summary" aria-label="How the CSV was read" hidden>
          <div class="metric"><dt>Rows read</dt><dd id="rows-read">—</dd></div>
          <div class="metric" id="rows-skipped-tile"><dt>Skipped</dt><dd id="rows-skipped">—</dd></div>
          <div class="metric" id="duplicates-tile"><dt>Duplicates</dt><dd id="duplicates">—</dd></div>
          <div class="metric" id="gaps-tile"><dt>Gaps</dt><dd id="gaps">—</dd></div>
          <div class="metric"><dt id="points-label">Points</dt><dd id="points">—</dd></div>
          <div class="metric"><dt>Train / held out</dt><dd id="split">—</dd></div>
          <div class="metric"><dt>Window → windows</dt><dd id="windows">—</dd></div>
        </dl>
        <div class="chart-header">
          <h3 id="loss-heading">Loss per epoch</h3>
          <span id="loss-legend" class="chart-legend" aria-label="Loss curves"></span>
          <span class="spacer"></span>
          <vscode-checkbox id="log-scale">Log scale</vscode-checkbox>
        </div>
        <div class="chart-box" role="group" aria-labelledby="loss-heading">
          <div id="loss-chart" class="chart"></div>
          <p id="loss-empty" class="chart-empty">The loss and validation-loss curves appear here as each model trains.</p>
        </div>
      </section>

      <section id="results" class="card" aria-labelledby="results-heading" hidden>
        <div class="card-header card-header-wrap">
          <h2 id="results-heading">Series and forecast</h2>
          <span class="spacer"></span>
          <div class="actions" role="group" aria-label="Export and save">
            <vscode-button id="export-csv" secondary icon="export" disabled>Export forecast CSV</vscode-button>
            <vscode-button id="export-svg" secondary icon="file-media" disabled>Export chart SVG</vscode-button>
            <vscode-button id="export-png" secondary icon="device-camera" disabled>PNG</vscode-button>
            <vscode-button id="save-model" icon="save" disabled>Save model</vscode-button>
          </div>
        </div>
        <p class="chart-notes">
          <span id="split-rule" class="split-rule"></span>
          <span id="band-note" class="band-note"></span>
        </p>
        <div class="chart-box chart-box-tall" role="group" aria-labelledby="results-heading">
          <div id="series-chart" class="chart"></div>
        </div>
        <p class="meta chart-hint"><span class="codicon codicon-zoom-in" aria-hidden="true"></span>Scroll to zoom, drag to pan, double-click to reset; hover for values.<span id="series-note"></span></p>
        <p id="saved-path" class="meta" role="status" aria-live="polite"></p>
      </section>

      <div id="result-grid" class="result-grid" hidden>
        <section id="heldout" class="card" aria-labelledby="heldout-heading">
          <div class="card-header"><h2 id="heldout-heading">Held out: true vs predicted</h2></div>
          <p id="heldout-note" class="meta card-note"></p>
          <div class="chart-box" role="group" aria-labelledby="heldout-heading">
            <div id="heldout-chart" class="chart"></div>
          </div>
        </section>

        <section id="forecast" class="card" aria-labelledby="forecast-heading">
          <div class="card-header"><h2 id="forecast-heading">Forecast, close up</h2></div>
          <p id="forecast-note" class="meta card-note"></p>
          <div class="chart-box" role="group" aria-labelledby="forecast-heading">
            <div id="forecast-chart" class="chart"></div>
          </div>
        </section>
      </div>

      <section id="leaderboard" class="card" aria-labelledby="leaderboard-heading" hidden>
        <div class="card-header"><h2 id="leaderboard-heading">Leaderboard</h2><span id="leaderboard-note" class="meta"></span></div>
        <div class="leaderboard-body">
          <div class="table-scroll">
            <table id="leaderboard-table" class="data-table">
              <thead>
                <tr><th scope="col" class="num">#</th><th scope="col">Model</th><th scope="col" class="num">MASE</th><th scope="col" class="num">MAE</th><th scope="col">vs baseline</th></tr>
              </thead>
              <tbody></tbody>
            </table>
          </div>
          <div class="chart-box chart-box-auto" role="group" aria-label="MASE per model and the baseline">
            <div id="leaderboard-chart" class="chart"></div>
          </div>
        </div>
      </section>

      <section id="metrics" class="card" aria-labelledby="metrics-heading" hidden>
        <div class="card-header"><h2 id="metrics-heading">Held-out metrics</h2></div>
        <div class="table-scroll">
          <table id="metrics-table" class="data-table">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col" class="num" title="Mean absolute error, in the series' units">MAE</th>
                <th scope="col" class="num" title="Root mean squared error, in the series' units">RMSE</th>
                <th scope="col" class="num" title="Mean absolute percentage error">MAPE</th>
                <th scope="col" class="num" title="Mean absolute scaled error: MAE over the in-sample MAE of the naive one-step forecast">MASE</th>
                <th scope="col">vs baseline</th>
                <th scope="col" class="num">Epochs</th>
                <th scope="col" class="num">Time / epoch</th>
              </tr>
            </thead>
            <tbody></tbody>
          </table>
        </div>
        <p id="metrics-note" class="meta"></p>
      </section>
    </main>
  </div>`);
}
