/**
 * The baselines a forecast is measured against: the last value (persistence), and the same
 * point one season back (seasonal naive) when the resampling interval has a season
 * (INTERVALS[interval].season) and the training part covers at least two of them.
 */
import type { Baseline } from './forecastResult';
import { INTERVALS, steps, type ResampleInterval } from './intervals';
import { forecastMetrics, persistencePredictions, seasonalNaivePredictions } from './metrics';

/** What the seasonal-naive forecast repeats, in the interval's words. */
const SAME_AS: Readonly<Record<Exclude<ResampleInterval, 'none'>, string>> = {
  minute: 'Same minute last hour',
  hour: 'Same hour yesterday',
  day: 'Same day last week',
  businessday: 'Same weekday last week',
  week: 'Same week last year',
  month: 'Same month last year',
};

/** The seasonal-naive period of a series resampled to `interval` with `trainPoints` training points; 0: none. */
function seasonalPeriod(interval: ResampleInterval, trainPoints: number): number {
  const period = INTERVALS[interval].season;
  return period > 0 && trainPoints >= 2 * period ? period : 0;
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
  const period = seasonalPeriod(interval, firstHeldOut);
  if (interval !== 'none' && period > 0) {
    const predicted = seasonalNaivePredictions(levels, firstHeldOut, period);
    const label = `${SAME_AS[interval]} (seasonal naive, ${steps(period, interval)})`;
    baselines.push({ name: 'seasonalNaive', label, period, predicted, metrics: forecastMetrics(actual, predicted, scale) });
  }
  return baselines;
}
