/**
 * What the networks see beside the target at each step (covariates): the calendar's cycles
 * (see calendarCycles.ts) and other numeric columns of the CSV, standardised on the training
 * part. One row of C values per point of the series, and rows for the steps past its end:
 * the calendar's are known there; a column's future is not, so a forecast holds each column
 * at its last known value (before the forecast's origin, in backtests too: a column never
 * leaks what came after the origin).
 *
 *   row p = [sin, cos of each cycle at time p] ++ [(column_j[p] - mean_j) / std_j]
 */
import { INPUTS_PER_CYCLE, writeCalendar, type CalendarCycle } from './calendarCycles';

/** A covariate column and how it was standardised (fitted on the training part). */
export interface CovariateColumnScale {
  name: string;
  mean: number;
  std: number;
}

/** What a model was trained with beside the target (saved with it). */
export interface CovariateLayout {
  calendar: CalendarCycle[];
  columns: CovariateColumnScale[];
}

export const NO_COVARIATES: CovariateLayout = { calendar: [], columns: [] };

/** Inputs beside the target per step (C). */
export function covariateCount(layout: CovariateLayout): number {
  return INPUTS_PER_CYCLE * layout.calendar.length + layout.columns.length;
}

/** "day of week, day of year, Volume"; "none". */
export function describeCovariates(layout: CovariateLayout): string {
  const names = [...layout.calendar, ...layout.columns.map((column) => `"${column.name}"`)];
  return names.length > 0 ? names.join(', ') : 'none';
}

/** A covariate column's values on the series' points. [n] */
export interface CovariateColumn {
  name: string;
  levels: Float64Array;
}

/** What the covariates of a series are made from. */
export interface CovariateSource {
  calendar: readonly CalendarCycle[];
  columns: readonly CovariateColumn[];
  /** The times of the steps past the end that a forecast reaches. [horizon] */
  futureTimes: readonly number[];
}

/** The covariate rows of a series (see the module comment). */
export interface Covariates {
  layout: CovariateLayout;
  /** C. */
  count: number;
  /** Points of the series (n): rows from n on are past its end. */
  points: number;
  /** [(n + horizon) · C] */
  rows: Float32Array;
}

/** Mean and standard deviation (1 when there is no spread) of `values`. */
function standardise(name: string, values: Float64Array): CovariateColumnScale {
  const mean = values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, values.length);
  return { name, mean, std: Math.sqrt(variance) || 1 };
}

/**
 * The covariates of the series whose point times are `times` [n], the columns standardised
 * on the points [0, trainEnd) (or as `scales`, a saved model's, say).
 */
export function buildCovariates(source: CovariateSource, times: Float64Array, trainEnd: number, scales?: readonly CovariateColumnScale[]): Covariates {
  const layout: CovariateLayout = {
    calendar: [...source.calendar],
    columns: source.columns.map((column, j) => scales?.[j] ?? standardise(column.name, column.levels.subarray(0, trainEnd))),
  };
  const count = covariateCount(layout);
  const points = times.length;
  const total = points + source.futureTimes.length;
  const rows = new Float32Array(total * count);
  const calendarInputs = INPUTS_PER_CYCLE * layout.calendar.length;
  for (let p = 0; p < total; p++) {
    writeCalendar(layout.calendar, p < points ? times[p] : source.futureTimes[p - points], rows, p * count);
    layout.columns.forEach(({ mean, std }, j) => {
      const value = source.columns[j].levels[Math.min(p, points - 1)];
      rows[p * count + calendarInputs + j] = (value - mean) / std;
    });
  }
  return { layout, count, points, rows };
}

/**
 * The rows a forecast from point `origin` sees: the true rows of the `window` points before
 * it, then `steps` rows for the points it predicts — the calendar's true, each column held
 * at its value at origin - 1. [(window + steps) · C]
 */
export function rolloutRows(covariates: Covariates, origin: number, window: number, steps: number): Float32Array {
  const { count, rows, layout } = covariates;
  if (count > 0 && origin + steps > rows.length / count) throw new Error(`The covariates reach ${rows.length / count} points, not ${origin + steps}.`);
  const out = rows.slice((origin - window) * count, (origin + steps) * count);
  const calendarInputs = INPUTS_PER_CYCLE * layout.calendar.length;
  for (let k = window; k < window + steps; k++) {
    for (let j = calendarInputs; j < count; j++) out[k * count + j] = out[(window - 1) * count + j];
  }
  return out;
}

/**
 * Steps of one value each [steps] beside their covariate rows [steps · C] -> [steps · (1 + C)],
 * the value first in each step.
 */
export function interleave(values: ArrayLike<number>, rows: Float32Array, count: number, out = new Float32Array(values.length * (1 + count)), at = 0): Float32Array {
  const features = 1 + count;
  for (let k = 0; k < values.length; k++) {
    out[at + k * features] = values[k];
    for (let j = 0; j < count; j++) out[at + k * features + 1 + j] = rows[k * count + j];
  }
  return out;
}
