/**
 * The run card: its state, Cancel, the CSV's reading progress (bytes, rows, a bar), then the
 * training progress (epoch x / y of model i / n, elapsed, remaining, a bar over all models),
 * how the CSV was read (rows, skipped, duplicates, gaps, points, split), and the live loss chart
 * with its legend (one colour per model, validation loss dashed).
 */
import type { ForecastWebviewMessage as WebviewMessage } from '../../src/protocol/forecast';
import { byId, setHidden, setText } from '../shared/dom';
import type { VscodeCheckbox, VscodeProgressBar } from '../shared/elements';
import { formatCount, formatDuration, plural } from '../shared/format';
import { createRunStatus } from '../shared/runStatus';
import type { View } from '../shared/view';
import { createLiveLossChart, type LiveLossChart } from './charts';
import { describeResample, formatBytes, presetName } from './format';
import { modelColor, type ForecastTheme } from './palette';
import { LOSS_SLOTS, type LossRow } from './lossSpec';
import type { ForecastAction, ForecastRun, ForecastState } from './state';

const EMPTY_LOSS = 'The loss and validation-loss curves appear here as each model trains.';

function stateLine(state: ForecastState): { text: string; kind: string } {
  const run = state.run;
  if (!run) return { text: 'Idle', kind: 'idle' };
  if ((run.phase === 'reading' || run.phase === 'training') && state.cancelRequested) return { text: 'Cancelling…', kind: 'cancelling' };
  switch (run.phase) {
    case 'reading':
      return { text: run.probing ? 'Choosing the transform and window…' : 'Reading the CSV…', kind: 'training' };
    case 'training':
      return { text: run.loaded ? 'Applying the saved model…' : 'Training…', kind: 'training' };
    case 'completed':
      return { text: run.elapsedMs > 0 ? `Completed in ${formatDuration(run.elapsedMs)}` : 'Completed', kind: 'completed' };
    case 'cancelled':
      return { text: 'Cancelled', kind: 'cancelled' };
    case 'failed':
      return { text: 'Failed', kind: 'failed' };
  }
}

/** Display name of model `i` of the run: its label once known, else its preset's name. */
function modelName(state: ForecastState, i: number): string {
  const model = state.result?.models[i];
  if (model) return model.label;
  const preset = state.run?.models[i];
  return preset ? presetName(preset) : `Model ${i + 1}`;
}

function epochLine(state: ForecastState): string {
  const run = state.run;
  if (!run || run.phase === 'reading') return 'Epoch – / –';
  const n = Math.max(1, run.models.length);
  if (run.loaded) return run.phase === 'training' ? `Applying ${modelName(state, 0)} (no training)` : `${modelName(state, 0)} applied (no training)`;
  if (run.phase !== 'training' && state.result) {
    const trained = state.result.models.length;
    if (trained === 0) return 'No model finished';
    const epochs = state.result.models.reduce((sum, m) => sum + m.epochsRun, 0);
    return `${plural(trained, 'model')} trained · ${plural(epochs, 'epoch')} in all`;
  }
  const i = Math.max(0, run.modelIndex);
  const epochs = run.modelEpochs || run.epochs;
  const seed = run.seed ? ` · seed ${run.seed.member + 1} / ${run.seed.members}` : '';
  return `Epoch ${formatCount(run.modelIndex < 0 ? 0 : run.epoch)} / ${formatCount(epochs)}${seed} · model ${i + 1} / ${n} (${modelName(state, i)})`;
}

function progressFraction(run: ForecastRun | undefined): number {
  if (!run) return 0;
  if (run.phase === 'completed') return 1;
  if (run.modelIndex < 0) return 0;
  const n = Math.max(1, run.models.length);
  const epochs = Math.max(1, run.modelEpochs || run.epochs);
  const seeds = run.seed ? { done: run.seed.member, of: run.seed.members } : { done: 0, of: 1 };
  return Math.min(1, (run.modelIndex + (seeds.done + Math.min(1, run.epoch / epochs)) / seeds.of) / n);
}

/** The live chart's rows: every model's loss and validation loss. */
function lossRows(state: ForecastState): LossRow[] {
  const run = state.run;
  if (!run) return [];
  const rows: LossRow[] = [];
  run.curves.forEach((points, i) => {
    const model = modelName(state, i);
    const slot = i % LOSS_SLOTS;
    for (const p of points) {
      rows.push({ slot, model, series: 'loss', kind: 'Training loss', epoch: p.epoch, value: p.loss });
      if (p.valLoss !== undefined) rows.push({ slot, model, series: 'val', kind: 'Validation loss', epoch: p.epoch, value: p.valLoss });
    }
  });
  return rows;
}

function legendItem(color: string, text: string, dashed: boolean): HTMLSpanElement {
  const item = document.createElement('span');
  item.className = 'legend-item';
  const swatch = document.createElement('span');
  swatch.className = dashed ? 'legend-line legend-dashed' : 'legend-line';
  swatch.setAttribute('aria-hidden', 'true');
  // CSSOM, not a style attribute: the CSP allows it (see src/extension/panelHtml.ts).
  swatch.style.setProperty('--legend-color', color);
  item.append(swatch, text);
  return item;
}

export interface RunView extends View<ForecastState> {
  readonly chart: LiveLossChart;
  setTheme(theme: ForecastTheme): void;
}

export function createRunView(
  dispatch: (action: ForecastAction) => void,
  post: (m: WebviewMessage) => void,
  theme: ForecastTheme,
): RunView {
  const runStatus = createRunStatus(post, dispatch);
  const ingestProgress = byId('ingest-progress');
  const ingestText = byId('ingest-text');
  const ingestRows = byId('ingest-rows');
  const ingestBar = byId<VscodeProgressBar>('ingest-bar');
  const trainingProgress = byId('training-progress');
  const summary = byId('ingest-summary');
  const tiles = {
    rowsRead: byId('rows-read'),
    skipped: byId('rows-skipped'),
    skippedTile: byId('rows-skipped-tile'),
    duplicates: byId('duplicates'),
    duplicatesTile: byId('duplicates-tile'),
    gaps: byId('gaps'),
    gapsTile: byId('gaps-tile'),
    pointsLabel: byId('points-label'),
    points: byId('points'),
    split: byId('split'),
    windows: byId('windows'),
  };
  const legend = byId('loss-legend');
  const logScale = byId<VscodeCheckbox>('log-scale');
  const chartEl = byId('loss-chart');
  const empty = byId('loss-empty');
  const section = byId('run');
  section.tabIndex = -1; // focus target after dismissing an error
  let currentTheme = theme;
  let legendKey = '';

  let chartFailed = false;
  const chart = createLiveLossChart(chartEl, theme, (message) => {
    chartFailed = true;
    empty.textContent = `The chart could not be drawn: ${message}`;
    empty.hidden = false;
  });

  logScale.addEventListener('change', () => dispatch({ type: 'ui/logScale', on: logScale.checked }));

  function renderLegend(state: ForecastState): void {
    const run = state.run;
    const count = run ? Math.max(run.models.length, run.curves.length) : 0;
    const names = Array.from({ length: count }, (_, i) => modelName(state, i));
    const hasVal = Boolean(run?.curves.some((c) => c.some((p) => p.valLoss !== undefined)));
    const key = JSON.stringify([names, hasVal, currentTheme.models]);
    if (key === legendKey) return;
    legendKey = key;
    const items = names.map((name, i) => legendItem(modelColor(currentTheme, i), name, false));
    if (hasVal) items.push(legendItem(currentTheme.muted, 'validation (dashed)', true));
    legend.replaceChildren(...items);
  }

  return {
    chart,
    setTheme(next) {
      currentTheme = next;
      legendKey = '';
      chart.setTheme(next);
    },
    render(state) {
      const run = state.run;
      const running = run?.phase === 'reading' || run?.phase === 'training';

      // Reading the CSV.
      const reading = run?.phase === 'reading' ? run.reading : undefined;
      setHidden(ingestProgress, run?.phase !== 'reading');
      setHidden(trainingProgress, run?.phase === 'reading');
      if (run?.phase === 'reading') {
        const total = reading?.totalBytes ?? 0;
        const fraction = reading && total > 0 ? Math.min(1, reading.bytesRead / total) : 0;
        const probing = run.probing;
        setText(
          ingestText,
          probing
            ? `Choosing what the model sees (on the validation part): ${probing.probe} of ${probing.probes}, ${probing.what}`
            : reading
              ? `Reading ${run.file}: ${formatBytes(reading.bytesRead)} of ${formatBytes(total)} (${Math.floor(fraction * 100)} %)`
              : `Reading ${run.file}…`,
        );
        setText(ingestRows, reading ? `${plural(reading.rows, 'row')} read` : '');
        const done = probing ? (probing.probe - 1) / probing.probes : fraction;
        if (ingestBar.value !== done) ingestBar.value = done;
        ingestBar.max = 1;
      }

      // Training.
      const training = run?.phase === 'training';
      const fraction = progressFraction(run);
      runStatus.render({
        state: stateLine(state),
        cancellable: running && !state.cancelRequested,
        epoch: epochLine(state),
        elapsed: run && run.phase !== 'reading' && (run.elapsedMs > 0 || training) ? formatDuration(run.elapsedMs) : '—',
        remaining: training ? (Number.isFinite(run.remainingMs) ? formatDuration(run.remainingMs) : '…') : undefined,
        fraction,
        progressLabel: run ? `Training progress: ${Math.round(fraction * 100)} %` : 'Training progress',
        stopped: run?.phase === 'cancelled' || run?.phase === 'failed',
      });

      // How the CSV was read.
      const ingest = run?.ingest;
      setHidden(summary, !ingest);
      if (ingest && run) {
        setText(tiles.rowsRead, formatCount(ingest.rows));
        setText(tiles.skipped, formatCount(ingest.rowsSkipped));
        const s = ingest.skipped;
        tiles.skippedTile.title = s
          ? `Missing value: ${formatCount(s.missingValue)} · non-numeric: ${formatCount(s.nonNumericValue)} · bad time: ${formatCount(s.badTime)}`
          : '';
        tiles.skippedTile.classList.toggle('is-warning', ingest.rowsSkipped > 0);
        setText(tiles.duplicates, formatCount(ingest.duplicates));
        tiles.duplicatesTile.classList.toggle('is-warning', ingest.duplicates > 0);
        setText(tiles.gaps, formatCount(ingest.gaps));
        tiles.gapsTile.classList.toggle('is-warning', ingest.gaps > 0);
        setText(tiles.pointsLabel, `Points (${describeResample(ingest.resample, ingest.aggregation)})`);
        tiles.pointsLabel.title = `Interval: ${ingest.resampleReason}`;
        setText(tiles.points, formatCount(ingest.points));
        const split = run.split;
        setText(tiles.split, split ? `${formatCount(split.trainPoints)} / ${formatCount(split.testPoints)}` : '—');
        setText(tiles.windows, split ? `${formatCount(split.window)} → ${formatCount(split.windows)}` : '—');
      }

      // The live loss chart.
      renderLegend(state);
      if (logScale.checked !== state.logScale) logScale.checked = state.logScale;
      const rows = lossRows(state);
      if (!chartFailed) {
        setText(empty, run?.loaded ? 'A saved model was applied: nothing trained, so there is no loss curve.' : EMPTY_LOSS);
      }
      setHidden(empty, rows.length > 0 && !chartFailed);
      chartEl.classList.toggle('is-empty', rows.length === 0);
      const maxEpoch = Math.max(1, run?.epochs ?? 1, run?.modelEpochs ?? 1, ...(state.result?.models.map((m) => m.epochs) ?? []));
      chart.show({ rows, maxEpoch, logScale: state.logScale });
    },
  };
}
