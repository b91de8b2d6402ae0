/**
 * The result of a run that is still training, as the panel keeps it: the series, the
 * held-out points and the baselines as soon as the series is read (no model yet), then each
 * model as it finishes, ranked with the baselines. The same bounded PlotResult as a finished
 * run's (forecastPlot.ts), so the panel's results view plots it as it grows.
 */
import type { ForecastJobStart } from '../core/forecast/forecastJob';
import type { ModelRun } from '../core/forecast/forecastResult';
import { bestModel, leaderboard } from '../core/forecast/leaderboard';
import { plotResult, type PlotResult } from '../protocol/forecastPlot';

/** Run `runId`'s result so far: `runs` are the models done (in training order). */
export function partialPlotResult(runId: number, start: ForecastJobStart, runs: readonly ModelRun[]): PlotResult {
  const ranked = leaderboard([...runs], start.baselines);
  const best = bestModel(runs, ranked);
  return plotResult(runId, {
    ingest: start.ingest,
    series: start.series,
    split: start.split,
    heldOut: start.heldOut,
    baselines: start.baselines,
    models: [...runs],
    leaderboard: ranked,
    forecast: best ? { model: best.name, ...best.forecast } : null,
    backtest: null,
    intervals: null,
    chosen: start.chosen,
    horizon: start.horizon,
    warnings: [],
    cancelled: false,
  });
}
