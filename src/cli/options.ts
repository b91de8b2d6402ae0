import type { BackendChoice } from '../core/backendChoice';
import type { GenerationSettings, TextProfile, TextTrainingSettings } from '../core/text/textSettings';
import { validateGeneration, validateTraining, validateTrainingFor } from '../core/text/textSettingsValidation';
import { DEFAULT_MAX_TEXT_BYTES } from '../core/text/textSize';
import { UserError } from '../core/userError';
import { backendFrom, COMMON_OPTIONS, folderFrom, parseFlags, STRING_FLAG, UsageError } from './commonOptions';


/** What `rnn-studio generate ...` asks for, validated. */
export interface CliRequest {
  /** Train on this file, or `load` a saved model. */
  textFile?: string;
  load?: string;
  save?: string;
  maxBytes: number;
  /** The training settings for `text` (its profile's defaults where no flag is given), and why that profile. */
  trainingFor(text: string): { training: TextTrainingSettings; reason: string };
  /** The generation settings, `profile`'s defaults where no flag is given. */
  generationFor(profile: TextProfile): GenerationSettings;
  backend: BackendChoice;
  json: boolean;
}

const string = STRING_FLAG;

const OPTIONS = {
  'text-file': string,
  profile: string,
  cell: string,
  hidden: string,
  layers: string,
  epochs: string,
  lr: string,
  batch: string,
  'sequence-length': string,
  'validation-split': string,
  patience: string,
  dropout: string,
  clip: string,
  minutes: string,
  'lr-schedule': string,
  'max-bytes': string,
  prompt: string,
  length: string,
  temperature: string,
  'top-k': string,
  'top-p': string,
  'repetition-guard': string,
  ...COMMON_OPTIONS,
} as const;

/** Flag of each setting, for reading it and for naming it in errors. */
const TRAINING_FLAGS: Record<keyof TextTrainingSettings, keyof typeof OPTIONS> = {
  profile: 'profile',
  cell: 'cell',
  hiddenSize: 'hidden',
  layers: 'layers',
  epochs: 'epochs',
  learningRate: 'lr',
  batchSize: 'batch',
  sequenceLength: 'sequence-length',
  validationSplit: 'validation-split',
  patience: 'patience',
  dropout: 'dropout',
  clipNorm: 'clip',
  minutes: 'minutes',
  learningRateSchedule: 'lr-schedule',
  seed: 'seed',
};
/** A training setting's flag, as errors name it: '--batch'. */
export const trainingFlag = (key: string) => `--${TRAINING_FLAGS[key as keyof TextTrainingSettings]}`;
const GENERATION_FLAGS: Record<keyof GenerationSettings, keyof typeof OPTIONS> = {
  prompt: 'prompt',
  length: 'length',
  temperature: 'temperature',
  topK: 'top-k',
  topP: 'top-p',
  repetitionGuard: 'repetition-guard',
  seed: 'seed',
};

/** The flags' values keyed by setting, leaving out flags not given (they take the defaults). */
function settingsFrom(values: Record<string, unknown>, flags: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(flags).map(([key, flag]) => [key, values[flag]]));
}

function maxBytesFrom(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_TEXT_BYTES;
  const bytes = Number(value);
  if (!/^\d+$/.test(value.trim()) || bytes < 1) throw new UserError(`--max-bytes must be a whole number of bytes above 0, not "${value}".`);
  return bytes;
}

/**
 * The request in `args` (what follows `node cli.js`), or 'help'. Throws UsageError for an
 * unknown command or flag and a missing --text-file / --load, UserError for a bad value.
 */
export function parseCommandLine(args: string[]): CliRequest | 'help' {
  const { values, positionals } = parseFlags(args, OPTIONS);
  if (values.help) return 'help';
  if (positionals.length !== 1 || positionals[0] !== 'generate') {
    throw new UsageError(`Expected the command "generate" or "forecast" (first), got ${positionals.length ? `"${positionals.join(' ')}"` : 'none'}.`);
  }
  if ((values['text-file'] === undefined) === (values.load === undefined)) {
    throw new UsageError('Give either --text-file FILE (train) or --load DIR (use a saved model).');
  }
  const flagName = (flags: Record<string, string>) => (key: string) => `--${flags[key]}`;
  const training = settingsFrom(values, TRAINING_FLAGS);
  const generation = settingsFrom(values, GENERATION_FLAGS);
  const trainingFor = (text: string) => validateTrainingFor(training, trainingFlag, text);
  const generationFor = (profile: TextProfile) => validateGeneration(generation, flagName(GENERATION_FLAGS), profile);
  // A bad flag is refused now, before the text is read or a backend started.
  validateTraining(training, trainingFlag);
  generationFor('tutorial');
  return {
    textFile: values['text-file'],
    load: folderFrom(values.load, '--load'),
    save: folderFrom(values.save, '--save'),
    maxBytes: maxBytesFrom(values['max-bytes']),
    trainingFor,
    generationFor,
    backend: backendFrom(values.backend),
    json: values.json ?? false,
  };
}
