/**
 * The forecast panel's charts that compare the models, themed from VS Code (see palette.ts):
 *  - heldOutSpec: the tutorial's plot, true values against each model's and each baseline's
 *    predictions over the held-out part, with a tooltip of every line at the pointer's time;
 *  - leaderboardSpec: MASE (MAE when MASE is n/a) per model and baseline, the best baseline's
 *    value a rule.
 */
import type { LayerSpec, PositionDef, TooltipField, TopLevelSpec } from '../shared/specTypes';
import { formatMase, formatTime, formatValue } from './format';
import { baselineColor, modelColor, type ForecastTheme } from './palette';
import { bestPlotBaseline, type PlotBaseline, type PlotResult } from '../../src/protocol/forecastPlot';
import { modelLabels } from './resultLabels';
import { frame, highContrast } from './specBase';
import { timeAxis, valueAxis } from './specParts';
import { xZoom } from './zoom';

/** "Baseline (last value)", "Baseline (same day last week)": a baseline's label without its parenthesis. */
function baselineLineLabel(b: PlotBaseline): string {
  const words = b.label.replace(/\s*\(.*\)$/, '');
  return `Baseline (${words.charAt(0).toLowerCase()}${words.slice(1)})`;
}

/** Persistence a dashed line, the seasonal naive one a finer dash. */
const baselineDash = (b: PlotBaseline) => (b.name === 'seasonalNaive' ? [2, 3] : [5, 4]);

/** True values (red) against each model's and each baseline's predictions. */
export function heldOutSpec(theme: ForecastTheme, result: PlotResult): TopLevelSpec {
  const hc = highContrast(theme);
  const kind = result.ingest.timeKind;
  const date = (t: number) => formatTime(t, kind, result.ingest.step);
  const { heldOut, models, baselines } = result;
  const actualLabel = 'Actual';
  const baselineLabels = baselines.map(baselineLineLabel);
  const labels = modelLabels(result);
  const domain = [actualLabel, ...labels, ...baselineLabels];
  const range = [theme.actual, ...models.map((_, i) => modelColor(theme, i)), ...baselines.map((b) => baselineColor(theme, b.name))];
  const dashes = [[1, 0], ...models.map(() => [1, 0]), ...baselines.map(baselineDash)];
  const rows: Array<{ t: number; line: string; value: number; date: string }> = [];
  const add = (label: string, values: readonly number[]) =>
    heldOut.t.forEach((t, i) => Number.isFinite(values[i]) && rows.push({ t, line: label, value: values[i], date: date(t) }));
  add(actualLabel, heldOut.value);
  models.forEach((m, i) => add(labels[i], m.predicted));
  baselines.forEach((b, i) => add(baselineLabels[i], b.predicted));
  // One row per time with every line's value, for the tooltip.
  const wide = heldOut.t.map((t, i) => {
    const row: Record<string, number | string> = { t, date: date(t), actual: heldOut.value[i] };
    models.forEach((m, k) => (row[`m${k}`] = m.predicted[i]));
    baselines.forEach((b, k) => (row[`b${k}`] = b.predicted[i]));
    return row;
  });
  const fmt = ',.6~g';
  const x = timeAxis(kind);
  const few = heldOut.t.length <= 90;
  const tooltip: TooltipField[] = [
    { field: 'date', type: 'nominal', title: kind === 'time' ? 'Time' : 'Row' },
    { field: 'actual', type: 'quantitative', title: actualLabel, format: fmt },
    ...labels.map((label, k): TooltipField => ({ field: `m${k}`, type: 'quantitative', title: label, format: fmt })),
    ...baselineLabels.map((label, k): TooltipField => ({ field: `b${k}`, type: 'quantitative', title: label, format: fmt })),
  ];
  return {
    ...frame(theme, 280),
    description: `True and predicted ${result.ingest.column} over the held-out part`,
    datasets: { lines: rows, wide },
    layer: [
      {
        data: { name: 'lines' },
        params: [xZoom('heldOutZoom')],
        mark: { type: 'line', strokeWidth: hc ? 2.5 : 1.75, clip: true, strokeJoin: 'round', ...(few ? { point: { size: hc ? 22 : 12, filled: true } } : {}) },
        encoding: {
          x,
          y: valueAxis(result),
          // In rows of two: the five or more entries do not fit a card of the two-column grid on one line.
          color: { field: 'line', type: 'nominal', scale: { domain, range }, sort: domain, title: null, legend: { columns: 2 } },
          strokeDash: { field: 'line', type: 'nominal', scale: { domain, range: dashes }, sort: domain, title: null, legend: { columns: 2 } },
        },
      },
      {
        data: { name: 'wide' },
        params: [{ name: 'heldOutHover', select: { type: 'point', encodings: ['x'], nearest: true, on: 'pointermove', clear: 'pointerout' } }],
        mark: { type: 'rule', color: theme.muted, strokeDash: [3, 3], strokeWidth: 1 },
        encoding: { x, opacity: { condition: { param: 'heldOutHover', empty: false, value: 0.8 }, value: 0 }, tooltip },
      },
    ],
  };
}

/** Bars of MASE (or MAE when the baselines' MASE is n/a), best first; the best baseline's value a rule. */
export function leaderboardSpec(theme: ForecastTheme, result: PlotResult): TopLevelSpec {
  const hc = highContrast(theme);
  const best = bestPlotBaseline(result);
  const base = result.leaderboard.find((e) => e.baseline && e.name === best.name);
  const useMase = base !== undefined && base.metrics.mase !== null;
  const metricOf = (m: { mae: number | null; mase: number | null }) => (useMase ? m.mase : m.mae);
  const baseValue = base ? metricOf(base.metrics) : null;
  const rows = [...result.leaderboard]
    .sort((a, b) => a.rank - b.rank)
    .map((e) => {
      const value = metricOf(e.metrics);
      const index = result.models.findIndex((m) => m.name === e.name && m.label === e.label);
      const worse = !e.baseline && !e.beatsBaseline;
      return {
        label: `${e.rank}. ${e.label}`,
        rank: e.rank,
        value: value ?? 0,
        missing: value === null,
        text: `${value === null ? 'n/a' : useMase ? formatMase(value) : formatValue(value)}${worse ? ' ▲ worse' : ''}`,
        color: e.baseline ? baselineColor(theme, e.name) : modelColor(theme, Math.max(0, index)),
        textColor: worse ? theme.worse : theme.foreground,
        worse,
      };
    });
  const title = useMase ? 'MASE (lower is better)' : `MAE in ${result.ingest.column} (lower is better)`;
  // Room right of the longest bar for its label.
  const longest = Math.max(0, baseValue ?? 0, ...rows.map((r) => r.value));
  const x: PositionDef = {
    field: 'value',
    type: 'quantitative',
    title,
    scale: { zero: true, nice: false, domainMax: longest > 0 ? longest * 1.3 : 1 },
    axis: { grid: true, tickCount: 5 },
  };
  const y: PositionDef = { field: 'label', type: 'nominal', sort: { field: 'rank', order: 'ascending' }, title: null, axis: { labelLimit: 300, ticks: false, domain: false } };
  const layers: LayerSpec[] = [
    {
      mark: { type: 'bar', cornerRadiusEnd: 2, height: { band: 0.62 }, ...(hc ? { stroke: theme.foreground, strokeWidth: 1 } : {}) },
      encoding: {
        x,
        y,
        color: { field: 'color', type: 'nominal', scale: null, legend: null },
        opacity: { condition: { test: 'datum.missing', value: 0 }, value: 0.9 },
        tooltip: [
          { field: 'label', type: 'nominal', title: 'Model' },
          { field: 'text', type: 'nominal', title: useMase ? 'MASE' : 'MAE' },
        ],
      },
    },
    {
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 5, fontSize: Math.max(10, Math.round(theme.fontSize * 0.85)) },
      encoding: { x, y, text: { field: 'text' }, color: { field: 'textColor', type: 'nominal', scale: null, legend: null } },
    },
  ];
  if (baseValue !== null) {
    const at = { values: [{ value: baseValue, label: 'baseline' }] };
    layers.push(
      {
        data: at,
        mark: { type: 'rule', color: theme.foreground, strokeDash: [4, 3], strokeWidth: hc ? 2 : 1.25 },
        encoding: { x: { field: 'value', type: 'quantitative' } },
      },
      {
        data: at,
        mark: { type: 'text', align: 'center', baseline: 'bottom', dy: -2, color: theme.muted, fontStyle: 'italic' },
        encoding: { x: { field: 'value', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } },
      },
    );
  }
  return {
    ...frame(theme, Math.max(60, rows.length * 30)),
    description: `Leaderboard: ${title}`,
    data: { values: rows },
    layer: layers,
    padding: { left: 4, right: 12, top: 16, bottom: 4 },
  };
}
