/**
 * "What to try": when the best model does not beat the best baseline on the held-out points,
 * the settings whose change could help, each with the figure that supports it — the
 * validation MAEs of the probes dataShape fitted (never the held-out part) against the last
 * value's there, the gaps of the resampled series, epochs cut short, the recipe's or
 * transform's known weakness. Pure: the job calls it with
 * what it measured; the panel offers each as "Try it", the CLI prints them.
 */
import * as v from 'valibot';
import { DEFAULT_FORECAST_SETTINGS, TUTORIAL_FORECAST_SETTINGS, type ForecastSettings } from './forecastSettings';
import { PRESET_NAMES, type PresetName } from './forecasters';
import { INTERVALS, RESAMPLE_CHOICES, steps, type ResampleInterval } from './intervals';
import { TARGET_TRANSFORMS, TRANSFORM_WORDS, type TargetTransform } from './transform';

/** Suggestions kept at most, the most useful first. */
const MAX_SUGGESTIONS = 3;
/** A probe "close to" the chosen one: its validation MAE within this factor of the chosen probe's. */
const CLOSE = 1.1;
/** Gaps per point above which an interval set by hand is too fine for the data. */
const GAPPY = 0.5;

/** A candidate dataShape probed on the validation part: its transform, window, validation MAE and the last value's over the same points (series' units; NaN if cancelled). */
export interface ProbeFigure {
  transform: TargetTransform;
  window: number;
  mae: number;
  lastValue: number;
}

/** What a suggestion changes: settings of ForecastSettings, the others kept. */
const SettingsChangeSchema = v.object({
  recipe: v.optional(v.picklist(['auto', 'tutorial'])),
  resample: v.optional(v.picklist(RESAMPLE_CHOICES)),
  transform: v.optional(v.picklist(['auto', ...TARGET_TRANSFORMS])),
  window: v.optional(v.union([v.literal('auto'), v.pipe(v.number(), v.integer(), v.minValue(1))])),
  models: v.optional(v.array(v.picklist(PRESET_NAMES))),
  epochs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
type SettingsChange = v.InferOutput<typeof SettingsChangeSchema>;

export const SuggestionSchema = v.object({
  /** The setting it changes, as the panel's form names it. */
  setting: v.picklist(['transform', 'interval', 'window', 'model', 'recipe', 'epochs']),
  change: SettingsChangeSchema,
  /** "transform: diff, window: 14". */
  label: v.string(),
  /** Why, with the figure that supports it. */
  reason: v.string(),
});
export type Suggestion = v.InferOutput<typeof SuggestionSchema>;

export interface SuggestionInput {
  /** The settings the job ran with (validated). */
  settings: ForecastSettings;
  /** The transform and window the models were trained with. */
  chosen: { transform: TargetTransform; window: number };
  /** dataShape's probes (empty when nothing was chosen). */
  probes: readonly ProbeFigure[];
  interval: ResampleInterval;
  /** Empty intervals and points of the resampled series. */
  gaps: number;
  points: number;
  /** The best trained model's label, held-out MAE and how its training ended (undefined: none ran). */
  best?: { label: string; mae: number; epochsRun: number; stoppedEarly: boolean };
  /** The best baseline's label and held-out MAE. */
  baseline: { label: string; mae: number };
}

const fmt = (x: number) => (Math.abs(x) >= 1000 ? x.toFixed(0) : x.toPrecision(4));
const what = (p: { transform: TargetTransform; window: number }, interval: ResampleInterval) => `${TRANSFORM_WORDS[p.transform]}, windows of ${steps(p.window, interval)}`;

/** Probes other than the chosen one that beat the last value on the validation part, their MAE close to the chosen one's. */
function closeProbes(input: SuggestionInput): Array<{ setting: 'transform' | 'window'; probe: ProbeFigure; chosenMae: number }> {
  const { chosen, probes } = input;
  const mine = probes.find((p) => p.transform === chosen.transform && p.window === chosen.window);
  if (!mine || !Number.isFinite(mine.mae)) return [];
  return probes
    .filter((p) => Number.isFinite(p.mae) && p !== mine && p.mae < p.lastValue && p.mae <= mine.mae * CLOSE)
    .sort((a, b) => a.mae - b.mae)
    .map((probe) => ({ setting: probe.transform !== chosen.transform ? ('transform' as const) : ('window' as const), probe, chosenMae: mine.mae }));
}

/** What to try (at most three), or none when the best model beats the best baseline. */
export function suggestSettings(input: SuggestionInput): Suggestion[] {
  const { settings, best, baseline, interval } = input;
  if (!best || best.mae < baseline.mae || !Number.isFinite(baseline.mae)) return [];
  const loses = `${best.label} does not beat ${baseline.label} on the held-out points (MAE ${fmt(best.mae)} vs ${fmt(baseline.mae)})`;
  const out: Suggestion[] = [];
  if (settings.recipe === 'tutorial') {
    out.push({
      setting: 'recipe',
      change: { recipe: 'auto' },
      label: 'recipe: auto',
      reason: `${loses}. The auto recipe chooses the transform and window on the validation part, stops early and shrinks toward the last value.`,
    });
  }
  if (settings.resample !== 'auto' && settings.resample !== 'none' && input.points > 0 && input.gaps / input.points > GAPPY) {
    out.push({
      setting: 'interval',
      change: { resample: 'auto' },
      label: 'interval: auto',
      reason: `${loses}, and ${input.gaps.toLocaleString('en')} of its ${input.points.toLocaleString('en')} ${INTERVALS[interval].word}s are empty: the interval is finer than the data's. Auto uses the series' own.`,
    });
  }
  const fullEpochs = settings.recipe === 'tutorial' ? TUTORIAL_FORECAST_SETTINGS.epochs : DEFAULT_FORECAST_SETTINGS.epochs;
  if (!best.stoppedEarly && best.epochsRun >= settings.epochs && settings.epochs < fullEpochs) {
    out.push({
      setting: 'epochs',
      change: { epochs: fullEpochs },
      label: `epochs: ${fullEpochs}`,
      reason: `${loses}. It trained all ${best.epochsRun} of its ${settings.epochs} epochs without stopping early: it may not have finished learning.`,
    });
  }
  for (const { setting, probe, chosenMae } of closeProbes(input)) {
    const change: SettingsChange = setting === 'transform' ? { transform: probe.transform, window: probe.window } : { window: probe.window };
    out.push({
      setting,
      change,
      label: setting === 'transform' ? `transform: ${probe.transform}, window: ${probe.window}` : `window: ${probe.window}`,
      reason: `${loses}. On the validation part, ${what(probe, interval)} scored MAE ${fmt(probe.mae)} (the last value: ${fmt(probe.lastValue)}), close to the chosen ${what(input.chosen, interval)} (${fmt(chosenMae)}).`,
    });
  }
  if (settings.transform === 'level' && settings.recipe !== 'tutorial') {
    out.push({
      setting: 'transform',
      change: { transform: 'auto' },
      label: 'transform: auto',
      reason: `${loses}. A model of the level cannot forecast beyond the training part's range; auto predicts the change, from relative windows or from the last changes, whichever the validation part favours.`,
    });
  }
  if (settings.models.length === 1) {
    const other: PresetName = settings.models[0] === 'mlp' ? 'gru' : 'mlp';
    out.push({
      setting: 'model',
      change: { models: [settings.models[0], other] },
      label: `models: ${settings.models[0]}, ${other}`,
      reason: `${loses}. Compare it with the ${other.toUpperCase()} on the same split.`,
    });
  }
  return out.slice(0, MAX_SUGGESTIONS);
}
