/** Numbers, sizes, dates and names as the forecast panel shows them. No DOM: unit-tested under Node. */
import { INTERVALS, type ResampleInterval } from '../../src/core/forecast/intervals';
import { formatCount } from '../shared/format';
import type { Metric } from '../../src/protocol/forecastPlot';

export const NOT_AVAILABLE = 'n/a';

const isValue = (v: Metric | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A value in the series' own units: whole numbers with separators from 10,000 up
 * (34,512), else five significant digits (812.35, 0.012346); "n/a" for NaN / null.
 */
export function formatValue(v: Metric | undefined): string {
  if (!isValue(v)) return NOT_AVAILABLE;
  const abs = Math.abs(v);
  if (abs >= 10_000) return Math.round(v).toLocaleString('en-US');
  if (abs === 0) return '0';
  return v.toLocaleString('en-US', { maximumSignificantDigits: 5 });
}

/** MAPE, in percent: 3.42 % (two decimals), "n/a" when it cannot be computed. */
export function formatPercent(v: Metric | undefined): string {
  return isValue(v) ? `${v.toFixed(2)} %` : NOT_AVAILABLE;
}

/** MASE: 0.873 (three decimals). */
export function formatMase(v: Metric | undefined): string {
  return isValue(v) ? v.toFixed(3) : NOT_AVAILABLE;
}

/** A relative change: "−12.3 %" / "+8.0 %". */
export function formatChange(fraction: number): string {
  if (!Number.isFinite(fraction)) return NOT_AVAILABLE;
  const pct = Math.abs(fraction * 100);
  const text = pct >= 100 ? pct.toFixed(0) : pct.toFixed(1);
  return `${fraction < 0 ? '−' : '+'}${text} %`;
}

/** 512 B, 12.3 kB, 4.80 MB, 1.25 GB (decimal units, as file managers show). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '—';
  if (n < 1000) return `${Math.round(n)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = n / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ${units[unit]}`;
}

/** A time of the series for labels and tooltips: 2024-03-01, or 2024-03-01 14:30 for sub-daily steps; row N without a time column. */
export function formatTime(t: number, kind: 'time' | 'index', step = 86_400_000): string {
  if (kind === 'index') return `row ${formatCount(t + 1)}`;
  if (!Number.isFinite(t)) return '—';
  const iso = new Date(t).toISOString();
  if (step >= 86_400_000 && iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.slice(11, step < 60_000 ? 19 : 16)}`;
}

const PRESET_NAMES: Record<string, string> = { mlp: 'MLP', rnn: 'SimpleRNN', lstm: 'LSTM', gru: 'GRU', persistence: 'Last value', seasonalNaive: 'Seasonal naive' };

/** A preset's display name: 'lstm' -> 'LSTM'. */
export function presetName(preset: string): string {
  return PRESET_NAMES[preset] ?? preset;
}

/** "daily mean", "hourly last", or "not resampled". */
export function describeResample(resample: ResampleInterval, aggregation: string): string {
  const { adjective } = INTERVALS[resample];
  return adjective ? `${adjective} ${aggregation}` : 'not resampled';
}

/** The unit of one step: "day", "business day", "point". */
export function stepWord(resample: ResampleInterval): string {
  return INTERVALS[resample].word;
}
