/**
 * `rnn-studio forecast`: runs the core's forecasting job and prints it — progress and tables
 * for a person, or one JSON object with --json. The work is in src/core/forecast.
 */
import { defaultWasmDir, initBackend } from '../core/backend';
import { checkSaveTarget } from '../core/persistence/saveTarget';
import { runForecastJob } from '../core/forecast/forecastJob';
import type { ForecastJobResult } from '../core/forecast/forecastResult';
import { INTERVALS } from '../core/forecast/intervals';
import type { ForecastMetrics } from '../core/forecast/metrics';
import { printBacktest, printIntervals } from './backtestText';
import type { ForecastCliRequest } from './forecastOptions';
import type { ForecastJson, MetricsJson } from './jsonOutput';

/** Progress is printed every this many epochs (and at the first and last one). */
const PRINT_EVERY_EPOCHS = 10;

type Print = (line: string) => void;

/** A time of the series as printed: ISO 8601 (date only at midnight), or the row number. */
function shownTime(timeKind: 'time' | 'index', t: number): string | number {
  if (timeKind === 'index') return t;
  return new Date(t).toISOString().replace('T00:00:00.000Z', '').replace('.000Z', 'Z');
}

const metricsJson = ({ mae, rmse, mape, mase }: ForecastMetrics): MetricsJson => ({ mae, rmse, mape, mase });

/** The forecast's 80 % and 95 % bounds at step k, when it has intervals. */
function boundsAt({ intervals }: ForecastJobResult, k: number): Pick<ForecastJson['forecast'][number], 'lower80' | 'upper80' | 'lower95' | 'upper95'> {
  const at = (level: number) => intervals?.levels.find((l) => l.level === level);
  const [i80, i95] = [at(0.8), at(0.95)];
  return i80 && i95 ? { lower80: i80.lower[k], upper80: i80.upper[k], lower95: i95.lower[k], upper95: i95.upper[k] } : {};
}

/** The one object `--json` prints (NaN metrics become null). */
function forecastJson(backend: string, result: ForecastJobResult): ForecastJson {
  const forecast = result.forecast;
  return {
    backend,
    rows: result.ingest.rows,
    rowsSkipped: result.ingest.rowsSkipped,
    points: result.ingest.points,
    models: result.models.map((run) => ({
      name: run.name,
      msPerEpoch: run.msPerEpoch,
      finalLoss: run.finalLoss,
      ...metricsJson(run.metrics),
      ...(run.ensemble ? { ensemble: run.ensemble } : {}),
    })),
    baseline: metricsJson(result.baselines[0].metrics),
    baselines: result.baselines.map(({ name, label, period, metrics }) => ({ name, label, period, ...metricsJson(metrics) })),
    forecast: forecast ? forecast.t.map((t, k) => ({ t: shownTime(result.ingest.timeKind, t), value: forecast.value[k], ...boundsAt(result, k) })) : [],
    backtest: result.backtest,
    intervals: result.intervals,
    chosen: result.chosen,
    suggestions: result.suggestions ?? [],
  };
}

const number = (value: number) => (Number.isNaN(value) ? 'n/a' : Math.abs(value) >= 1000 ? value.toFixed(0) : value.toPrecision(4));

function printSummary({ ingest, split, chosen }: Pick<ForecastJobResult, 'ingest' | 'split' | 'chosen'>, say: Print): void {
  const time = ingest.timeColumn ? `"${ingest.timeColumn}" (${ingest.timeFormat})` : 'row order';
  const resampled = ingest.resample === 'none' ? '' : ` (${INTERVALS[ingest.resample].adjective} ${ingest.aggregation}s: ${ingest.resampleReason})`;
  say(`Read ${ingest.rows} rows of "${ingest.column}" (${ingest.rowsSkipped} skipped), time ${time}: ${ingest.points} points${resampled}.`);
  say(`Split: ${split.trainPoints} training points (${split.windows} windows of ${split.window}), ${split.testPoints} held out from ${shownTime(ingest.timeKind, split.time)}.`);
  if (chosen.covariates && chosen.covariates.length > 0) say(`Inputs beside each value (covariates): ${chosen.covariates.join(', ')}.`);
}

/** What the leaderboard's order comes from. */
function rankingNote({ leaderboard, backtest }: Pick<ForecastJobResult, 'leaderboard' | 'backtest'>): string {
  return leaderboard[0]?.rankedBy === 'backtest' && backtest
    ? `Ranked by the backtest's mean MAE over ${backtest.origins.length} origins (${backtest.horizon} steps each); MAE, RMSE, MAPE and MASE above are the held-out one-step ones.`
    : 'Ranked by the held-out one-step MAE.';
}

function printResults(result: ForecastJobResult, say: Print): void {
  say('');
  const width = Math.max(28, ...result.leaderboard.map((entry) => `${entry.rank}. ${entry.label}`.length + 2));
  say(`${'model'.padEnd(width)}${'MAE'.padStart(12)}${'RMSE'.padStart(12)}${'MAPE %'.padStart(10)}${'MASE'.padStart(9)}  ms/epoch`);
  for (const entry of result.leaderboard) {
    const run = result.models.find((model) => model.name === entry.name);
    const { mae, rmse, mape, mase } = entry.metrics;
    const marker = entry.baseline ? '  (baseline)' : entry.beatsBaseline ? '' : '  (worse than the best baseline)';
    say(
      `${`${entry.rank}. ${entry.label}`.padEnd(width)}${number(mae).padStart(12)}${number(rmse).padStart(12)}${number(mape).padStart(10)}${number(mase).padStart(9)}  ${run ? run.msPerEpoch.toFixed(0) : ''}${marker}`,
    );
  }
  say(rankingNote(result));
  if (result.backtest) printBacktest(result.backtest, say);
  if (result.forecast) {
    say('');
    const band = result.intervals?.levels.find((l) => l.level === 0.95);
    say(`Forecast by ${result.forecast.model}, ${result.horizon} steps${band ? ' (95 % interval)' : ''}:`);
    result.forecast.t.forEach((t, k) =>
      say(`${String(shownTime(result.ingest.timeKind, t)).padEnd(22)}${number(result.forecast?.value[k] ?? NaN)}${band ? `  [${number(band.lower[k])}, ${number(band.upper[k])}]` : ''}`),
    );
  }
  if (result.intervals) printIntervals(result.intervals, say);
  for (const run of result.models) if (run.savedTo) say(`Model ${run.name} saved to ${run.savedTo}`);
  if (result.suggestions && result.suggestions.length > 0) {
    say('');
    say('What to try:');
    for (const s of result.suggestions) say(`- ${s.label}: ${s.reason}`);
  }
}

/** Runs the forecast command; Ctrl-C stops training and reports what was learned. */
export async function runForecastCommand(request: ForecastCliRequest, say: Print, warn: Print): Promise<void> {
  // Where the models go is checked before any time is spent training them.
  if (request.save !== undefined) await checkSaveTarget(request.save);
  const backend = await initBackend(request.backend, defaultWasmDir(__dirname));
  if (backend.fallbackReason) warn(backend.fallbackReason);
  if (!request.json) say(`Backend: ${backend.name}`);
  let stopRequested = false;
  const stop = () => {
    stopRequested = true;
  };
  process.once('SIGINT', stop);
  let result: ForecastJobResult;
  try {
    result = await runForecastJob(
      { csv: request.csv, settings: request.settings, load: request.load, save: request.save },
      {
        onProbe: ({ probe, probes, what }) => {
          if (!request.json) say(`Choosing what the model sees (${probe}/${probes}): ${what}`);
        },
        onStart: (start) => {
          if (request.json) return;
          printSummary(start, say);
          if (start.loaded) say(`Using the saved model in ${request.load}.`);
        },
        onEpoch: ({ model, epoch, epochs, loss, valLoss, member, members }) => {
          if (request.json || !(epoch === 1 || epoch % PRINT_EVERY_EPOCHS === 0 || epoch === epochs)) return;
          say(`${model}${members > 1 ? ` (seed ${request.settings.seed + member}, ${member + 1}/${members})` : ''} epoch: ${epoch}/${epochs}............. Loss: ${loss.toFixed(6)}${valLoss === undefined ? '' : `  val_loss: ${valLoss.toFixed(6)}`}`);
        },
        shouldStop: () => stopRequested,
      },
    );
  } finally {
    process.removeListener('SIGINT', stop);
  }
  for (const warning of result.warnings) warn(warning);
  if (request.json) say(JSON.stringify(forecastJson(backend.name, result)));
  else printResults(result, say);
}
