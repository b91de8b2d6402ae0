/**
 * What the result charts and their notes say about a result: the forecast's band, the
 * held-out split, the forecast's and the models' labels, where the close-up starts.
 */
import { formatTime, presetName } from './format';
import type { PlotResult } from '../../src/protocol/forecastPlot';

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
