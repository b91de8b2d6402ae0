/**
 * One model of the forecasting job: its seed ensemble's members trained one after another
 * (seeds seed, seed + 1, ...; a loaded model is one member, not trained), each with its own
 * shrinkage fitted on the validation part; the median of the members or the best one chosen
 * on the validation part (see seedEnsemble.ts); then what is used is evaluated on the
 * held-out points, forecast past the end, backtested, and (the best member) saved.
 */
import type * as tf from '@tensorflow/tfjs';
import type { BacktestRow } from './backtest';
import type { ForecastData } from './forecastData';
import type { ForecastFitResult } from './forecastFitResult';
import type { ForecastEpoch } from './forecastJob';
import { buildForecastModel } from './forecastModels';
import { forecastNetFor, type ForecastNet } from './forecastNet';
import type { ModelRun } from './forecastResult';
import type { ForecastSettings } from './forecastSettings';
import { fitForecastNet } from './forecastTraining';
import { describeSpec, type ModelSpec } from './forecasters';
import { backtestModel, netPathFrom, type JobBacktest } from './jobBacktest';
import { forecastMetrics } from './metrics';
import type { ForecastIntervals } from './predictionIntervals';
import { futureValues, heldOutPredictions } from './predictions';
import { chooseEnsemble, ensembleNote, medianOf, medianPathFrom, medianValidation } from './seedEnsemble';
import type { TrainedForecaster } from './trainedForecaster';
import { validationSteps } from './validationPaths';
import { pathResiduals, validationForecasts, type ValidationForecasts } from './validationScore';

/** What a job's models share. */
export interface ModelRunContext {
  data: ForecastData;
  /** Validation windows: the last of data.train. */
  validation: number;
  settings: ForecastSettings;
  plans: JobBacktest;
  /** The forecast's times past the end. [horizon] */
  horizonTimes: number[];
  /** The held-out points' true values and the MASE scale. */
  actual: number[];
  scale: number;
  /** A saved model applied instead of training, and its folder. */
  loaded?: { forecaster: TrainedForecaster; from: string };
  /** Presets the job trains (for the progress). */
  models: number;
  onEpoch?(epoch: ForecastEpoch): void;
  shouldStop: () => boolean;
  /** Saves a trained member's network, with what it was trained with; returns the folder. */
  save?(member: SavedMember): Promise<string>;
}

/** A trained network and what goes with it into a saved model. */
export interface SavedMember {
  model: tf.LayersModel;
  seed: number;
  fit: ForecastFitResult;
  shrinkage: { oneStep: number; path: number };
}

interface Member extends SavedMember {
  net: ForecastNet;
  /** One-step predictions of the held-out points, shrunk. [test] */
  predicted: number[];
  /** The forecast past the end, shrunk. [horizon] */
  forecast: number[];
  /** Its shrunk forecasts of the validation part (for choosing and the intervals; absent when there is none). */
  validation?: ValidationForecasts;
}

export interface TrainedModelRun {
  run: ModelRun;
  row?: BacktestRow;
  intervals?: ForecastIntervals;
  /** Training was stopped while this model trained. */
  cancelled: boolean;
  /** What to tell the user: which the ensemble used, what was saved. */
  notes: string[];
}

/** A member's forecasts of a validation part there is not: scored NaN (the first seed is kept). */
const NOT_JUDGED: ValidationForecasts = { previous: [], predicted: [], actual: [], start: [], paths: [], pathActual: [], block: 1 };

/** A fit result for a loaded model (nothing trained). */
function notTrained(data: ForecastData, finalLoss: number): ForecastFitResult {
  return { lossHistory: [], valLossHistory: [], epochsRun: 0, bestEpoch: 0, stoppedEarly: false, cancelled: false, msPerEpoch: 0, finalLoss, trainWindows: data.train.count, validationWindows: 0 };
}

/** A trained net's shrinkage (1: none; a loaded model's own) and, when there is a validation part, its shrunk forecasts of it. */
function shrinkAndValidate(ctx: ModelRunContext, net: ForecastNet): { shrinkage: Member['shrinkage']; validation?: ValidationForecasts } {
  const { data, validation, settings, loaded } = ctx;
  if (loaded) return { shrinkage: { oneStep: loaded.forecaster.shrinkage ?? 1, path: loaded.forecaster.pathShrinkage ?? loaded.forecaster.shrinkage ?? 1 } };
  if (validation === 0) return { shrinkage: { oneStep: 1, path: 1 } };
  const { shrinkage, forecasts } = validationForecasts(net, data, validation, settings);
  return { shrinkage, validation: forecasts };
}

/** Trains member `member` of `members` (seed + member) into `into` (which owns it from the start, for disposal). */
async function trainMember(ctx: ModelRunContext, spec: ModelSpec, index: number, member: number, members: number, into: Member[]): Promise<Member> {
  const { data, validation, settings, loaded } = ctx;
  const seed = settings.seed + member;
  const model = loaded?.forecaster.model ?? buildForecastModel(spec, data.window, seed, data.features);
  const net = forecastNetFor(model);
  const entry: Member = { model, net, seed, fit: notTrained(data, loaded?.forecaster.finalLoss ?? NaN), shrinkage: { oneStep: 1, path: 1 }, predicted: [], forecast: [] };
  into.push(entry);
  if (!loaded) {
    entry.fit = await fitForecastNet(
      net,
      data.train,
      { ...settings, validationSplit: validation / data.train.count },
      { onEpoch: (epoch) => ctx.onEpoch?.({ ...epoch, model: spec.preset, modelIndex: index, models: ctx.models, member, members }), shouldStop: ctx.shouldStop },
    );
    net.writeBack();
  }
  const { shrinkage, validation: judged } = shrinkAndValidate(ctx, net);
  entry.shrinkage = shrinkage;
  entry.validation = judged;
  entry.predicted = heldOutPredictions(net, data, shrinkage.oneStep);
  entry.forecast = futureValues(net, data, settings.horizon, settings.rollout, shrinkage.path);
  return entry;
}

/** Trains, chooses, evaluates, backtests and saves the model `spec`, `index` of the job's (see the module comment). */
export async function trainModelRun(ctx: ModelRunContext, spec: ModelSpec, index: number): Promise<TrainedModelRun> {
  const { data, settings, loaded } = ctx;
  const ensemble = loaded ? 1 : settings.ensemble;
  const members: Member[] = [];
  try {
    let cancelled = false;
    for (let member = 0; member < ensemble && !(member > 0 && (cancelled || ctx.shouldStop())); member++) {
      cancelled = (await trainMember(ctx, spec, index, member, ensemble, members)).fit.cancelled || cancelled;
    }
    const label = describeSpec(spec);
    const choice = members.length > 1 ? chooseEnsemble(members.map((m) => m.validation ?? NOT_JUDGED)) : undefined;
    const best = members[choice?.best ?? 0];
    const median = choice?.used === 'median';
    const notes = choice ? [ensembleNote(label, members.map((m) => m.seed), choice, validationSteps(ctx.validation, settings.horizon))] : [];
    const predicted = median ? medianOf(members.map((m) => m.predicted)) : best.predicted;
    const forecast = median ? medianOf(members.map((m) => m.forecast)) : best.forecast;
    const path = median
      ? medianPathFrom(members.map((m) => netPathFrom(m.net, data, settings.rollout, m.shrinkage.path)))
      : netPathFrom(best.net, data, settings.rollout, best.shrinkage.path);
    const run: ModelRun = {
      name: spec.preset,
      label,
      spec,
      ...(loaded ? { loadedFrom: loaded.from } : { ensemble: { members: members.length, used: median ? 'median' : 'best', seed: best.seed } }),
      epochs: loaded ? 0 : settings.epochs,
      shrinkage: best.shrinkage.oneStep,
      pathShrinkage: best.shrinkage.path,
      ...best.fit,
      cancelled,
      predicted,
      metrics: forecastMetrics(ctx.actual, predicted, ctx.scale),
      forecast: { t: ctx.horizonTimes, value: forecast },
    };
    const judged = median ? medianValidation(members.map((m) => m.validation ?? NOT_JUDGED)) : best.validation;
    const tested = backtestModel(ctx.plans, data.levels, { name: spec.preset, label, path, forecast }, judged ? pathResiduals(judged) : []);
    if (ctx.save && !loaded) {
      run.savedTo = await ctx.save(best);
      if (median) notes.push(`${label}: the saved model is seed ${best.seed}'s network (a saved model is one network, not the median of the seeds).`);
    }
    return { run, ...tested, cancelled, notes };
  } finally {
    for (const m of members) {
      m.net.dispose();
      if (!loaded) m.model.dispose();
    }
  }
}
