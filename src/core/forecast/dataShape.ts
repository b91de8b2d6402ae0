/**
 * What the networks see of a series: the transform and the window length. Set, they are used
 * as they are; 'auto', each candidate is tried with a quick probe (the MLP, early stopping) on
 * a time-ordered validation part at the end of the training data — never on the held-out
 * part — and scored on it one step ahead and over the horizon (see validationPaths.ts), each
 * relative to the last value's error. The candidates: the change predicted from relative
 * windows ('relative') and from the last changes ('diff'), with windows of two seasons of the
 * interval (14 days, 24 months, 10 business days) and the tutorial's 60. With covariates
 * 'auto', the calendar's cycles (see calendarCycles.ts) are then tried at the chosen shape,
 * and kept when they make the validation score clearly better.
 */
import { describeCovariates, type CovariateSource } from './covariates';
import { prepareForecastData, type DataOptions, type ForecastData } from './forecastData';
import { buildForecastModel } from './forecastModels';
import { forecastNetFor } from './forecastNet';
import { heldOutPoints, type ForecastSettings } from './forecastSettings';
import { fitForecastNet } from './forecastTraining';
import { presetSpec } from './forecasters';
import { INTERVALS, steps, type ResampleInterval } from './intervals';
import type { ResampledSeries } from './resample';
import type { ProbeFigure } from './suggestions';
import type { TrainedForecaster } from './trainedForecaster';
import { TRANSFORM_WORDS, type TargetTransform } from './transform';
import { validationSteps } from './validationPaths';
import { UNSCORED, validationForecasts, validationScore, type ValidationScore } from './validationScore';

/** Epochs of a probe at most (early stopping ends most sooner). */
const PROBE_EPOCHS = 60;
const PROBE_PATIENCE = 5;
/** The tutorial's window, and the fewest training windows a candidate must leave. */
const TUTORIAL_WINDOW = 60;
const MIN_TRAINING_WINDOWS = 20;
/** How much better (in the validation score's log units: about 2 %) the calendar must make the validation score to be kept. */
const CALENDAR_MARGIN = 0.02;
/** What 'auto' tries: changes only (never the level, which fails once a series leaves its training range; the validation part cannot show that). */
const AUTO_TRANSFORMS: TargetTransform[] = ['relative', 'diff'];

export interface DataShape {
  data: ForecastData;
  /** Training windows at the end held out for validation (early stopping, shrinkage): the last `validation` of data.train. */
  validation: number;
  /** What was chosen and why, when something was chosen. */
  reason?: string;
  /** Each candidate probed on the validation part and its one-step validation MAE (series' units; NaN if cancelled); empty when nothing was chosen. */
  probes: ProbeFigure[];
  /** The chosen candidate's validation score, when it was probed. */
  score?: ValidationScore;
}


type Naming = Pick<DataOptions, 'label' | 'formatTime'>;

/** A probe about to be fitted: its 1-based number, how many there are, and what it tries ("the change ..., windows of 24 months"). */
export interface ShapeProbe {
  probe: number;
  probes: number;
  what: string;
}

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

/** A probe MLP trained on `data` with `validation` windows held out, scored on them as the job's models are (see validationScore.ts); unscored if cancelled. */
async function probe(data: ForecastData, validation: number, settings: ForecastSettings, shouldStop: () => boolean): Promise<ValidationScore> {
  const model = buildForecastModel(presetSpec('mlp'), data.window, settings.seed, data.features);
  const net = forecastNetFor(model);
  try {
    const fit = { ...settings, epochs: Math.min(settings.epochs, PROBE_EPOCHS), patience: PROBE_PATIENCE, validationSplit: validation / data.train.count };
    const result = await fitForecastNet(net, data.train, fit, { shouldStop });
    return result.cancelled ? UNSCORED : validationScore(validationForecasts(net, data, validation, settings).forecasts);
  } finally {
    net.dispose();
    model.dispose();
  }
}

type Prepare = (transform: TargetTransform, window: number) => ForecastData;

/**
 * The data shape for `points` (see the module comment), with `source`'s columns and (where
 * chosen) its calendar cycles as covariates; a loaded model's own shape when one is loaded
 * (`source` then holds its covariates).
 */
export async function chooseDataShape(
  points: ResampledSeries,
  interval: ResampleInterval,
  settings: ForecastSettings,
  loaded: TrainedForecaster | undefined,
  naming: Naming & { source: CovariateSource },
  shouldStop: () => boolean,
  onProbe?: (probe: ShapeProbe) => void,
): Promise<DataShape> {
  const { source, ...names } = naming;
  const test = heldOutPoints(settings.test, points.values.length);
  const preparer =
    (calendar: boolean): Prepare =>
    (transform, window) =>
      prepareForecastData(points.times, points.values, {
        window,
        test,
        transform,
        scaler: loaded?.scaler ?? settings.scaler,
        ...names,
        covariates: { source: { ...source, calendar: calendar ? source.calendar : [] }, scales: loaded?.covariates?.columns },
      });
  if (loaded) return { data: preparer(true)(loaded.transform, loaded.window), validation: 0, probes: [] };
  const asked = settings.covariates === 'auto' ? undefined : settings.covariates.calendar;
  if (asked === true && source.calendar.length === 0) {
    const shape = await chooseShape(points.values.length - test, interval, settings, preparer(false), shouldStop, onProbe, 0);
    return withReason(shape, `A ${interval === 'none' ? 'series without a time column' : `series of ${INTERVALS[interval].word}s`} has no calendar cycles to give the models: --covariates calendar adds nothing.`);
  }
  const tryCalendar = asked === undefined && source.calendar.length > 0;
  const shape = await chooseShape(points.values.length - test, interval, settings, preparer(asked === true), shouldStop, onProbe, tryCalendar ? 1 : 0);
  if (!tryCalendar || shape.validation === 0 || shouldStop()) return shape;
  return tryTheCalendar(shape, preparer(true), interval, settings, describeCovariates({ calendar: [...source.calendar], columns: [] }), shouldStop, onProbe);
}

const withReason = (shape: DataShape, reason: string): DataShape => ({ ...shape, reason: shape.reason ? `${shape.reason} ${reason}` : reason });

/** `shape` with the calendar's cycles (`cycles`, in words) when a probe with them scores clearly better on the validation part. */
async function tryTheCalendar(
  shape: DataShape,
  prepare: Prepare,
  interval: ResampleInterval,
  settings: ForecastSettings,
  cycles: string,
  shouldStop: () => boolean,
  onProbe?: (probe: ShapeProbe) => void,
): Promise<DataShape> {
  const { validation } = shape;
  const data = prepare(shape.data.transform, shape.data.window);
  const what = `${TRANSFORM_WORDS[data.transform]}, windows of ${steps(data.window, interval)}`;
  const probes = shape.probes.length + (shape.score ? 1 : 2);
  if (!shape.score) onProbe?.({ probe: probes - 1, probes, what });
  const without = shape.score ?? (await probe(shape.data, validation, settings, shouldStop));
  onProbe?.({ probe: probes, probes, what: `${what}, with the calendar (${cycles})` });
  const withCalendar = await probe(data, validation, settings, shouldStop);
  const ahead = steps(validationSteps(validation, settings.horizon), interval);
  const figures = (score: ValidationScore) => `one step ${score.oneStep.toPrecision(4)}, ${ahead} ahead ${score.multiStep.toPrecision(4)}`;
  const versus = `validation MAE ${figures(withCalendar)} with them, ${figures(without)} without`;
  if (withCalendar.score < without.score - CALENDAR_MARGIN) {
    return withReason({ ...shape, data, score: withCalendar }, `The calendar (${cycles}) is an input: it helps on the validation part (${versus}).`);
  }
  return withReason(shape, `The calendar (${cycles}) was tried and left out: it does not clearly help on the validation part (${Number.isFinite(withCalendar.score) ? versus : 'cancelled'}).`);
}

/** The transform and window (see the module comment), prepared by `prepare`; `extraProbes` more will follow. */
async function chooseShape(
  testStart: number,
  interval: ResampleInterval,
  settings: ForecastSettings,
  prepare: Prepare,
  shouldStop: () => boolean,
  onProbe: ((probe: ShapeProbe) => void) | undefined,
  extraProbes: number,
): Promise<DataShape> {
  const longest = settings.window === 'auto' ? TUTORIAL_WINDOW : settings.window;
  const validation = validationPoints(testStart, longest, settings.validationSplit);
  const transforms: TargetTransform[] = settings.transform === 'auto' ? AUTO_TRANSFORMS : [settings.transform];
  const windows = settings.window === 'auto' ? candidateWindows(interval, testStart, validation) : [settings.window];
  const candidates = transforms.flatMap((transform) => windows.map((window) => ({ transform, window })));
  if (candidates.length === 1 || validation === 0) {
    const [{ transform, window }] = candidates;
    const reason = candidates.length > 1 ? `No validation part to choose on: the model predicts ${TRANSFORM_WORDS[transform]}, windows of ${steps(window, interval)}.` : undefined;
    return { data: prepare(transform, window), validation, reason, probes: [] };
  }
  const what = (t: { transform: TargetTransform; window: number }) => `${TRANSFORM_WORDS[t.transform]}, windows of ${steps(t.window, interval)}`;
  const tried: Array<{ transform: TargetTransform; window: number; score: ValidationScore }> = [];
  for (const [index, candidate] of candidates.entries()) {
    if (shouldStop()) break;
    onProbe?.({ probe: index + 1, probes: candidates.length + extraProbes, what: what(candidate) });
    tried.push({ ...candidate, score: await probe(prepare(candidate.transform, candidate.window), validation, settings, shouldStop) });
  }
  const ranked = tried.filter((t) => Number.isFinite(t.score.score)).sort((a, b) => a.score.score - b.score.score);
  const figures = (s: ValidationScore) => `one step ${s.oneStep.toPrecision(4)}, ${steps(validationSteps(validation, settings.horizon), interval)} ahead ${s.multiStep.toPrecision(4)}`;
  const best = ranked[0];
  const probes = tried.map(({ transform, window, score }) => ({ transform, window, mae: score.oneStep, lastValue: score.persistence }));
  if (!best) return { data: prepare(candidates[0].transform, candidates[0].window), validation, probes };
  const lastValue = figures({ ...best.score, oneStep: best.score.persistence, multiStep: best.score.naive });
  if (best.score.score >= -1e-9) {
    return {
      data: prepare(best.transform, best.window),
      validation,
      probes,
      score: best.score,
      reason: `On the last ${steps(validation, interval)} of the training part, no candidate beat the last value (MAE ${lastValue}): the model predicts ${what(best)}, and what it adds to the last value is kept only where it clearly helps there.`,
    };
  }
  const others = ranked.slice(1).map((t) => `${what(t)}: ${figures(t.score)}`).join('; ');
  return {
    data: prepare(best.transform, best.window),
    validation,
    probes,
    score: best.score,
    reason:
      `Chosen on the last ${steps(validation, interval)} of the training part: the model predicts ${what(best)} ` +
      `(validation MAE ${figures(best.score)}; the last value: ${lastValue}${others ? `; ${others}` : ''}).`,
  };
}
