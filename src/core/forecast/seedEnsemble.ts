/**
 * A seed ensemble: one preset trained with seeds seed, seed + 1, ... (its members), each with
 * its own shrinkage. Their element-wise median is used where it scores better on the
 * validation part than the best member alone (one step and over the validation paths, each
 * relative to the last value's error, as the data shape's probes are scored); otherwise the
 * best member is. Pure: the members' predictions in, the choice out.
 */
import type { PathFrom } from './backtest';
import { validationScore, type ValidationForecasts, type ValidationScore } from './validationScore';

/** The median of `values` (NaN when empty). */
function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The element-wise median of the members' series [members][n] -> [n] (n: the first member's length). */
export function medianOf(series: readonly (readonly number[])[]): number[] {
  const n = series[0]?.length ?? 0;
  return Array.from({ length: n }, (_, i) => median(series.map((s) => s[i])));
}

/** A forecaster whose path from each origin is the element-wise median of the members' paths. */
export function medianPathFrom(members: readonly PathFrom[]): PathFrom {
  return (origin, horizon) => medianOf(members.map((path) => path(origin, horizon)));
}

/** The median of the members' validation forecasts (the truth is the same for all). */
export function medianValidation(members: readonly ValidationForecasts[]): ValidationForecasts {
  const [first] = members;
  return {
    ...first,
    predicted: medianOf(members.map((m) => m.predicted)),
    paths: first.paths.map((_, k) => medianOf(members.map((m) => m.paths[k]))),
  };
}

/** What an ensemble uses: the median of its members, or its best member (`best`: index into the members). */
export interface EnsembleChoice {
  used: 'median' | 'best';
  best: number;
  /** Each member's validation score, and the median's (undefined for a single member). */
  members: ValidationScore[];
  median?: ValidationScore;
}

/** NaN scores last. */
const lower = (a: number, b: number) => (Number.isNaN(a) ? false : Number.isNaN(b) ? true : a < b);

/**
 * The choice for members scored on `validations` (one per member, in seed order): the best
 * member (the lowest score; the first on ties and when none can be scored), and the median
 * when there are at least two members and its score is strictly lower than that member's.
 */
export function chooseEnsemble(validations: readonly ValidationForecasts[]): EnsembleChoice {
  const members = validations.map(validationScore);
  const best = members.reduce((b, s, i) => (lower(s.score, members[b].score) ? i : b), 0);
  if (validations.length < 2) return { used: 'best', best, members };
  const median = validationScore(medianValidation(validations));
  return { used: lower(median.score, members[best].score) ? 'median' : 'best', best, members, median };
}

const shown = (x: number) => (Number.isFinite(x) ? x.toPrecision(4) : 'n/a');

/**
 * What the choice was, for the warnings: "LSTM 64: the median of 3 seeds (42–44), which beats
 * the best seed, 43, on the validation part (the median: one-step MAE 1.234, 12-step MAE
 * 2.301; seed 43: one-step MAE 1.301, 12-step MAE 2.514)."
 */
export function ensembleNote(label: string, seeds: readonly number[], choice: EnsembleChoice, steps: number): string {
  const m = choice.median;
  const b = choice.members[choice.best];
  const seed = seeds[choice.best];
  const range = `${seeds.length} seeds (${seeds[0]}–${seeds[seeds.length - 1]})`;
  if (!m || Number.isNaN(b.score)) return `${label}: seed ${seed} kept of ${range}: there is no validation part to judge the median of the seeds on.`;
  const figures = (x: ValidationScore) => `one-step MAE ${shown(x.oneStep)}${Number.isNaN(x.multiStep) ? '' : `, ${steps}-step MAE ${shown(x.multiStep)}`}`;
  const both = `the median: ${figures(m)}; seed ${seed}: ${figures(b)}`;
  return choice.used === 'median'
    ? `${label}: the median of ${range}, which beats the best seed, ${seed}, on the validation part (${both}).`
    : `${label}: seed ${seed} kept, the best of ${range} on the validation part; their median does not beat it there (${both}).`;
}
