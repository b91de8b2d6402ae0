/**
 * `npm run bench:forecast`: how good the product's forecasts are, with whatever defaults the
 * core has today (settings name only the column), against baselines and statistical peers.
 * For each series of bench/forecastSeries.ts:
 *   one-step MAE over the job's own held-out part: every default model, the job's best, the
 *     tutorial recipe, persistence, seasonal naive, ETS and SARIMA (bench/forecast_reference.py);
 *   multi-step MAE over the 30 points past the end: the job run on the CSV without its last 30
 *     rows, its forecast against those rows, and the same for the baselines and peers; and the
 *     share of those rows inside the forecast's 80 % and 95 % intervals.
 * Every method sees the product's series (`result.series.value`, resampled as the job did).
 * Prints a markdown table, also written to test-results/forecast-quality.md. See bench/README.md.
 *   --only=co2,births-cdc   these series only
 *   --quick                 5 epochs (a smoke test of the harness, not a measurement)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultWasmDir, initBackend } from '../src/core/backend';
import { runForecastJob } from '../src/core/forecast/forecastJob';
import type { ForecastJobResult } from '../src/core/forecast/forecastResult';
import type { ForecastSettings } from '../src/core/forecast/forecastSettings';
import { BENCH_SERIES, type BenchSeries } from './forecastSeries';
import { benchDataDir } from './npmData';

const HORIZON = 30;
const PYTHON = '/usr/bin/python3';
const quick = process.argv.includes('--quick');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');

/** What forecast_reference.py answers per method (null: the fit failed, see note). */
interface PeerForecasts {
  onestep: (number | null)[] | null;
  multistep: (number | null)[] | null;
  note: string;
}
interface PeerReply {
  ets: PeerForecasts;
  sarima: PeerForecasts;
}

interface SeriesScore {
  series: BenchSeries;
  points: number;
  interval: string;
  period: number;
  testPoints: number;
  /** One-step MAE of each default model, in training order. */
  defaultModels: { name: string; mae: number }[];
  best: { name: string; mae: number } | null;
  tutorial: number;
  persistence: number;
  /** The job's own persistence baseline (a check of the harness's split). */
  jobPersistence: number;
  seasonalNaive: number;
  ets: number;
  sarima: number;
  multi: { best: number; bestName: string; naive: number; seasonalNaive: number; ets: number; sarima: number; steps: number; intervals: IntervalCheck[] };
  notes: string[];
  seconds: number;
}

/** Mean absolute error over the pairs where both are numbers; NaN when there are none. */
function mae(actual: readonly number[], predicted: readonly (number | null)[] | null | undefined): number {
  if (!predicted || predicted.length !== actual.length) return NaN;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const p = predicted[i];
    if (p === null || !Number.isFinite(p) || !Number.isFinite(actual[i])) continue;
    sum += Math.abs(actual[i] - p);
    count++;
  }
  return count === 0 ? NaN : sum / count;
}

/** One nominal level of the forecast's intervals: the share of the hidden points inside, and the coverage the job measured on its own held-out backtest. */
interface IntervalCheck {
  level: number;
  inside: number;
  stated: number;
}

/** How the shortened run's intervals covered the hidden points (none without intervals). */
function intervalChecks(result: ForecastJobResult | null, hidden: readonly number[]): IntervalCheck[] {
  return (result?.intervals?.levels ?? []).map(({ level, lower, upper, coverage }) => ({
    level,
    inside: hidden.filter((value, k) => value >= lower[k] && value <= upper[k]).length / hidden.length,
    stated: coverage,
  }));
}

/** One-step predictions of values[from..]: the value `lag` points earlier. */
function lagged(values: readonly number[], from: number, lag: number): number[] {
  return values.slice(from).map((_, i) => values[from + i - lag]);
}

/** `steps` forecasts past values[0..end): the last value (naive) or the last season repeated. */
function repeated(values: readonly number[], end: number, steps: number, period: number): number[] {
  return Array.from({ length: steps }, (_, k) => values[end - period + (k % period)]);
}

/** The season length on the series the product built: the kind's own, unless the job resampled coarser. */
function periodFor(series: BenchSeries, interval: string): number {
  if (interval === 'week') return 52;
  if (interval === 'month') return 12;
  return series.period;
}

let peersNote: string | null = null;

/** Whether the peers can run (statsmodels importable); else the note says why, once. */
function peersAvailable(): boolean {
  if (peersNote !== null) return peersNote === '';
  const check = spawnSync(PYTHON, ['-c', 'import statsmodels, numpy'], { encoding: 'utf8' });
  peersNote = check.status === 0 ? '' : `peers skipped: \`${PYTHON} -c "import statsmodels"\` failed (${(check.stderr || String(check.error ?? '')).trim().split('\n').pop() ?? ''})`;
  return peersNote === '';
}

/** ETS and SARIMA forecasts from bench/forecast_reference.py, or null when they cannot run. */
function peers(values: readonly number[], test: number, period: number): PeerReply | null {
  if (!peersAvailable()) return null;
  const script = path.resolve(__dirname, '..', '..', 'bench', 'forecast_reference.py');
  const run = spawnSync(PYTHON, [script], {
    input: JSON.stringify({ values, test, period, horizon: HORIZON }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 600_000,
  });
  if (run.status !== 0) {
    console.error(`forecast_reference.py failed: ${run.stderr.trim().split('\n').pop() ?? ''}`);
    return null;
  }
  return JSON.parse(run.stdout) as PeerReply;
}

/** A copy of the CSV without its last `rows` data rows. */
function truncatedCsv(file: string, id: string, rows: number): string {
  const lines = readFileSync(file, 'utf8').replace(/\s+$/, '').split('\n');
  const out = path.join(benchDataDir(), 'truncated', `${id}-minus-${rows}.csv`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${lines.slice(0, lines.length - rows).join('\n')}\n`);
  return out;
}

function bestOf(result: ForecastJobResult): { name: string; mae: number } | null {
  const best = result.leaderboard.find((entry) => !entry.baseline);
  const run = result.models.find((model) => model.name === best?.name);
  return run ? { name: run.name, mae: run.metrics.mae } : null;
}

/** The row of a series whose default job failed. */
function failed(series: BenchSeries, notes: string[], seconds: number): SeriesScore {
  const multi = { best: NaN, bestName: '–', naive: NaN, seasonalNaive: NaN, ets: NaN, sarima: NaN, steps: 0, intervals: [] };
  return { series, points: 0, interval: '–', period: series.period, testPoints: 0, defaultModels: [], best: null, tutorial: NaN, persistence: NaN, jobPersistence: NaN, seasonalNaive: NaN, ets: NaN, sarima: NaN, multi, notes, seconds };
}

async function score(series: BenchSeries): Promise<SeriesScore> {
  const started = performance.now();
  const notes: string[] = [];
  const csv = series.csv(benchDataDir());
  const epochs: Partial<ForecastSettings> = quick ? { epochs: 5 } : {};
  const log = (what: string) => console.error(`  ${series.id}: ${what} (${((performance.now() - started) / 1000).toFixed(0)} s)`);

  /** A job, or null when the product refuses it (the note says why). */
  const attempt = async (what: string, settings: Partial<ForecastSettings>, file = csv): Promise<ForecastJobResult | null> => {
    try {
      const result = await runForecastJob({ csv: file, settings: { column: series.column, ...epochs, ...settings } });
      log(`${what}: trained ${result.models.map((m) => m.name).join(', ')}`);
      return result;
    } catch (error) {
      notes.push(`${what}: the job failed: ${error instanceof Error ? error.message : String(error)}`);
      log(`${what}: failed`);
      return null;
    }
  };

  const defaults = await attempt('defaults', {});
  if (!defaults) return failed(series, notes, (performance.now() - started) / 1000);
  const tutorial = await attempt('tutorial recipe', { recipe: 'tutorial', ...(quick ? { epochs: 5 } : {}) });
  const horizon: Partial<ForecastSettings> = defaults.horizon === HORIZON ? {} : { horizon: HORIZON };
  const shortened = await attempt(`defaults without the last ${HORIZON} rows`, horizon, truncatedCsv(csv, series.id, HORIZON));

  const values = defaults.series.value;
  const test = defaults.split.testPoints;
  const from = values.length - test;
  const heldOut = values.slice(from);
  const interval = defaults.ingest.resample;
  const period = periodFor(series, interval);
  if (tutorial && (tutorial.split.testPoints !== test || tutorial.series.value.length !== values.length)) {
    notes.push(`the tutorial recipe's MAE is over its own ${tutorial.split.testPoints} held-out points of ${tutorial.series.value.length}`);
  }

  // The hidden points: the full run's points after the shortened run's last time (the last 30 when it failed).
  const lastShort = shortened ? shortened.series.t[shortened.series.t.length - 1] : defaults.series.t[values.length - HORIZON - 1];
  const hiddenStart = defaults.series.t.findIndex((t) => t > lastShort);
  const hidden = hiddenStart < 0 ? [] : values.slice(hiddenStart, hiddenStart + HORIZON);
  if (hiddenStart !== values.length - HORIZON) notes.push(`the shortened CSV ends at point ${hiddenStart} of ${values.length}, not ${values.length - HORIZON}`);
  const forecast = shortened?.forecast?.value.slice(0, hidden.length) ?? null;
  const end = hiddenStart < 0 ? values.length : hiddenStart;

  const reply = peers(values.slice(0, end + hidden.length), test, period);
  for (const [name, peer] of Object.entries(reply ?? {}) as [string, PeerForecasts][]) if (peer.note) notes.push(`${name}: ${peer.note}`);

  const persistence = mae(heldOut, lagged(values, from, 1));
  const jobPersistence = defaults.baselines[0].metrics.mae;
  if (Math.abs(persistence - jobPersistence) > 1e-9 * Math.max(1, Math.abs(jobPersistence))) {
    notes.push(`persistence here ${persistence} differs from the job's baseline ${jobPersistence}`);
  }
  const seconds = (performance.now() - started) / 1000;
  log('done');
  return {
    series,
    points: values.length,
    interval,
    period,
    testPoints: test,
    defaultModels: defaults.models.map((model) => ({ name: model.name, mae: model.metrics.mae })),
    best: bestOf(defaults),
    tutorial: tutorial ? (bestOf(tutorial)?.mae ?? NaN) : NaN,
    persistence,
    jobPersistence,
    seasonalNaive: mae(heldOut, lagged(values, from, period)),
    ets: mae(heldOut, reply?.ets.onestep),
    sarima: mae(heldOut, reply?.sarima.onestep),
    multi: {
      best: mae(hidden, forecast),
      bestName: shortened?.forecast?.model ?? '–',
      naive: mae(hidden, repeated(values, end, hidden.length, 1)),
      seasonalNaive: mae(hidden, repeated(values, end, hidden.length, period)),
      ets: mae(hidden, reply?.ets.multistep),
      sarima: mae(hidden, reply?.sarima.multistep),
      steps: hidden.length,
      intervals: intervalChecks(shortened, hidden),
    },
    notes,
    seconds,
  };
}

const num = (x: number) => (!Number.isFinite(x) ? '–' : Math.abs(x) >= 100 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(3) : x.toPrecision(3));
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '–');

function render(scores: SeriesScore[], backend: string): string {
  const lines = [
    `# Forecast quality`,
    '',
    `${new Date().toISOString()}, backend ${backend}, ${quick ? '**--quick (5 epochs: a smoke test, not a measurement)**' : "the core's default epochs"}. MAE in the series' units; ratios < 1: the product is better.`,
    '',
    '## One-step MAE on the job\'s held-out part',
    '',
    '| series | use | kind | points | interval | held out | default models | best default | tutorial recipe | persistence | seasonal naive (period) | ETS | SARIMA | best / persistence | best / seasonal naive | best / SARIMA | wall s |',
    '|---|---|---|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of scores) {
    const best = s.best ? `${num(s.best.mae)} (${s.best.name})` : '–';
    const bestMae = s.best?.mae ?? NaN;
    lines.push(
      `| ${s.series.id}${s.series.derived ? ' (derived)' : ''} | ${s.series.use} | ${s.series.kind} | ${s.points} | ${s.interval} | ${s.testPoints} | ${s.defaultModels.map((m) => `${m.name} ${num(m.mae)}`).join(', ')} | ${best} | ${num(s.tutorial)} | ${num(s.persistence)} | ${num(s.seasonalNaive)} (${s.period}) | ${num(s.ets)} | ${num(s.sarima)} | ${ratio(bestMae, s.persistence)} | ${ratio(bestMae, s.seasonalNaive)} | ${ratio(bestMae, s.sarima)} | ${s.seconds.toFixed(0)} |`,
    );
  }
  lines.push(
    '',
    `## Multi-step MAE over the ${HORIZON} points past the end (the job run without them)`,
    '',
    '| series | steps | best default | naive (last value) | seasonal naive | ETS | SARIMA | best / naive | best / seasonal naive | best / ETS | inside 80 % interval (its backtest) | inside 95 % interval (its backtest) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  const share = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)} %` : '–');
  const inside = (m: SeriesScore['multi'], level: number) => {
    const check = m.intervals.find((i) => i.level === level);
    return check ? `${share(check.inside)} (${share(check.stated)})` : '–';
  };
  for (const s of scores) {
    const m = s.multi;
    lines.push(
      `| ${s.series.id} | ${m.steps} | ${num(m.best)} (${m.bestName}) | ${num(m.naive)} | ${num(m.seasonalNaive)} | ${num(m.ets)} | ${num(m.sarima)} | ${ratio(m.best, m.naive)} | ${ratio(m.best, m.seasonalNaive)} | ${ratio(m.best, m.ets)} | ${inside(m, 0.8)} | ${inside(m, 0.95)} |`,
    );
  }
  const notes = scores.flatMap((s) => s.notes.map((note) => `- ${s.series.id}: ${note}`));
  if (peersNote) notes.unshift(`- ${peersNote}`);
  lines.push('', '## Data', '', ...scores.map((s) => `- ${s.series.id}: ${s.series.source}, column \`${s.series.column}\``));
  if (notes.length > 0) lines.push('', '## Notes', '', ...notes);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const backend = await initBackend('auto', defaultWasmDir(__dirname));
  if (backend.fallbackReason) console.error(backend.fallbackReason);
  const selected = BENCH_SERIES.filter((series) => !only || only.includes(series.id));
  const unknown = (only ?? []).filter((id) => !BENCH_SERIES.some((series) => series.id === id));
  if (unknown.length > 0) throw new Error(`unknown series ${unknown.join(', ')}; known: ${BENCH_SERIES.map((s) => s.id).join(', ')}`);
  console.error(`backend ${backend.name}; ${selected.length} series${quick ? ', --quick (5 epochs)' : ''}`);
  const scores: SeriesScore[] = [];
  for (const series of selected) scores.push(await score(series));
  const table = render(scores, backend.name);
  console.log(table);
  mkdirSync('test-results', { recursive: true });
  writeFileSync(path.join('test-results', 'forecast-quality.md'), `${table}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
