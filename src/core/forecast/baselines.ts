/**
 * The baselines a forecast is measured against: the last value (persistence), and the same
 * point one season back (seasonal naive) when the resampling interval has a season
 * (INTERVALS[interval].season) and the training part covers at least two of them. A series
 * that is not resampled ('none') has no calendar season; its training part's differences
 * may show one (autocorrelationPeriod).
 */
import type { Baseline } from './forecastResult';
import { INTERVALS, steps, type ResampleInterval } from './intervals';
import { forecastMetrics, persistencePredictions, seasonalNaivePredictions } from './metrics';

/** What the seasonal-naive forecast repeats, in the interval's words. */
const SAME_AS: Readonly<Record<ResampleInterval, string>> = {
  none: 'Same point last cycle',
  minute: 'Same minute last hour',
  hour: 'Same hour yesterday',
  day: 'Same day last week',
  businessday: 'Same weekday last week',
  week: 'Same week last year',
  month: 'Same month last year',
};

/** Lags tried, and the correlation a cycle needs, for a series without a calendar season. */
const MAX_LAG = 400;
const MIN_AUTOCORRELATION = 0.3;
/** The autocorrelation check reads at most the last this many training points. */
const MAX_ACF_POINTS = 20_000;

/**
 * The lag 2..min(400, n/3) at which the differences of the training part, levels [0, end) (its
 * last 20,000 points), correlate most with themselves, when that correlation is above 0.3; 0: none.
 */
function autocorrelationPeriod(levels: ArrayLike<number>, end: number): number {
  const start = Math.max(0, end - MAX_ACF_POINTS);
  const d: number[] = [];
  for (let i = start + 1; i < end; i++) d.push(levels[i] - levels[i - 1]);
  const maxLag = Math.min(MAX_LAG, Math.floor((end - start) / 3));
  if (maxLag < 2) return 0;
  const mean = d.reduce((sum, x) => sum + x, 0) / d.length;
  const centred = d.map((x) => x - mean);
  const variance = centred.reduce((sum, x) => sum + x * x, 0);
  if (!(variance > 0) || !Number.isFinite(variance)) return 0;
  let best = 0;
  let bestCorrelation = MIN_AUTOCORRELATION;
  for (let lag = 2; lag <= maxLag; lag++) {
    let sum = 0;
    for (let i = lag; i < centred.length; i++) sum += centred[i] * centred[i - lag];
    const correlation = sum / variance;
    if (correlation > bestCorrelation) {
      best = lag;
      bestCorrelation = correlation;
    }
  }
  return best;
}

/** The seasonal-naive period of a series resampled to `interval`, held out from `firstHeldOut`; 0: none. */
function seasonalPeriod(levels: ArrayLike<number>, firstHeldOut: number, interval: ResampleInterval): number {
  if (interval === 'none') return autocorrelationPeriod(levels, firstHeldOut);
  const period = INTERVALS[interval].season;
  return period > 0 && firstHeldOut >= 2 * period ? period : 0;
}

/**
 * The baselines' held-out predictions and metrics (in the series' units, MASE on `scale`),
 * persistence first. `levels` is the whole series, held out from `firstHeldOut`.
 */
export function heldOutBaselines(levels: ArrayLike<number>, firstHeldOut: number, interval: ResampleInterval, scale: number): [Baseline, ...Baseline[]] {
  const actual = Array.from({ length: levels.length - firstHeldOut }, (_, k) => levels[firstHeldOut + k]);
  const persistence = persistencePredictions(levels, firstHeldOut);
  const baselines: [Baseline, ...Baseline[]] = [
    { name: 'persistence', label: 'Last value (persistence)', period: 1, predicted: persistence, metrics: forecastMetrics(actual, persistence, scale) },
  ];
  const period = seasonalPeriod(levels, firstHeldOut, interval);
  if (period > 0) {
    const predicted = seasonalNaivePredictions(levels, firstHeldOut, period);
    const label = `${SAME_AS[interval]} (seasonal naive, ${steps(period, interval)})`;
    baselines.push({ name: 'seasonalNaive', label, period, predicted, metrics: forecastMetrics(actual, predicted, scale) });
  }
  return baselines;
}
