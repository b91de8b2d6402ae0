/**
 * The pieces the series charts (seriesSpecs.ts) are made of: their axes, their rows (series
 * and forecast, with the tooltip's words), the tooltip, the held-out shading and the hover
 * rule. Typed with Vega-Lite's own spec types (../shared/specTypes.ts).
 */
import type { LayerSpec, PositionDef, TooltipField } from '../shared/specTypes';
import { formatTime, formatValue } from './format';
import type { ForecastTheme } from './palette';
import type { PlotLine, PlotResult } from '../../src/protocol/forecastPlot';
import type { Band } from './resultLabels';
import { highContrast } from './specBase';

/** A row of a series chart's data: a time, a value and the tooltip's words for it. */
export interface SeriesRow {
  t: number;
  value: number;
  date: string;
  what: string;
  range: string;
}

/** A forecast row, with its 95 % and 80 % band (lower = upper = value without one). */
export interface ForecastRow extends SeriesRow {
  lower: number;
  upper: number;
  lower80: number;
  upper80: number;
}

/** The x axis: dated (UTC) or row numbers. */
export function timeAxis(kind: 'time' | 'index'): PositionDef {
  const axis = { labelOverlap: true, tickCount: 8, grid: true, gridOpacity: 0.35 };
  return kind === 'time'
    ? { field: 't', type: 'temporal', title: null, scale: { type: 'utc' }, axis }
    : { field: 't', type: 'quantitative', title: 'Row', scale: { zero: false, nice: false }, axis };
}

/** The y axis: the column's values (or a band's `lower` / `upper` edge). */
export function valueAxis(result: PlotResult, field: 'value' | 'lower' | 'upper' | 'lower80' | 'upper80' = 'value'): PositionDef {
  return { field, type: 'quantitative', title: result.ingest.column, scale: { zero: false, nice: true } };
}

function dateOf(result: PlotResult): (t: number) => string {
  return (t) => formatTime(t, result.ingest.timeKind, result.ingest.step);
}

/** Rows of the series from time `from` on, for plotting and tooltips. */
export function seriesRows(result: PlotResult, from = -Infinity): SeriesRow[] {
  const { series, split } = result;
  const date = dateOf(result);
  const rows: SeriesRow[] = [];
  for (let i = 0; i < series.t.length; i++) {
    const t = series.t[i];
    if (t < from) continue;
    rows.push({ t, value: series.value[i], date: date(t), what: t >= split.time ? 'Actual (held out)' : 'Actual (training)', range: '' });
  }
  return rows;
}

/** The held-out part at full resolution. */
export function heldOutRows(result: PlotResult): SeriesRow[] {
  const date = dateOf(result);
  return result.heldOut.t.map((t, i) => ({ t, value: result.heldOut.value[i], date: date(t), what: 'Actual (held out)', range: '' }));
}

/** Rows of a forecast, with its band (at the same points) when there is one. */
export function forecastRows(result: PlotResult, line: PlotLine, label: string, band: Band | undefined): ForecastRow[] {
  const date = dateOf(result);
  return line.t.map((t, i) => {
    const v = line.value[i];
    const [lower, upper, lower80, upper80] = band ? [band.lower[i], band.upper[i], band.lower80[i], band.upper80[i]] : [v, v, v, v];
    return {
      t,
      value: v,
      lower,
      upper,
      lower80,
      upper80,
      date: date(t),
      what: label,
      range: band ? `80 %: ${formatValue(lower80)} – ${formatValue(upper80)}; 95 %: ${formatValue(lower)} – ${formatValue(upper)}` : '',
    };
  });
}

/** The tooltip of a series chart: time, line, value and, with a band, its range. */
export function tooltipFields(result: PlotResult, band: Band | undefined): TooltipField[] {
  return [
    { field: 'date', type: 'nominal', title: result.ingest.timeKind === 'time' ? 'Time' : 'Row' },
    { field: 'what', type: 'nominal', title: 'Line' },
    { field: 'value', type: 'quantitative', title: result.ingest.column, format: ',.6~g' },
    ...(band ? [{ field: 'range', type: 'nominal', title: band.title } satisfies TooltipField] : []),
  ];
}

/** The held-out shading, its rule and (with `label`) its label, over the dataset `split`. */
export function heldOutLayers(theme: ForecastTheme, x: PositionDef, label: boolean): LayerSpec[] {
  const hc = highContrast(theme);
  const layers: LayerSpec[] = [
    { data: { name: 'split' }, mark: { type: 'rect', color: theme.heldOut, opacity: hc ? 0.22 : 0.1 }, encoding: { x, x2: { field: 'end' } } },
    { data: { name: 'split' }, mark: { type: 'rule', color: theme.heldOut, strokeDash: [4, 3], strokeWidth: hc ? 2 : 1.25 }, encoding: { x } },
  ];
  if (label) {
    layers.push({
      data: { name: 'split' },
      mark: { type: 'text', align: 'right', baseline: 'top', dx: -6, dy: 4, color: theme.muted, fontStyle: 'italic' },
      encoding: { x, y: { value: 0 }, text: { field: 'label' } },
    });
  }
  return layers;
}

/** A rule and a point at the time nearest the pointer, with every line's value there in the tooltip (dataset `hover`). */
export function hoverLayers(theme: ForecastTheme, name: string, x: PositionDef, y: PositionDef, tooltip: TooltipField[]): LayerSpec[] {
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
