/**
 * What the networks see of a series: the transform (level or change) and the window length.
 * Set, they are used as they are; 'auto', each candidate is tried with a quick probe (the
 * MLP, early stopping) on a time-ordered validation part at the end of the training data —
 * never on the held-out part — and the one whose (shrunk) one-step forecasts of that part
 * are best is kept. The candidates: the change ('diff') and the level, with windows of two
 * seasons of the interval (14 days, 24 months, 10 business days) and the tutorial's 60.
 */
import { prepareForecastData, type DataOptions, type ForecastData } from './forecastData';
import { buildForecastModel } from './forecastModels';
import { forecastNetFor } from './forecastNet';
import type { ForecastSettings } from './forecastSettings';
import { fitForecastNet } from './forecastTraining';
import { presetSpec } from './forecasters';
import { INTERVALS, steps, type ResampleInterval } from './intervals';
import { validationLevels } from './predictions';
import type { ResampledSeries } from './resample';
import { fitShrinkage, shrunkMae } from './shrinkage';
import type { ProbeFigure } from './suggestions';
import type { TrainedForecaster } from './trainedForecaster';
import type { TargetTransform } from './transform';

/** Epochs of a probe at most (early stopping ends most sooner). */
const PROBE_EPOCHS = 60;
const PROBE_PATIENCE = 5;
/** The tutorial's window, and the fewest training windows a candidate must leave. */
const TUTORIAL_WINDOW = 60;
const MIN_TRAINING_WINDOWS = 20;

export interface DataShape {
  data: ForecastData;
  /** Training windows at the end held out for validation (early stopping, shrinkage): the last `validation` of data.train. */
  validation: number;
  /** What was chosen and why, when something was chosen. */
  reason?: string;
  /** Each candidate probed on the validation part and its validation MAE (series' units; NaN if cancelled); empty when nothing was chosen. */
  probes: ProbeFigure[];
}


type Naming = Pick<DataOptions, 'label' | 'formatTime'>;

/** Validation points: `share` of the training targets that the longest window leaves. */
function validationPoints(testStart: number, longest: number, share: number): number {
  return Math.floor(share * Math.max(0, testStart - 1 - longest));
}

function candidateWindows(interval: ResampleInterval, testStart: number, validation: number): number[] {
  const { season } = INTERVALS[interval];
  const short = season > 0 ? Math.min(TUTORIAL_WINDOW, Math.max(8, 2 * season)) : 10;
  const fits = (window: number) => testStart - 1 - window - validation >= MIN_TRAINING_WINDOWS;
  const windows = [...new Set([short, TUTORIAL_WINDOW])].filter(fits);
  return windows.length > 0 ? windows : [Math.max(1, Math.floor((testStart - 1 - validation) / 3))];
}

/** Validation MAE (series' units) of a probe MLP trained on `data` with `validation` windows held out, and the last value's over the same points; NaN if cancelled. */
async function probe(data: ForecastData, validation: number, settings: ForecastSettings, shouldStop: () => boolean): Promise<{ mae: number; lastValue: number }> {
  const model = buildForecastModel(presetSpec('mlp'), data.window, settings.seed);
  const net = forecastNetFor(model);
  try {
    const fit = { ...settings, epochs: Math.min(settings.epochs, PROBE_EPOCHS), patience: PROBE_PATIENCE, validationSplit: validation / data.train.count };
    const result = await fitForecastNet(net, data.train, fit, { shouldStop });
    if (result.cancelled) return { mae: NaN, lastValue: NaN };
    const { previous, predicted, actual } = validationLevels(net, data, validation);
    const mae = settings.shrink ? fitShrinkage(previous, predicted, actual).mae : shrunkMae(previous, predicted, actual, 1);
    return { mae, lastValue: shrunkMae(previous, predicted, actual, 0) };
  } finally {
    net.dispose();
    model.dispose();
  }
}

/** The data shape for `points` (see the module comment); a loaded model's own shape when one is loaded. */
export async function chooseDataShape(
  points: ResampledSeries,
  interval: ResampleInterval,
  settings: ForecastSettings,
  loaded: TrainedForecaster | undefined,
  naming: Naming,
  shouldStop: () => boolean,
): Promise<DataShape> {
  const prepare = (transform: TargetTransform, window: number) =>
    prepareForecastData(points.times, points.values, { window, test: settings.test, transform, scaler: loaded?.scaler ?? settings.scaler, ...naming });
  if (loaded) return { data: prepare(loaded.transform, loaded.window), validation: 0, probes: [] };
  const testStart = points.values.length - settings.test;
  const longest = settings.window === 'auto' ? TUTORIAL_WINDOW : settings.window;
  const validation = validationPoints(testStart, longest, settings.validationSplit);
  const transforms: TargetTransform[] = settings.transform === 'auto' ? ['diff', 'level'] : [settings.transform];
  const windows = settings.window === 'auto' ? candidateWindows(interval, testStart, validation) : [settings.window];
  const candidates = transforms.flatMap((transform) => windows.map((window) => ({ transform, window })));
  if (candidates.length === 1 || validation === 0) {
    const [{ transform, window }] = candidates;
    const reason = candidates.length > 1 ? `No validation part to choose on: the model predicts the ${transform === 'diff' ? 'change' : 'level'} from ${steps(window, interval)}.` : undefined;
    return { data: prepare(transform, window), validation, reason, probes: [] };
  }
  const tried: ProbeFigure[] = [];
  for (const candidate of candidates) {
    if (shouldStop()) break;
    tried.push({ ...candidate, ...(await probe(prepare(candidate.transform, candidate.window), validation, settings, shouldStop)) });
  }
  const ranked = tried.filter((t) => Number.isFinite(t.mae)).sort((a, b) => a.mae - b.mae);
  const best = ranked[0] ?? { ...candidates[0], mae: NaN, lastValue: NaN };
  const what = (t: { transform: TargetTransform; window: number }) => `the ${t.transform === 'diff' ? 'change' : 'level'} from ${steps(t.window, interval)}`;
  const others = ranked.slice(1).map((t) => `${what(t)} ${t.mae.toPrecision(4)}`).join(', ');
  return {
    data: prepare(best.transform, best.window),
    validation,
    probes: tried,
    reason: `Chosen on the last ${steps(validation, interval)} of the training part: the model predicts ${what(best)} (validation MAE ${best.mae.toPrecision(4)}${others ? `; ${others}` : ''}).`,
  };
}
