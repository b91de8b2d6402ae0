/**
 * The forecast panel's markup (mounted by main.ts before the views start): the header and
 * banners, the warnings, the run card (runView.ts: reading and training progress, how the CSV
 * was read, the live loss chart), the settings form and What to try (settingsMarkup.ts), then
 * the results (resultsView.ts: the series with its held-out part and forecast, true vs
 * predicted, the close-up, the leaderboard, the metrics, the backtest), and the runs kept in
 * the workspace (runsView.ts).
 */
import { html, type Markup } from '../shared/markup';
import { appMarkup, runHeaderMarkup, runProgressMarkup } from '../shared/panelMarkup';
import { runsCard } from './runsMarkup';
import { settingsCard, suggestionsCard } from './settingsMarkup';
import { ZOOM_HINT } from './zoom';

/** The hint under a zoomable chart, and `more` after it. */
const zoomHint = (more: Markup | string = '') =>
  html`<p class="meta chart-hint"><span class="codicon codicon-zoom-in" aria-hidden="true"></span>${ZOOM_HINT}${more}</p>`;

const warnings = html`
    <section id="warnings" class="banner banner-warning warnings" role="status" aria-labelledby="warnings-heading" hidden>
      <span class="codicon codicon-warning" aria-hidden="true"></span>
      <div class="banner-text">
        <h2 id="warnings-heading" class="warnings-heading">Warnings</h2>
        <ul id="warnings-list"></ul>
      </div>
    </section>`;

const runCard = html`
      <section id="run" class="card" aria-labelledby="run-heading">
        ${runHeaderMarkup('run-heading', 'Run')}
        <div id="ingest-progress" class="ingest-progress" hidden>
          <div class="progress-line">
            <span id="ingest-text" class="epoch">Reading…</span>
            <span id="ingest-rows" class="times"></span>
          </div>
          <vscode-progress-bar id="ingest-bar" aria-label="Reading the CSV" max="1" value="0"></vscode-progress-bar>
        </div>
        <div id="training-progress">${runProgressMarkup()}
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
      </section>`;

const seriesCard = html`
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
        ${zoomHint(html`<span id="series-note"></span>`)}
        <p id="saved-path" class="meta" role="status" aria-live="polite"></p>
      </section>`;

/** A card of the result grid: a heading, a note and a chart (`id`-heading, `id`-note, `id`-chart). */
function gridCard(id: string, heading: string): Markup {
  return html`
        <section id="${id}" class="card" aria-labelledby="${id}-heading">
          <div class="card-header"><h2 id="${id}-heading">${heading}</h2></div>
          <p id="${id}-note" class="meta card-note"></p>
          <div class="chart-box" role="group" aria-labelledby="${id}-heading">
            <div id="${id}-chart" class="chart"></div>
          </div>
          ${zoomHint()}
        </section>`;
}

const leaderboardCard = html`
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
      </section>`;

const metricsCard = html`
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
      </section>`;

const backtestCard = html`
      <section id="backtest" class="card" aria-labelledby="backtest-heading" hidden>
        <div class="card-header"><h2 id="backtest-heading">Backtest</h2></div>
        <div class="table-scroll">
          <table id="backtest-table" class="data-table">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col" class="num" title="Absolute error of the first step, mean ± std over the origins">One-step MAE</th>
                <th scope="col" class="num" title="MAE over the horizon, mean ± std over the origins">Multi-step MAE</th>
              </tr>
            </thead>
            <tbody></tbody>
          </table>
        </div>
        <p id="backtest-note" class="meta"></p>
      </section>`;

/** The whole panel; `title` (the page's) heads it. */
export function forecastPanelMarkup(title: string): Markup {
  const hint = html`No series yet. Open a CSV file and run <em>RNN Studio: Forecast CSV</em>.`;
  return appMarkup('app app-forecast', { title, icon: 'graph-line', sourceIcon: 'table', hint }, html`${warnings}

    <main class="forecast-layout">${runCard}
${settingsCard}
${suggestionsCard}
${seriesCard}

      <div id="result-grid" class="result-grid" hidden>${gridCard('heldout', 'Held out: true vs predicted')}
${gridCard('forecast', 'Forecast, close up')}
      </div>
${leaderboardCard}
${metricsCard}
${backtestCard}
${runsCard}
    </main>`);
}
