import {
  CELL_TYPES,
  DEFAULT_GENERATION,
  DEFAULT_TRAINING,
  type CellType,
  type GenerationSettings,
  type TextTrainingSettings,
} from './textSettings';
import { FIT_RULES, numberSetting, shown, type NumberRule, type SettingNamer } from '../settings/numberSetting';
import { checkWeightBounds } from '../settings/runBounds';
import { UserError } from '../userError';
import { textRunPlan } from './textRunPlan';

const TRAINING_RULES: Record<Exclude<keyof TextTrainingSettings, 'cell'>, NumberRule> = {
  hiddenSize: { min: 1, max: 4096, integer: true },
  ...FIT_RULES,
  sequenceLength: { min: 2, max: 1000, integer: true },
  validationSplit: { min: 0, max: 0.5, integer: false },
  patience: { min: 0, max: 1000, integer: true },
};

const GENERATION_RULES: Record<Exclude<keyof GenerationSettings, 'prompt' | 'repetitionGuard'>, NumberRule> = {
  length: { min: 1, max: 100_000, integer: true },
  temperature: { min: 0, max: 10, integer: false },
  topK: { min: 0, max: 10_000, integer: true },
  topP: { min: 0, max: 1, integer: false, exclusiveMin: true },
  seed: FIT_RULES.seed,
};

/** Each key of `rules` read from `raw` (default when absent) and checked. */
function numberSettings<K extends string>(
  raw: Record<string, unknown>,
  rules: Record<K, NumberRule>,
  defaults: Record<K, number>,
  name: SettingNamer,
): Record<K, number> {
  const values = {} as Record<K, number>;
  for (const key of Object.keys(rules) as K[]) {
    values[key] = raw[key] === undefined ? defaults[key] : numberSetting(raw[key], rules[key], name(key));
  }
  return values;
}

/**
 * Settings a model was trained with (a saved model's meta.json), as validateTraining but
 * without the run bounds: a model saved before them still loads.
 */
export function validateSavedTraining(raw: Record<string, unknown>, name: SettingNamer): TextTrainingSettings {
  const cell = raw.cell === undefined ? DEFAULT_TRAINING.cell : raw.cell;
  const normalized = typeof cell === 'string' ? cell.trim().toLowerCase() : cell;
  if (!CELL_TYPES.includes(normalized as CellType)) {
    const allowed = CELL_TYPES.map((type) => `"${type}"`).join(', ');
    throw new UserError(`${name('cell')} must be one of ${allowed}, not ${shown(cell)}.`, name('cell'));
  }
  return { cell: normalized as CellType, ...numberSettings(raw, TRAINING_RULES, DEFAULT_TRAINING, name) };
}

const SWITCH_WORDS: Record<string, boolean> = { true: true, on: true, yes: true, '1': true, false: false, off: false, no: false, '0': false };

/** An on/off setting: a boolean, or one of the words of SWITCH_WORDS; UserError naming it otherwise. */
function switchSetting(value: unknown, setting: string): boolean {
  if (typeof value === 'boolean') return value;
  const word = typeof value === 'string' ? SWITCH_WORDS[value.trim().toLowerCase()] : undefined;
  if (word === undefined) throw new UserError(`${setting} must be on or off (true or false), not ${shown(value)}.`, setting);
  return word;
}

/**
 * Training settings from `raw` (VS Code settings, the panel's form, CLI flags): numbers or
 * numeric strings; missing keys take DEFAULT_TRAINING. Throws a UserError naming the
 * setting (through `name`) that is not a number or is out of range, or the settings to lower
 * when the model would have too many weights whatever the text (see textRunPlan.ts; its
 * memory is checked once the text is read, by trainTextModel).
 */
export function validateTraining(raw: Record<string, unknown>, name: SettingNamer): TextTrainingSettings {
  const training = validateSavedTraining(raw, name);
  checkWeightBounds(textRunPlan(training, name));
  return training;
}

/**
 * Generation settings from `raw`, as validateTraining: the prompt must be a string (any,
 * empty included); length, temperature, top-k, top-p and seed numbers or numeric strings in
 * range; the repetition guard on or off.
 */
export function validateGeneration(raw: Record<string, unknown>, name: SettingNamer): GenerationSettings {
  const prompt = raw.prompt === undefined ? DEFAULT_GENERATION.prompt : raw.prompt;
  if (typeof prompt !== 'string') {
    throw new UserError(`${name('prompt')} must be text, not ${shown(prompt)}.`, name('prompt'));
  }
  const repetitionGuard = raw.repetitionGuard === undefined ? DEFAULT_GENERATION.repetitionGuard : switchSetting(raw.repetitionGuard, name('repetitionGuard'));
  return { prompt, ...numberSettings(raw, GENERATION_RULES, DEFAULT_GENERATION, name), repetitionGuard };
}
