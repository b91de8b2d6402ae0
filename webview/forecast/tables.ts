/**
 * The metrics table and the leaderboard table of a finished run, as DOM rows. Every metric
 * is in the series' own units (MAPE in percent, MASE unitless), NaN / null shown as "n/a";
 * a model that does not beat the best baseline (the lower-MAE of the last value and the
 * seasonal naive forecast) is flagged on its row, never hidden.
 */
import { formatMsPerEpoch, plural } from '../shared/format';
import { formatChange, formatMase, formatPercent, formatValue, NOT_AVAILABLE, stepWord } from './format';
import { bestPlotBaseline, type Metric, type PlotBaseline, type PlotLeaderboardEntry, type PlotMetrics, type PlotModel, type PlotResult } from '../../src/protocol/forecastPlot';

type MetricKey = keyof PlotMetrics;
const METRICS: readonly MetricKey[] = ['mae', 'rmse', 'mape', 'mase'];

const FORMAT: Record<MetricKey, (v: Metric) => string> = {
  mae: formatValue,
  rmse: formatValue,
  mape: formatPercent,
  mase: formatMase,
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function icon(name: string): HTMLSpanElement {
  const span = el('span', `codicon codicon-${name}`);
  span.setAttribute('aria-hidden', 'true');
  return span;
}

/** How a model compares with the best baseline. */
interface Verdict {
  /** 'better': beats the best baseline; 'worse': does not (equal counts as not better); 'unknown': a MAE is n/a. */
  kind: 'better' | 'worse' | 'unknown';
  /** MAE relative to the best baseline's: -0.12 is 12 % lower. */
  change: number;
  /** That baseline's label. */
  against: string;
}

/** MAE `a` relative to `b`: -0.12 is 12 % lower; NaN when either is n/a. */
function relative(a: Metric, b: Metric): number {
  if (a === null || b === null) return NaN;
  return b !== 0 ? (a - b) / b : a === b ? 0 : Infinity;
}

function verdict(model: PlotMetrics, baseline: PlotBaseline, entry?: PlotLeaderboardEntry): Verdict {
  const a = model.mae;
  const b = baseline.metrics.mae;
  const against = baseline.label;
  if (a === null || b === null) return { kind: entry?.beatsBaseline ? 'better' : 'unknown', change: NaN, against };
  const beats = entry ? entry.beatsBaseline : a < b;
  // Ranked by the backtest, the verdict is the backtest's: the held-out change would contradict it.
  return { kind: beats ? 'better' : 'worse', change: entry?.rankedBy === 'backtest' ? NaN : relative(a, b), against };
}

/** The verdict as a flag: "Beats baseline (−12.3 % MAE)"; `compact`: "−12.3 % MAE". */
function flag(v: Verdict, compact = false): HTMLSpanElement {
  const change = Number.isFinite(v.change) ? `${formatChange(v.change)} MAE` : '';
  if (v.kind === 'better') {
    const span = el('span', 'flag flag-better');
    span.append(icon('pass'), compact ? change || 'beats baseline' : `Beats baseline${change ? ` (${change})` : ''}`);
    span.title = `Lower held-out MAE than the best baseline, ${v.against}.`;
    return span;
  }
  if (v.kind === 'worse') {
    const span = el('span', 'flag flag-worse');
    const words = v.change > 0 ? 'Worse than baseline' : 'No better than baseline';
    span.append(icon('warning'), compact ? `${change ? `${change}, ` : ''}${words.toLowerCase().replace(' than baseline', '')}` : `${words}${change ? ` (${change})` : ''}`);
    span.title = `This model does not beat the best baseline, ${v.against}, on the held-out points.`;
    return span;
  }
  return el('span', 'flag', NOT_AVAILABLE);
}

function entryOf(result: PlotResult, model: PlotModel): PlotLeaderboardEntry | undefined {
  return result.leaderboard.find((e) => !e.baseline && e.name === model.name && e.label === model.label);
}

/** The lowest value of each metric among the models and the baselines. */
function bests(rows: readonly PlotMetrics[]): Record<MetricKey, number> {
  const out = {} as Record<MetricKey, number>;
  for (const key of METRICS) {
    const values = rows.map((m) => m[key]).filter((v): v is number => v !== null);
    out[key] = values.length > 0 ? Math.min(...values) : NaN;
  }
  return out;
}

function metricCells(m: PlotMetrics, best: Record<MetricKey, number>): HTMLTableCellElement[] {
  return METRICS.map((key) => {
    const value = m[key];
    const td = el('td', 'num', FORMAT[key](value));
    td.dataset.metric = key;
    if (value === null) td.classList.add('is-na');
    else if (value === best[key]) {
      td.classList.add('is-best');
      td.title = 'Lowest';
    }
    return td;
  });
}

function epochsText(m: PlotModel): string {
  if (m.loadedFrom !== undefined) return 'loaded';
  let text = `${m.epochsRun} / ${m.epochs}`;
  if (m.stoppedEarly) text += ` · best ${m.bestEpoch}`;
  if (m.cancelled) text += ' · cancelled';
  return text;
}

function labelCell(label: string, tag?: { text: string; className: string }, title?: string): HTMLTableCellElement {
  const th = el('th', 'model-cell');
  th.scope = 'row';
  th.append(el('span', 'model-label', label));
  if (tag) th.append(el('span', `tag ${tag.className}`, tag.text));
  if (title) th.title = title;
  return th;
}

/** What a baseline's "vs baseline" cell says: the best one is the reference; another, its MAE against the reference. */
function baselineVerdict(b: { name: string; metrics: PlotMetrics }, best: PlotBaseline): HTMLElement {
  if (b.name === best.name) return el('span', 'meta', 'the reference');
  const change = relative(b.metrics.mae, best.metrics.mae);
  const span = el('span', 'meta', Number.isFinite(change) ? `${formatChange(change)} MAE` : NOT_AVAILABLE);
  span.title = `A baseline; MAE against the best one, ${best.label}.`;
  return span;
}

/** What each baseline predicts, for its row's tooltip. */
function baselineTitle(b: PlotBaseline, result: PlotResult): string {
  return b.name === 'persistence'
    ? 'Predicts each held-out point by the actual value before it'
    : `Predicts each held-out point by the actual value ${plural(b.period, stepWord(result.ingest.resample))} before it`;
}

export function metricsRows(result: PlotResult): HTMLTableRowElement[] {
  const base = bestPlotBaseline(result);
  const best = bests([...result.baselines.map((b) => b.metrics), ...result.models.map((m) => m.metrics)]);
  const rows = result.models.map((m, i) => {
    const tr = el('tr');
    const v = verdict(m.metrics, base, entryOf(result, m));
    tr.className = v.kind === 'worse' ? 'is-worse' : v.kind === 'better' ? 'is-better' : '';
    tr.dataset.model = m.name;
    tr.dataset.index = String(i);
    const forecasting = result.forecast?.modelIndex === i ? { text: 'forecast', className: 'tag-forecast' } : undefined;
    const vs = el('td', 'verdict');
    vs.append(flag(v));
    tr.append(
      labelCell(m.label, forecasting, m.loadedFrom ? `Loaded from ${m.loadedFrom}` : m.savedTo ? `Saved to ${m.savedTo}` : undefined),
      ...metricCells(m.metrics, best),
      vs,
      el('td', 'num', epochsText(m)),
      el('td', 'num', m.loadedFrom !== undefined ? '—' : formatMsPerEpoch(m.msPerEpoch)),
    );
    return tr;
  });
  for (const b of result.baselines) {
    const tr = el('tr', 'is-baseline');
    tr.dataset.model = b.name;
    const vs = el('td', 'verdict');
    vs.append(baselineVerdict(b, base));
    tr.append(
      labelCell(b.label, { text: 'baseline', className: 'tag-baseline' }, baselineTitle(b, result)),
      ...metricCells(b.metrics, best),
      vs,
      el('td', 'num', '—'),
      el('td', 'num', '—'),
    );
    rows.push(tr);
  }
  return rows;
}

export function leaderboardRows(result: PlotResult): HTMLTableRowElement[] {
  const base = bestPlotBaseline(result);
  return [...result.leaderboard]
    .sort((a, b) => a.rank - b.rank)
    .map((e) => {
      const tr = el('tr');
      tr.dataset.model = e.name;
      tr.dataset.rank = String(e.rank);
      const v = e.baseline ? undefined : verdict(e.metrics, base, e);
      tr.className = e.baseline ? 'is-baseline' : v?.kind === 'worse' ? 'is-worse' : v?.kind === 'better' ? 'is-better' : '';
      const rank = el('td', 'num rank', String(e.rank));
      if (e.rank === 1) rank.classList.add('is-first');
      const vs = el('td', 'verdict');
      if (v) vs.append(flag(v, true));
      else vs.append(baselineVerdict(e, base));
      const mase = el('td', 'num', formatMase(e.metrics.mase));
      mase.dataset.metric = 'mase';
      const mae = el('td', 'num', formatValue(e.metrics.mae));
      mae.dataset.metric = 'mae';
      tr.append(rank, labelCell(e.label, e.baseline ? { text: 'baseline', className: 'tag-baseline' } : undefined), mase, mae, vs);
      return tr;
    });
}
