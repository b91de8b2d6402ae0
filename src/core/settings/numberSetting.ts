import { UserError } from '../userError';

/** How a setting is called where the value came from, e.g. 'rnnStudio.text.hiddenSize' or '--hidden'. */
export type SettingNamer = (key: string) => string;

/** Allowed values of one numeric setting. */
export interface NumberRule {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer: boolean;
  /** `min` itself is not allowed (learning rate 0). */
  exclusiveMin?: boolean;
}

/** The rules of the settings every trainer has (the text and forecast settings add their own). */
export const FIT_RULES = {
  layers: { min: 1, max: 8, integer: true },
  epochs: { min: 1, max: 100_000, integer: true },
  learningRate: { min: 0, max: 1, integer: false, exclusiveMin: true },
  batchSize: { min: 1, max: 4096, integer: true },
  seed: { min: 0, max: 4_294_967_295, integer: true },
} satisfies Record<string, NumberRule>;

/** A plain decimal number, as typed: "12", "-3", "0.01", ".5", "1e-3". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A rejected value as a message shows it: 12, "abc", null. */
export function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}

/** "a whole number from 1 to 8", "a number above 0 and at most 1". */
function describe(rule: NumberRule): string {
  const kind = rule.integer ? 'a whole number' : 'a number';
  return rule.exclusiveMin ? `${kind} above ${rule.min} and at most ${rule.max}` : `${kind} from ${rule.min} to ${rule.max}`;
}

/** `value` (a number or a numeric string) checked against `rule`; UserError naming the setting otherwise. */
export function numberSetting(value: unknown, rule: NumberRule, setting: string): number {
  const parsed =
    typeof value === 'number' ? value : typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value) : NaN;
  const inRange = parsed > rule.min || (parsed === rule.min && !rule.exclusiveMin);
  if (!Number.isFinite(parsed) || !inRange || parsed > rule.max || (rule.integer && !Number.isInteger(parsed))) {
    throw new UserError(`${setting} must be ${describe(rule)}, not ${shown(value)}.`, setting);
  }
  return parsed;
}
