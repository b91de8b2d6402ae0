/**
 * A finished run: the warnings (always shown, never collapsed), the series with its held-out
 * part and forecast band, true vs predicted over the held-out part, the leaderboard (table and
 * bar chart), the metrics table, and the exports (forecast CSV, the series chart as SVG / PNG)
 * and Save model. Each chart is embedded once per result (again on a theme change).
 */
import type { ForecastWebviewMessage as WebviewMessage } from '../../src/protocol/forecast';
import { byId, setDisabled, setHidden, setText } from '../shared/dom';
import type { VscodeButton } from '../shared/elements';
import { formatCount, plural } from '../shared/format';
import type { View } from '../shared/view';
import { StaticChart } from './charts';
import { formatTime, stepWord } from './format';
import type { ForecastTheme } from './palette';
import { bestPlotBaseline, type PlotResult } from '../../src/protocol/forecastPlot';
import { heldOutSpec, leaderboardSpec } from './comparisonSpecs';
import { closeUpStart, forecastBand, splitRuleText } from './resultLabels';
import { forecastSpec, seriesSpec } from './seriesSpecs';
import { isRunning, type ForecastState } from './state';
import { leaderboardRows, metricsRows } from './tables';
import { backtestNote, backtestRows } from './backtestTable';

/** "Baselines: the last true value, and the one 7 days before (same day last week)." */
function baselineNote(r: PlotResult): string {
  const seasonal = r.baselines.find((b) => b.name === 'seasonalNaive');
  if (!seasonal) return 'Baseline: the last true value.';
  const words = seasonal.label.replace(/\s*\(.*\)$/, '').toLowerCase();
  return `Baselines: the last true value, and the one ${plural(seasonal.period, stepWord(r.ingest.resample))} before (${words}).`;
}

export interface ResultsView extends View<ForecastState> {
  readonly charts: { series: StaticChart; heldOut: StaticChart; forecast: StaticChart; leaderboard: StaticChart };
  setTheme(theme: ForecastTheme): void;
}

export function createResultsView(post: (m: WebviewMessage) => void, initialTheme: ForecastTheme): ResultsView {
  const warnings = byId('warnings');
  const warningsHeading = byId('warnings-heading');
  const warningsList = byId('warnings-list');
  const results = byId('results');
  const grid = byId('result-grid');
  const metrics = byId('metrics');
  const leaderboard = byId('leaderboard');
  const forecastNote = byId('forecast-note');
  const leaderboardNote = byId('leaderboard-note');
  const splitRule = byId('split-rule');
  const bandNote = byId('band-note');
  const seriesNote = byId('series-note');
  const heldOutNote = byId('heldout-note');
  const metricsNote = byId('metrics-note');
  const savedPath = byId('saved-path');
  const metricsBody = byId('metrics-table').querySelector('tbody') as HTMLTableSectionElement;
  const leaderboardBody = byId('leaderboard-table').querySelector('tbody') as HTMLTableSectionElement;
  const backtest = byId('backtest');
  const backtestBody = byId('backtest-table').querySelector('tbody') as HTMLTableSectionElement;
  const backtestText = byId('backtest-note');
  const exportCsv = byId<VscodeButton>('export-csv');
  const exportSvg = byId<VscodeButton>('export-svg');
  const exportPng = byId<VscodeButton>('export-png');
  const saveModel = byId<VscodeButton>('save-model');

  let theme = initialTheme;
  let themeVersion = 0;
  let shown: PlotResult | undefined;
  let warningsKey = '';
  let exporting = false;

  const chartError = (name: string) => (message: string) => {
    const note = byId(`${name}-chart`);
    const p = document.createElement('p');
    p.className = 'chart-empty';
    p.textContent = `The chart could not be drawn: ${message}`;
    note.replaceChildren(p);
  };
  const charts = {
    series: new StaticChart(byId('series-chart'), 'series', chartError('series')),
    heldOut: new StaticChart(byId('heldout-chart'), 'held-out', chartError('heldout')),
    forecast: new StaticChart(byId('forecast-chart'), 'forecast', chartError('forecast')),
    leaderboard: new StaticChart(byId('leaderboard-chart'), 'leaderboard', chartError('leaderboard')),
  };

  async function exportChart(format: 'svg' | 'png'): Promise<void> {
    if (exporting) return;
    await charts.series.settled();
    const view = charts.series.view;
    if (!view) return;
    exporting = true;
    try {
      const data = format === 'svg' ? await view.toSVG() : await view.toImageURL('png', 2);
      post({ type: 'exportChart', chart: 'series', format, data });
    } catch (err) {
      console.error('RNN Studio: the chart could not be exported:', err instanceof Error ? err.message : String(err));
    } finally {
      exporting = false;
    }
  }

  exportCsv.addEventListener('click', () => {
    if (!exportCsv.disabled) post({ type: 'exportForecastCsv' });
  });
  exportSvg.addEventListener('click', () => {
    if (!exportSvg.disabled) void exportChart('svg');
  });
  exportPng.addEventListener('click', () => {
    if (!exportPng.disabled) void exportChart('png');
  });
  saveModel.addEventListener('click', () => {
    if (!saveModel.disabled) post({ type: 'saveModel' });
  });

  function renderWarnings(state: ForecastState): void {
    const r = state.result;
    const list = r ? r.warnings : [];
    const more = r?.moreWarnings ?? 0;
    const key = JSON.stringify([list, more]);
    if (key === warningsKey) return;
    warningsKey = key;
    const items = list.map((w) => {
      const li = document.createElement('li');
      li.textContent = w;
      return li;
    });
    if (more > 0) {
      const li = document.createElement('li');
      li.textContent = `… and ${plural(more, 'more warning')}.`;
      items.push(li);
    }
    warningsList.replaceChildren(...items);
    setText(warningsHeading, plural(list.length + more, 'warning'));
    setHidden(warnings, items.length === 0);
  }

  function renderNotes(r: PlotResult, running: boolean): void {
    setText(splitRule, splitRuleText(r));
    const band = forecastBand(r);
    const f = r.forecast;
    const forecaster = f ? r.models[f.modelIndex] : undefined;
    setText(
      bandNote,
      !f || !forecaster
        ? running
          ? 'No forecast yet: it appears as each model is done.'
          : 'No forecast: no model ran.'
        : band
          ? `Forecast: ${plural(r.horizon, stepWord(r.ingest.resample))} ahead by ${forecaster.label} (${r.leaderboard[0]?.rankedBy === 'backtest' ? 'lowest backtest MAE' : 'lowest held-out MAE'}). ` +
            `Band: its ${band.title}, from the errors of forecasts made from earlier origins, per step ahead.`
          : `Forecast: ${plural(r.horizon, stepWord(r.ingest.resample))} ahead by ${forecaster.label}; no band (no origins to calibrate an interval on).`,
    );
    const thinned = r.series.t.length < r.seriesPoints;
    setText(seriesNote, thinned ? ` ${formatCount(r.seriesPoints)} points, drawn as ${formatCount(r.series.t.length)} (lowest and highest per bucket).` : '');
    const heldThinned = r.heldOut.t.length < r.heldOutPoints;
    setText(
      heldOutNote,
      `One-step predictions of the ${plural(r.heldOutPoints, 'held-out point')}, each from the ${plural(r.split.window, 'true value')} before it` +
        (r.covariates && r.covariates.length > 0 ? ` and their ${r.covariates.join(', ')}` : '') +
        (heldThinned ? ` (drawn as ${formatCount(r.heldOut.t.length)})` : '') +
        `. ${baselineNote(r)}`,
    );
    setText(
      forecastNote,
      r.models.length === 0
        ? `From ${formatTime(closeUpStart(r), r.ingest.timeKind, r.ingest.step)}: the held-out part (shaded); ${running ? 'the forecasts appear as the models are done' : 'no model ran, so there is no forecast'}.`
        : `From ${formatTime(closeUpStart(r), r.ingest.timeKind, r.ingest.step)}: the held-out part (shaded) and each model's ` +
          `${plural(r.horizon, stepWord(r.ingest.resample))} forecast, made recursively from the last ${plural(r.split.window, 'value')}` +
          (band && forecaster ? `; ${forecaster.label}'s with its 80 % / 95 % interval.` : '.'),
    );
    const best = bestPlotBaseline(r);
    const base = r.leaderboard.find((e) => e.baseline && e.name === best.name);
    setText(
      leaderboardNote,
      r.leaderboard[0]?.rankedBy === 'backtest' && r.backtest
        ? `Ranked by the backtest's mean MAE over ${r.backtest.origins.length} origins (${r.backtest.horizon} steps each); MASE and MAE shown are the held-out ones.`
        : base && base.metrics.mase === null
          ? 'Ranked by MAE (MASE is n/a: the training part does not change).'
          : `Ranked by held-out MAE; bars: MASE, the best baseline (${best.label}) a dashed rule.`,
    );
    setText(
      metricsNote,
      `MAE and RMSE in the units of ${r.ingest.column}; MAPE in percent of the true value; MASE: MAE over the training part's mean absolute ` +
        'one-step change (below 1 beats the naive forecast in-sample). Computed on the original scale, after the transform is inverted.',
    );
  }

  return {
    charts,
    setTheme(next) {
      theme = next;
      themeVersion += 1;
      if (shown) {
        const r = shown;
        const key = `${r.runId}|${r.models.length}|${themeVersion}`;
        charts.series.show(key, () => seriesSpec(theme, r));
        charts.heldOut.show(key, () => heldOutSpec(theme, r));
        charts.forecast.show(key, () => forecastSpec(theme, r));
        charts.leaderboard.show(key, () => leaderboardSpec(theme, r));
      }
    },
    render(state) {
      renderWarnings(state);
      const r = state.result;
      setHidden(results, !r);
      setHidden(grid, !r);
      setHidden(metrics, !r);
      setHidden(leaderboard, !r);
      setHidden(backtest, !r?.backtest);
      // While a run trains, its result so far is shown; exports and Save wait for the end.
      const running = isRunning(state);
      setDisabled(exportCsv, !r || r.models.length === 0 || running);
      setDisabled(exportSvg, !r || running);
      setDisabled(exportPng, !r || running);
      const trained = !running && Boolean(r?.models.some((m) => m.loadedFrom === undefined));
      // Released: the worker no longer holds the forecasters (e.g. after a reload); the note says why.
      setDisabled(saveModel, !trained || state.modelReleased !== undefined);
      saveModel.title = !trained ? 'No trained model to save' : (state.modelReleased ?? 'Save the forecaster (model, scaler, window, transform, columns)');
      setText(savedPath, state.savedPath ? `Model saved to ${state.savedPath}` : trained && state.modelReleased ? state.modelReleased : '');
      if (r !== shown) {
        shown = r;
        if (r) {
          renderNotes(r, running);
          metricsBody.replaceChildren(...metricsRows(r));
          leaderboardBody.replaceChildren(...leaderboardRows(r));
          backtestBody.replaceChildren(...backtestRows(r));
          setText(backtestText, backtestNote(r));
        } else {
          backtestBody.replaceChildren();
          metricsBody.replaceChildren();
          leaderboardBody.replaceChildren();
        }
        // Visible first (the charts measure their container), then embedded.
        const key = r ? `${r.runId}|${r.models.length}|${themeVersion}` : undefined;
        charts.series.show(key, () => seriesSpec(theme, r as PlotResult));
        charts.heldOut.show(key, () => heldOutSpec(theme, r as PlotResult));
        charts.forecast.show(key, () => forecastSpec(theme, r as PlotResult));
        charts.leaderboard.show(key, () => leaderboardSpec(theme, r as PlotResult));
      }
    },
  };
}
