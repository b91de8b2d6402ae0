import {
  CELL_TYPES,
  LEARNING_RATE_SCHEDULES,
  type GenerationSettings,
  type TextProfile,
  type TextTrainingSettings,
} from './textSettings';
import { FIT_RULES, numberSetting, shown, type NumberRule, type SettingNamer } from '../settings/numberSetting';
import { checkWeightBounds } from '../settings/runBounds';
import { UserError } from '../userError';
import { chooseProfile, PROFILE_CHOICES, PROFILE_GENERATION, PROFILE_TRAINING, type ProfileChoice } from './textProfiles';
import { textRunPlan } from './textRunPlan';

const TRAINING_RULES: Record<Exclude<keyof TextTrainingSettings, 'cell' | 'profile' | 'learningRateSchedule'>, NumberRule> = {
  hiddenSize: { min: 1, max: 3000, integer: true },
  ...FIT_RULES,
  sequenceLength: { min: 2, max: 1000, integer: true },
  validationSplit: { min: 0, max: 0.5, integer: false },
  patience: { min: 0, max: 1000, integer: true },
  dropout: { min: 0, max: 0.9, integer: false },
  clipNorm: { min: 0, max: 1000, integer: false },
  minutes: { min: 0, max: 1440, integer: false },
};

/** `value` (absent: `fallback`) as one of `choices`, case and spaces ignored; UserError naming the setting otherwise. */
function choice<T extends string>(value: unknown, choices: readonly T[], fallback: T, setting: string): T {
  if (value === undefined) return fallback;
  const normalized = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (choices.includes(normalized as T)) return normalized as T;
  throw new UserError(`${setting} must be one of ${choices.map((c) => `"${c}"`).join(', ')}, not ${shown(value)}.`, setting);
}

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

/** The profile `raw.profile` names ('auto', absent, 'tutorial' or 'prose'), resolved for `text` ('auto' without a text: 'tutorial'), and why. */
function trainingProfile(raw: Record<string, unknown>, name: SettingNamer, text?: string): { profile: TextProfile; reason: string } {
  const picked: ProfileChoice = choice(raw.profile, PROFILE_CHOICES, 'auto', name('profile'));
  if (picked === 'auto' && text === undefined) return { profile: 'tutorial', reason: 'there is no text yet' };
  return chooseProfile(picked, text ?? '', name('profile'));
}

/**
 * Training settings from `raw`, numbers or numeric strings; missing keys take the profile's
 * (textProfiles.ts: `raw.profile`, 'auto' when absent, chosen by `text`). Throws a UserError
 * naming the setting (through `name`) that is not a number or is out of range.
 */
function readTraining(raw: Record<string, unknown>, name: SettingNamer, profile: TextProfile): TextTrainingSettings {
  const defaults = PROFILE_TRAINING[profile];
  return {
    profile,
    cell: choice(raw.cell, CELL_TYPES, defaults.cell, name('cell')),
    learningRateSchedule: choice(raw.learningRateSchedule, LEARNING_RATE_SCHEDULES, defaults.learningRateSchedule, name('learningRateSchedule')),
    ...numberSettings(raw, TRAINING_RULES, defaults, name),
  };
}

/**
 * Settings a model was trained with (a saved model's meta.json), as validateTraining but
 * without the run bounds: a model saved before them still loads. Keys it lacks (a model
 * saved before they existed) take its profile's values, the tutorial's when it names none.
 */
export function validateSavedTraining(raw: Record<string, unknown>, name: SettingNamer): TextTrainingSettings {
  return readTraining(raw, name, trainingProfile(raw, name).profile);
}

/**
 * Training settings from `raw` (VS Code settings, the panel's form, CLI flags): numbers or
 * numeric strings; missing keys take the profile's (textProfiles.ts: `raw.profile`, 'auto'
 * when absent, chosen by `text`). Throws a UserError naming the setting (through `name`)
 * that is not a number or is out of range, or the settings to lower when the model would
 * have too many weights whatever the text (see textRunPlan.ts; its memory is checked once
 * the text is read, by trainTextModel).
 */
export function validateTraining(raw: Record<string, unknown>, name: SettingNamer, text?: string): TextTrainingSettings {
  return validateTrainingFor(raw, name, text).training;
}

/** validateTraining's settings, and why their profile, in words that follow "because" (textProfiles.ts chooseProfile). */
export function validateTrainingFor(raw: Record<string, unknown>, name: SettingNamer, text?: string): { training: TextTrainingSettings; reason: string } {
  const { profile, reason } = trainingProfile(raw, name, text);
  const training = readTraining(raw, name, profile);
  checkWeightBounds(textRunPlan(training, name));
  return { training, reason };
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
 * Generation settings from `raw`, as validateTraining (missing keys take `profile`'s): the
 * prompt must be a string (any, empty included); length, temperature, top-k, top-p and seed
 * numbers or numeric strings in range; the repetition guard on or off.
 */
export function validateGeneration(raw: Record<string, unknown>, name: SettingNamer, profile: TextProfile = 'tutorial'): GenerationSettings {
  const defaults = PROFILE_GENERATION[profile];
  const prompt = raw.prompt === undefined ? defaults.prompt : raw.prompt;
  if (typeof prompt !== 'string') {
    throw new UserError(`${name('prompt')} must be text, not ${shown(prompt)}.`, name('prompt'));
  }
  const repetitionGuard = raw.repetitionGuard === undefined ? defaults.repetitionGuard : switchSetting(raw.repetitionGuard, name('repetitionGuard'));
  return { prompt, ...numberSettings(raw, GENERATION_RULES, defaults, name), repetitionGuard };
}
