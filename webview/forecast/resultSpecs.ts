/**
 * The forecast panel's result charts, all themed from VS Code (see palette.ts):
 *  - seriesSpec: the whole series, the held-out part shaded with the split rule, the forecast
 *    continuing it on the same (dated) axis with its band; zoom and pan (interval selection
 *    bound to the scales) and a nearest-point tooltip;
 *  - heldOutSpec: the seed's plot, true values against each model's and the baseline's
 *    predictions over the held-out part, with a tooltip of every line at the pointer's time;
 *  - leaderboardSpec: MASE (MAE when MASE is n/a) per model and baseline, the baseline's value
 *    a rule.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatMase, formatTime, formatValue, presetName } from './format';
import { modelColor, type ForecastTheme } from './palette';
import type { PlotLine, PlotResult } from '../../src/protocol/forecastPlot';
import { frame, highContrast } from './specBase';

export interface Band {
  halfWidth: number;
  rmse: number;
}

/** ±1.96·RMSE of the forecasting model on the held-out part (the result carries no interval of its own). */
export function forecastBand(result: PlotResult): Band | undefined {
  const f = result.forecast;
  const rmse = f ? result.models[f.modelIndex]?.metrics.rmse : null;
  return typeof rmse === 'number' && Number.isFinite(rmse) ? { halfWidth: 1.96 * rmse, rmse } : undefined;
}

/** "Held out: the last 60 days (from 2024-03-02)". */
export function splitRuleText(result: PlotResult): string {
  const s = result.split;
  const kind = result.ingest.timeKind;
  const unit = result.ingest.resample === 'none' ? 'point' : result.ingest.resample;
  const n = s.testPoints;
  return `Held out: the last ${n.toLocaleString('en-US')} ${n === 1 ? unit : `${unit}s`} (from ${formatTime(s.time, kind, result.ingest.step)})`;
}

export function forecastLabel(result: PlotResult): string {
  const f = result.forecast;
  return f ? `Forecast · ${result.models[f.modelIndex]?.label ?? presetName(f.model)}` : 'Forecast';
}

export const BAND_LABEL = '±1.96·RMSE band (held-out)';

/** A spec assembled from plain objects (Vega-Lite's types are checked by compiling it in the tests). */
type Layer = Record<string, unknown>;
const spec = (s: Record<string, unknown>) => s as unknown as TopLevelSpec;

function timeAxis(kind: 'time' | 'index') {
  return {
    field: 't',
    type: kind === 'time' ? 'temporal' : 'quantitative',
    title: kind === 'time' ? null : 'Row',
    scale: kind === 'time' ? { type: 'utc' } : { zero: false, nice: false },
    axis: { labelOverlap: true, tickCount: 8, grid: true, gridOpacity: 0.35 },
  };
}

/** Rows of the series for plotting and tooltips. */
function seriesRows(result: PlotResult, from = -Infinity) {
  const { series, split } = result;
  const date = (t: number) => formatTime(t, result.ingest.timeKind, result.ingest.step);
  const rows = [];
  for (let i = 0; i < series.t.length; i++) {
    const t = series.t[i];
    if (t < from) continue;
    rows.push({ t, value: series.value[i], date: date(t), what: t >= split.time ? 'Actual (held out)' : 'Actual (training)', range: '' });
  }
  return rows;
}

/** Rows of a forecast, with its band when there is one. */
function forecastRows(result: PlotResult, line: PlotLine, label: string, band: Band | undefined) {
  const date = (t: number) => formatTime(t, result.ingest.timeKind, result.ingest.step);
  return line.t.map((t, i) => {
    const v = line.value[i];
    return {
      t,
      value: v,
      lower: band ? v - band.halfWidth : v,
      upper: band ? v + band.halfWidth : v,
      date: date(t),
      what: label,
      range: band ? `${formatValue(v - band.halfWidth)} – ${formatValue(v + band.halfWidth)}` : '',
    };
  });
}

function tooltipFields(result: PlotResult, band: Band | undefined) {
  return [
    { field: 'date', type: 'nominal', title: result.ingest.timeKind === 'time' ? 'Time' : 'Row' },
    { field: 'what', type: 'nominal', title: 'Line' },
    { field: 'value', type: 'quantitative', title: result.ingest.column, format: ',.6~g' },
    ...(band ? [{ field: 'range', type: 'nominal', title: '±1.96·RMSE' }] : []),
  ];
}

/** The held-out shading, its rule and its label. */
function heldOutLayers(theme: ForecastTheme, x: Layer, label: boolean): Layer[] {
  const hc = highContrast(theme);
  return [
    { data: { name: 'split' }, mark: { type: 'rect', color: theme.heldOut, opacity: hc ? 0.22 : 0.1 }, encoding: { x, x2: { field: 'end' } } },
    { data: { name: 'split' }, mark: { type: 'rule', color: theme.heldOut, strokeDash: [4, 3], strokeWidth: hc ? 2 : 1.25 }, encoding: { x } },
    ...(label
      ? [
          {
            data: { name: 'split' },
            mark: { type: 'text', align: 'right', baseline: 'top', dx: -6, dy: 4, color: theme.muted, fontStyle: 'italic' },
            encoding: { x, y: { value: 0 }, text: { field: 'label' } },
          },
        ]
      : []),
  ];
}

/** A rule and a point at the time nearest the pointer, with every line's value there in the tooltip. */
function hoverLayers(theme: ForecastTheme, name: string, x: Layer, y: Layer, tooltip: unknown[]): Layer[] {
  const hc = highContrast(theme);
  return [
    {
      data: { name: 'hover' },
      params: [{ name, select: { type: 'point', encodings: ['x'], nearest: true, on: 'pointermove', clear: 'pointerout' } }],
      mark: { type: 'rule', color: theme.muted, strokeDash: [3, 3], strokeWidth: 1, clip: true },
      encoding: { x, opacity: { condition: { param: name, empty: false, value: 0.8 }, value: 0 }, tooltip },
    },
    {
      data: { name: 'hover' },
      transform: [{ filter: { param: name, empty: false } }],
      mark: { type: 'point', filled: true, size: hc ? 70 : 45, color: theme.foreground, clip: true },
      encoding: { x, y },
    },
  ];
}

/** The whole series, the held-out part shaded, the best model's forecast continuing it with its band. */
export function seriesSpec(theme: ForecastTheme, result: PlotResult): TopLevelSpec {
  const hc = highContrast(theme);
  const { series, split } = result;
  const lastT = series.t[series.t.length - 1];
  const lastV = series.value[series.value.length - 1];
  const band = forecastBand(result);
  const f = result.forecast;
  const fLabel = forecastLabel(result);
  const fRows = f ? forecastRows(result, f, fLabel, band) : [];
  const sRows = seriesRows(result);
  const domain = f ? ['Actual', fLabel] : ['Actual'];
  const range = f ? [theme.series, theme.forecast] : [theme.series];
  const color = (datum: string) => ({ datum, type: 'nominal', scale: { domain, range } });
  const x = timeAxis(result.ingest.timeKind);
  const y = { field: 'value', type: 'quantitative', title: result.ingest.column, scale: { zero: false, nice: true } };
  // The forecast starts at the last actual value, so it visibly continues the series.
  const joined = f ? [{ t: lastT, value: lastV, lower: lastV, upper: lastV }, ...fRows] : [];
  const layers: Layer[] = [...heldOutLayers(theme, x, true)];
  if (band && f) {
    layers.push(
      { data: { name: 'joined' }, mark: { type: 'area', color: theme.forecast, opacity: hc ? 0.35 : 0.22, clip: true }, encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' } } },
      {
        data: { values: [fRows[fRows.length - 1]] },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, color: theme.forecast, clip: true },
        encoding: { x, y: { ...y, field: 'upper' }, text: { value: '±1.96·RMSE' } },
      },
    );
  }
  layers.push({
    data: { name: 'series' },
    params: [{ name: 'seriesZoom', select: { type: 'interval', encodings: ['x', 'y'] }, bind: 'scales' }],
    mark: { type: 'line', strokeWidth: hc ? 2 : 1.25, opacity: 0.9, clip: true, strokeJoin: 'round' },
    encoding: { x, y, color: color('Actual') },
  });
  if (f) {
    layers.push({ data: { name: 'joined' }, mark: { type: 'line', strokeWidth: hc ? 3 : 2, clip: true, strokeJoin: 'round' }, encoding: { x, y, color: color(fLabel) } });
  }
  layers.push(...hoverLayers(theme, 'seriesHover', x, y, tooltipFields(result, band)));
  return spec({
    ...frame(theme, 320),
    description: `${result.ingest.column} of ${result.ingest.file}: the series, the held-out part and the forecast`,
    datasets: {
      series: sRows,
      joined,
      hover: [...sRows, ...fRows],
      split: [{ t: split.time, end: lastT, label: `${splitRuleText(result)} ▸` }],
    },
    layer: layers,
  });
}

/** The first time the close-up shows: half the held-out span before the split. */
export function closeUpStart(result: PlotResult): number {
  const { split, heldOut, series } = result;
  const span = heldOut.t.length > 1 ? heldOut.t[heldOut.t.length - 1] - heldOut.t[0] : 0;
  const from = split.time - span / 2;
  return series.t.find((t) => t >= from) ?? split.time;
}

/** A close-up of the end: the held-out part and every model's forecast, the best one with its band. */
export function forecastSpec(theme: ForecastTheme, result: PlotResult): TopLevelSpec {
  const hc = highContrast(theme);
  const from = closeUpStart(result);
  const band = forecastBand(result);
  const best = result.forecast?.modelIndex ?? -1;
  const x = timeAxis(result.ingest.timeKind);
  const y = { field: 'value', type: 'quantitative', title: result.ingest.column, scale: { zero: false, nice: true } };
  // The training context from the (decimated) series, the held-out part at full resolution.
  const context = seriesRows(result).filter((r) => r.t >= from && r.t < result.split.time);
  const date = (t: number) => formatTime(t, result.ingest.timeKind, result.ingest.step);
  const held = result.heldOut.t.map((t, i) => ({ t, value: result.heldOut.value[i], date: date(t), what: 'Actual (held out)', range: '' }));
  const actual = [...context, ...held];
  const last = actual[actual.length - 1];
  const labels = modelLabels(result);
  const lines: Array<Record<string, unknown>> = [];
  const hover: Array<Record<string, unknown>> = [...actual];
  result.models.forEach((m, i) => {
    const rows = forecastRows(result, m.forecast, `Forecast · ${labels[i]}`, i === best ? band : undefined);
    hover.push(...rows);
    if (last) lines.push({ t: last.t, value: last.value, line: labels[i], lower: last.value, upper: last.value });
    for (const r of rows) lines.push({ ...r, line: labels[i] });
  });
  const domain = ['Actual', ...labels];
  const range = [theme.series, ...result.models.map((_, i) => modelColor(theme, i))];
  const layers: Layer[] = [...heldOutLayers(theme, x, false)];
  if (band && best >= 0) {
    layers.push({
      data: { name: 'lines' },
      transform: [{ filter: { field: 'line', equal: labels[best] } }],
      mark: { type: 'area', color: modelColor(theme, best), opacity: hc ? 0.35 : 0.22, clip: true },
      encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' } },
    });
  }
  layers.push(
    {
      data: { name: 'actual' },
      params: [{ name: 'forecastZoom', select: { type: 'interval', encodings: ['x', 'y'] }, bind: 'scales' }],
      mark: { type: 'line', strokeWidth: hc ? 2.5 : 1.75, clip: true, strokeJoin: 'round' },
      encoding: { x, y, color: { datum: 'Actual', type: 'nominal', scale: { domain, range }, title: null } },
    },
    {
      data: { name: 'lines' },
      mark: { type: 'line', clip: true, strokeJoin: 'round' },
      encoding: {
        x,
        y,
        color: { field: 'line', type: 'nominal', scale: { domain, range }, title: null },
        strokeWidth: { condition: { test: `datum.line === ${JSON.stringify(labels[best] ?? '')}`, value: hc ? 3 : 2.25 }, value: hc ? 2 : 1.5 },
      },
    },
    ...hoverLayers(theme, 'forecastHover', x, y, tooltipFields(result, band)),
  );
  return spec({
    ...frame(theme, 280),
    description: `The end of ${result.ingest.column}: the held-out part and each model's forecast`,
    datasets: { actual, lines, hover, split: [{ t: result.split.time, end: last ? last.t : result.split.time }] },
    layer: layers,
  });
}

/** Model labels, made unique ("LSTM 64 (2)") for legends. */
function modelLabels(result: PlotResult): string[] {
  const models = result.models;
  return models.map((m, i) => (models.findIndex((o) => o.label === m.label) === i ? m.label : `${m.label} (${i + 1})`));
}

/** The seed's plot: true values (red) against each model's and the baseline's predictions. */
export function heldOutSpec(theme: ForecastTheme, result: PlotResult): TopLevelSpec {
  const hc = highContrast(theme);
  const kind = result.ingest.timeKind;
  const date = (t: number) => formatTime(t, kind, result.ingest.step);
  const { heldOut, models, baseline } = result;
  const actualLabel = 'Actual';
  const baselineLabel = 'Baseline (last value)';
  const labels = modelLabels(result);
  const domain = [actualLabel, ...labels, baselineLabel];
  const range = [theme.actual, ...models.map((_, i) => modelColor(theme, i)), theme.baseline];
  const dashes = [[1, 0], ...models.map(() => [1, 0]), [5, 4]];
  const rows: Array<{ t: number; line: string; value: number; date: string }> = [];
  const add = (label: string, values: readonly number[]) =>
    heldOut.t.forEach((t, i) => Number.isFinite(values[i]) && rows.push({ t, line: label, value: values[i], date: date(t) }));
  add(actualLabel, heldOut.value);
  models.forEach((m, i) => add(labels[i], m.predicted));
  add(baselineLabel, baseline.predicted);
  // One row per time with every line's value, for the tooltip.
  const wide = heldOut.t.map((t, i) => {
    const row: Record<string, number | string> = { t, date: date(t), actual: heldOut.value[i], baseline: baseline.predicted[i] };
    models.forEach((m, k) => (row[`m${k}`] = m.predicted[i]));
    return row;
  });
  const fmt = ',.6~g';
  const x = timeAxis(kind);
  const few = heldOut.t.length <= 90;
  return spec({
    ...frame(theme, 280),
    description: `True and predicted ${result.ingest.column} over the held-out part`,
    datasets: { lines: rows, wide },
    layer: [
      {
        data: { name: 'lines' },
        params: [{ name: 'heldOutZoom', select: { type: 'interval', encodings: ['x', 'y'] }, bind: 'scales' }],
        mark: { type: 'line', strokeWidth: hc ? 2.5 : 1.75, clip: true, strokeJoin: 'round', ...(few ? { point: { size: hc ? 22 : 12, filled: true } } : {}) },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: result.ingest.column, scale: { zero: false, nice: true } },
          color: { field: 'line', type: 'nominal', scale: { domain, range }, sort: domain, title: null },
          strokeDash: { field: 'line', type: 'nominal', scale: { domain, range: dashes }, sort: domain, title: null },
        },
      },
      {
        data: { name: 'wide' },
        params: [{ name: 'heldOutHover', select: { type: 'point', encodings: ['x'], nearest: true, on: 'pointermove', clear: 'pointerout' } }],
        mark: { type: 'rule', color: theme.muted, strokeDash: [3, 3], strokeWidth: 1 },
        encoding: {
          x,
          opacity: { condition: { param: 'heldOutHover', empty: false, value: 0.8 }, value: 0 },
          tooltip: [
            { field: 'date', type: 'nominal', title: kind === 'time' ? 'Time' : 'Row' },
            { field: 'actual', type: 'quantitative', title: actualLabel, format: fmt },
            ...labels.map((label, k) => ({ field: `m${k}`, type: 'quantitative', title: label, format: fmt })),
            { field: 'baseline', type: 'quantitative', title: baselineLabel, format: fmt },
          ],
        },
      },
    ],
  });
}

/** Bars of MASE (or MAE when the baseline's MASE is n/a), best first; the baseline's value a rule. */
export function leaderboardSpec(theme: ForecastTheme, result: PlotResult): TopLevelSpec {
  const hc = highContrast(theme);
  const base = result.leaderboard.find((e) => e.baseline);
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
        color: e.baseline ? theme.baseline : modelColor(theme, Math.max(0, index)),
        textColor: worse ? theme.worse : theme.foreground,
        worse,
      };
    });
  const title = useMase ? 'MASE (lower is better)' : `MAE in ${result.ingest.column} (lower is better)`;
  // Room right of the longest bar for its label.
  const longest = Math.max(0, baseValue ?? 0, ...rows.map((r) => r.value));
  const x = { field: 'value', type: 'quantitative', title, scale: { zero: true, nice: false, domainMax: longest > 0 ? longest * 1.3 : 1 }, axis: { grid: true, tickCount: 5 } };
  const y = { field: 'label', type: 'nominal', sort: { field: 'rank', order: 'ascending' }, title: null, axis: { labelLimit: 220, ticks: false, domain: false } };
  const layers: Layer[] = [
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
    layers.push(
      {
        data: { values: [{ value: baseValue, label: 'baseline' }] },
        mark: { type: 'rule', color: theme.foreground, strokeDash: [4, 3], strokeWidth: hc ? 2 : 1.25 },
        encoding: { x: { field: 'value', type: 'quantitative' } },
      },
      {
        data: { values: [{ value: baseValue, label: 'baseline' }] },
        mark: { type: 'text', align: 'center', baseline: 'bottom', dy: -2, color: theme.muted, fontStyle: 'italic' },
        encoding: { x: { field: 'value', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } },
      },
    );
  }
  return spec({
    ...frame(theme, Math.max(60, rows.length * 30)),
    description: `Leaderboard: ${title}`,
    data: { values: rows },
    layer: layers,
    padding: { left: 4, right: 12, top: 16, bottom: 4 },
  });
}

