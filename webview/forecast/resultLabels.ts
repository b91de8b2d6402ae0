/**
 * What the result charts and their notes say about a result: the forecast's band, the
 * held-out split, the forecast's and the models' labels, where the close-up starts.
 */
import { formatTime, presetName } from './format';
import type { PlotResult } from '../../src/protocol/forecastPlot';

/** The forecast's conformal intervals at its points (see predictionIntervals.ts), and what the legend and tooltip call them. */
export interface Band {
  /** 95 % bounds, per forecast point. */
  lower: number[];
  upper: number[];
  /** 80 % bounds, per forecast point. */
  lower80: number[];
  upper80: number[];
  /** "80 % / 95 % interval (coverage measured on the backtest: 83 % / 96 %)". */
  title: string;
}

const percent = (share: number | null) => (share === null ? 'n/a' : `${Math.round(share * 100)} %`);

/** The best model's 80 % and 95 % intervals, when the result has them. */
export function forecastBand(result: PlotResult): Band | undefined {
  const band = result.band;
  const [i80, i95] = [0.8, 0.95].map((level) => band?.levels.find((l) => l.level === level));
  if (!band || !i80 || !i95 || !result.forecast) return undefined;
  const measured = i80.coverage !== null && i95.coverage !== null;
  const coverage = `${percent(i80.coverage)} / ${percent(i95.coverage)}`;
  const how = !measured
    ? 'coverage not measured: the backtest is off'
    : band.calibration === 'validation'
      ? `coverage measured on the backtest: ${coverage}`
      : `coverage on the backtest it was calibrated on, optimistic: ${coverage}`;
  return { lower: i95.lower, upper: i95.upper, lower80: i80.lower, upper80: i80.upper, title: `80 % / 95 % interval (${how})` };
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

/** Model labels, made unique ("LSTM 64 (2)") for legends. */
export function modelLabels(result: PlotResult): string[] {
  const models = result.models;
  return models.map((m, i) => (models.findIndex((o) => o.label === m.label) === i ? m.label : `${m.label} (${i + 1})`));
}

/** The first time the close-up shows: half the held-out span before the split. */
export function closeUpStart(result: PlotResult): number {
  const { split, heldOut, series } = result;
  const span = heldOut.t.length > 1 ? heldOut.t[heldOut.t.length - 1] - heldOut.t[0] : 0;
  const from = split.time - span / 2;
  return series.t.find((t) => t >= from) ?? split.time;
}
