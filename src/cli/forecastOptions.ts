import type { BackendChoice } from '../core/backendChoice';
import type { ForecastSettings } from '../core/forecast/forecastSettings';
import { validateForecastSettings } from '../core/forecast/forecastSettingsValidation';
import { backendFrom, COMMON_OPTIONS, folderFrom, parseFlags, STRING_FLAG, UsageError } from './commonOptions';

/** What `rnn-studio forecast ...` asks for, validated. */
export interface ForecastCliRequest {
  command: 'forecast';
  csv: string;
  settings: ForecastSettings;
  load?: string;
  save?: string;
  backend: BackendChoice;
  json: boolean;
}

const string = STRING_FLAG;

const OPTIONS = {
  csv: string,
  column: string,
  'time-column': string,
  resample: string,
  /** Another name for --resample: the series' time step. */
  interval: string,
  agg: string,
  window: string,
  test: string,
  model: string,
  units: string,
  layers: string,
  epochs: string,
  batch: string,
  lr: string,
  'validation-split': string,
  patience: string,
  horizon: string,
  backtest: string,
  ensemble: string,
  transform: string,
  scaler: string,
  rollout: string,
  recipe: string,
  shrink: string,
  covariates: string,
  ...COMMON_OPTIONS,
} as const;

/** Flag of each setting, for reading it and for naming it in errors. */
const FLAGS: Record<keyof ForecastSettings, keyof typeof OPTIONS> = {
  column: 'column',
  timeColumn: 'time-column',
  resample: 'resample',
  aggregation: 'agg',
  window: 'window',
  test: 'test',
  models: 'model',
  units: 'units',
  layers: 'layers',
  epochs: 'epochs',
  batchSize: 'batch',
  learningRate: 'lr',
  validationSplit: 'validation-split',
  patience: 'patience',
  horizon: 'horizon',
  backtest: 'backtest',
  ensemble: 'ensemble',
  transform: 'transform',
  scaler: 'scaler',
  rollout: 'rollout',
  seed: 'seed',
  recipe: 'recipe',
  shrink: 'shrink',
  covariates: 'covariates',
};

/**
 * The request in `args` (what follows `forecast`), or 'help'. UsageError for an unknown flag,
 * a stray argument or no --csv; UserError naming the flag for a bad value.
 */
export function parseForecastCommandLine(args: string[]): ForecastCliRequest | 'help' {
  const { values, positionals } = parseFlags(args, OPTIONS);
  if (values.help) return 'help';
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  if (values.csv === undefined) throw new UsageError('Give the CSV file to forecast with --csv FILE.');
  if (values.interval !== undefined && values.resample !== undefined && values.interval !== values.resample) {
    throw new UsageError(`--interval and --resample name the same setting: give one (here ${values.interval} and ${values.resample}).`);
  }
  const raw = { ...Object.fromEntries(Object.entries(FLAGS).map(([key, flag]) => [key, values[flag]])), resample: values.resample ?? values.interval };
  return {
    command: 'forecast',
    csv: values.csv,
    settings: validateForecastSettings(raw, (key) => `--${FLAGS[key as keyof ForecastSettings]}`),
    load: folderFrom(values.load, '--load'),
    save: folderFrom(values.save, '--save'),
    backend: backendFrom(values.backend),
    json: values.json ?? false,
  };
}
