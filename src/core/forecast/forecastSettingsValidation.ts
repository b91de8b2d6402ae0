import { FIT_RULES, numberSetting, shown, type NumberRule, type SettingNamer } from '../settings/numberSetting';
import { checkRunBounds } from '../settings/runBounds';
import { UserError } from '../userError';
import { parseCovariates } from './covariateChoice';
import { DEFAULT_FORECAST_SETTINGS, FORECAST_RECIPES, TUTORIAL_FORECAST_SETTINGS, type ForecastSettings } from './forecastSettings';
import { forecastRunPlans } from './forecastRunPlans';
import { PRESET_NAMES, type PresetName } from './forecasters';
import { RESAMPLE_CHOICES } from './intervals';
import { AGGREGATIONS } from './resample';
import { SCALER_KINDS } from './scaler';
import { TARGET_TRANSFORMS } from './transform';

type NumericKey = 'units' | 'layers' | 'epochs' | 'batchSize' | 'learningRate' | 'validationSplit' | 'patience' | 'horizon' | 'backtest' | 'ensemble' | 'seed';

const WINDOW_RULE: NumberRule = { min: 1, max: 5000, integer: true };
const TEST_RULE: NumberRule = { min: 1, max: 1_000_000, integer: true };

const RULES: Record<NumericKey, NumberRule> = {
  units: { min: 1, max: 1024, integer: true },
  ...FIT_RULES,
  validationSplit: { min: 0, max: 0.5, integer: false },
  patience: { min: 0, max: 100_000, integer: true },
  horizon: { min: 1, max: 10_000, integer: true },
  backtest: { min: 0, max: 50, integer: true },
  ensemble: { min: 1, max: 10, integer: true },
};

function choice<T extends string>(value: unknown, choices: readonly T[], setting: string): T {
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw new UserError(`${setting} must be one of ${choices.join(', ')}, not ${shown(value)}.`, setting);
}

/** Presets from a list, a comma-separated string, or 'all' (every preset, the tutorial's first). */
function presets(value: unknown, setting: string): PresetName[] {
  const names = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').map((name) => name.trim()) : [value];
  if (names.length === 1 && names[0] === 'all') return [...PRESET_NAMES];
  const picked = names.map((name) => choice(name, PRESET_NAMES, setting));
  if (picked.length === 0) throw new UserError(`${setting} must name at least one model.`, setting);
  return [...new Set(picked)];
}

function flag(value: unknown, setting: string): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new UserError(`${setting} must be true or false, not ${shown(value)}.`, setting);
}

function optionalName(value: unknown, setting: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UserError(`${setting} must be a column name, not ${shown(value)}.`, setting);
  return value;
}

/**
 * Forecast settings from `raw` (numbers or numeric strings; undefined takes the default),
 * each checked: UserError naming the setting as `name(key)` says, e.g. '--window'.
 * `timeColumn` may be null (no time column) or the string 'none'. A run whose models would
 * have too many weights or need too much memory to train is refused too (see runBounds.ts),
 * naming the settings to lower.
 */
export function validateForecastSettings(raw: Record<string, unknown>, name: SettingNamer = (key) => key): ForecastSettings {
  const recipe = choice(raw.recipe ?? DEFAULT_FORECAST_SETTINGS.recipe, FORECAST_RECIPES, name('recipe'));
  const defaults = recipe === 'tutorial' ? TUTORIAL_FORECAST_SETTINGS : DEFAULT_FORECAST_SETTINGS;
  const value = (key: keyof ForecastSettings) => (raw[key] === undefined ? defaults[key] : raw[key]);
  const window = value('window');
  const test = value('test');
  const numbers = Object.fromEntries(
    (Object.keys(RULES) as NumericKey[]).map((key) => [key, numberSetting(value(key), RULES[key], name(key))]),
  ) as Pick<ForecastSettings, NumericKey>;
  const timeColumn = raw.timeColumn === null || raw.timeColumn === 'none' ? null : optionalName(raw.timeColumn, name('timeColumn'));
  const settings: ForecastSettings = {
    ...numbers,
    recipe,
    window: window === 'auto' ? 'auto' : numberSetting(window, WINDOW_RULE, name('window')),
    test: test === 'auto' ? 'auto' : numberSetting(test, TEST_RULE, name('test')),
    column: optionalName(raw.column, name('column')),
    timeColumn,
    resample: choice(value('resample'), RESAMPLE_CHOICES, name('resample')),
    aggregation: choice(value('aggregation'), AGGREGATIONS, name('aggregation')),
    models: presets(value('models'), name('models')),
    transform: choice(value('transform'), ['auto', ...TARGET_TRANSFORMS] as const, name('transform')),
    scaler: choice(value('scaler'), SCALER_KINDS, name('scaler')),
    rollout: choice(value('rollout'), ['state', 'window'] as const, name('rollout')),
    shrink: flag(value('shrink'), name('shrink')),
    covariates: parseCovariates(value('covariates'), name('covariates')),
  };
  for (const plan of forecastRunPlans(settings, name)) checkRunBounds(plan);
  return settings;
}
