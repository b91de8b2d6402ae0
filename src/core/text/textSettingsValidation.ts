import {
  CELL_TYPES,
  DEFAULT_GENERATION,
  DEFAULT_TRAINING,
  type CellType,
  type GenerationSettings,
  type TextTrainingSettings,
} from './textSettings';
import { UserError } from '../userError';

/** How a setting is called where the value came from, e.g. 'rnnStudio.text.hiddenSize' or '--hidden'. */
export type SettingNamer = (key: string) => string;

/** A plain decimal number, as typed: "12", "-3", "0.01", ".5", "1e-3". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Allowed values of one numeric setting. */
interface NumberRule {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer: boolean;
  /** `min` itself is not allowed (learning rate 0). */
  exclusiveMin?: boolean;
}

const TRAINING_RULES: Record<Exclude<keyof TextTrainingSettings, 'cell'>, NumberRule> = {
  hiddenSize: { min: 1, max: 4096, integer: true },
  layers: { min: 1, max: 8, integer: true },
  epochs: { min: 1, max: 100_000, integer: true },
  learningRate: { min: 0, max: 1, integer: false, exclusiveMin: true },
  batchSize: { min: 1, max: 4096, integer: true },
  sequenceLength: { min: 2, max: 1000, integer: true },
  seed: { min: 0, max: 4_294_967_295, integer: true },
};

const GENERATION_RULES: Record<Exclude<keyof GenerationSettings, 'prompt'>, NumberRule> = {
  length: { min: 1, max: 100_000, integer: true },
  temperature: { min: 0, max: 10, integer: false },
  seed: { min: 0, max: 4_294_967_295, integer: true },
};

/** A rejected value as a message shows it: 12, "abc", null. */
function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}

/** "a whole number from 1 to 8", "a number above 0 and at most 1". */
function describe(rule: NumberRule): string {
  const kind = rule.integer ? 'a whole number' : 'a number';
  return rule.exclusiveMin ? `${kind} above ${rule.min} and at most ${rule.max}` : `${kind} from ${rule.min} to ${rule.max}`;
}

/** `value` (a number or a numeric string) checked against `rule`; UserError naming the setting otherwise. */
function numberSetting(value: unknown, rule: NumberRule, setting: string): number {
  const parsed =
    typeof value === 'number' ? value : typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value) : NaN;
  const inRange = parsed > rule.min || (parsed === rule.min && !rule.exclusiveMin);
  if (!Number.isFinite(parsed) || !inRange || parsed > rule.max || (rule.integer && !Number.isInteger(parsed))) {
    throw new UserError(`${setting} must be ${describe(rule)}, not ${shown(value)}.`, setting);
  }
  return parsed;
}

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
 * Training settings from `raw` (VS Code settings, the panel's form, CLI flags): numbers or
 * numeric strings; missing keys take DEFAULT_TRAINING. Throws a UserError naming the
 * setting (through `name`) that is not a number or is out of range.
 */
export function validateTraining(raw: Record<string, unknown>, name: SettingNamer): TextTrainingSettings {
  const cell = raw.cell === undefined ? DEFAULT_TRAINING.cell : raw.cell;
  const normalized = typeof cell === 'string' ? cell.trim().toLowerCase() : cell;
  if (!CELL_TYPES.includes(normalized as CellType)) {
    const allowed = CELL_TYPES.map((type) => `"${type}"`).join(', ');
    throw new UserError(`${name('cell')} must be one of ${allowed}, not ${shown(cell)}.`, name('cell'));
  }
  return { cell: normalized as CellType, ...numberSettings(raw, TRAINING_RULES, DEFAULT_TRAINING, name) };
}

/**
 * Generation settings from `raw`, as validateTraining: the prompt must be a string (any,
 * empty included); length, temperature and seed numbers or numeric strings in range.
 */
export function validateGeneration(raw: Record<string, unknown>, name: SettingNamer): GenerationSettings {
  const prompt = raw.prompt === undefined ? DEFAULT_GENERATION.prompt : raw.prompt;
  if (typeof prompt !== 'string') {
    throw new UserError(`${name('prompt')} must be text, not ${shown(prompt)}.`, name('prompt'));
  }
  return { prompt, ...numberSettings(raw, GENERATION_RULES, DEFAULT_GENERATION, name) };
}
