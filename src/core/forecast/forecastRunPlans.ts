/**
 * The models a forecast run trains, as the run bounds check them (see runBounds.ts): each
 * model of `settings.models`, and the probe MLP when the auto recipe chooses the data shape
 * on a validation part, each at the longest window the run can use and its widest input.
 */
import type { NamedSetting, RunPlan } from '../settings/runBounds';
import type { SettingNamer } from '../settings/numberSetting';
import { INPUTS_PER_CYCLE } from './calendarCycles';
import type { ForecastSettings } from './forecastSettings';
import { describeSpec, FORECASTERS, presetSpec, specShape, type ModelSpec } from './forecasters';

/** The longest window 'auto' chooses (see dataShape.ts: two seasons of the interval, or the tutorial's 60). */
const LONGEST_AUTO_WINDOW = 60;
/** Calendar cycles a series can get at most (hourly: hour of day, day of week, and one more for slack). */
const MOST_CYCLES = 3;

/** Whether the run fits probes (MLPs) to choose its transform, window or calendar (see chooseDataShape). */
function probes(settings: ForecastSettings): boolean {
  return settings.validationSplit > 0 && (settings.window === 'auto' || settings.transform === 'auto' || settings.covariates === 'auto');
}

/** Inputs per step at most: the value, the covariate columns, and the calendar's cycles where it may be used. */
function mostFeatures({ covariates }: ForecastSettings): number {
  const calendar = covariates === 'auto' || covariates.calendar ? MOST_CYCLES * INPUTS_PER_CYCLE : 0;
  return 1 + (covariates === 'auto' ? 0 : covariates.columns.length) + calendar;
}

/** Each model the run with `settings` trains (named through `name`, e.g. '--batch'), with the settings that size it. */
export function forecastRunPlans(settings: ForecastSettings, name: SettingNamer): RunPlan[] {
  const window = settings.window === 'auto' ? LONGEST_AUTO_WINDOW : settings.window;
  const named = (key: keyof ForecastSettings, value: number): NamedSetting => ({ name: name(key), value });
  const windowSetting = settings.window === 'auto' ? [] : [named('window', settings.window)];
  const specs: ModelSpec[] = [...settings.models.map((preset) => presetSpec(preset, settings)), ...(probes(settings) ? [presetSpec('mlp')] : [])];
  return specs.map((spec) => {
    const sized = FORECASTERS[spec.preset].sized ? [named('units', settings.units), named('layers', settings.layers)] : [];
    return {
      model: `the ${describeSpec(spec)}${spec.preset === 'mlp' && !settings.models.includes('mlp') ? ' that chooses the data shape' : ''}`,
      shape: specShape(spec, window, mostFeatures(settings)),
      batch: settings.batchSize,
      activations: [named('batchSize', settings.batchSize), ...windowSetting, ...sized],
      weights: sized,
    };
  });
}
