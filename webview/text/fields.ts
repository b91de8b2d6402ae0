/**
 * The form's fields: their element ids, labels and ranges (those of src/core/textSettings.ts,
 * checked against src/core/textSettingsValidation.ts by test/webview/fields.test.ts),
 * and the validation that turns the raw strings the user typed into settings — or into one
 * clear message per invalid field, naming it.
 */
import {
  CELL_TYPES,
  LEARNING_RATE_SCHEDULES,
  TEXT_PROFILES,
  type CellType,
  type GenerationSettings,
  type TextTrainingSettings,
} from '../../src/core/text/textSettings';

type TrainingNumberKey = Exclude<keyof TextTrainingSettings, 'cell' | 'profile' | 'learningRateSchedule'>;
type GenerationNumberKey = Exclude<keyof GenerationSettings, 'prompt' | 'repetitionGuard'>;

interface NumberFieldBase {
  /** Element id of the control in the panel. */
  id: string;
  label: string;
  integer: boolean;
  min: number;
  /** True: the value must be strictly greater than `min`. */
  minExclusive?: boolean;
  max: number;
}
export type NumberField =
  | (NumberFieldBase & { group: 'training'; key: TrainingNumberKey })
  | (NumberFieldBase & { group: 'generation'; key: GenerationNumberKey });

const MAX_SEED = 4294967295;

/** A plain decimal number, as the core's validator accepts it: "12", "0.01", ".5", "1e-3". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export const NUMBER_FIELDS = [
  { id: 'hidden-size', group: 'training', key: 'hiddenSize', label: 'Hidden size', integer: true, min: 1, max: 3000 },
  { id: 'layers', group: 'training', key: 'layers', label: 'Layers', integer: true, min: 1, max: 8 },
  { id: 'epochs', group: 'training', key: 'epochs', label: 'Epochs', integer: true, min: 1, max: 100000 },
  {
    id: 'learning-rate',
    group: 'training',
    key: 'learningRate',
    label: 'Learning rate',
    integer: false,
    min: 0,
    minExclusive: true,
    max: 1,
  },
  { id: 'batch-size', group: 'training', key: 'batchSize', label: 'Batch size', integer: true, min: 1, max: 4096 },
  {
    id: 'sequence-length',
    group: 'training',
    key: 'sequenceLength',
    label: 'Sequence length',
    integer: true,
    min: 2,
    max: 1000,
  },
  { id: 'validation-split', group: 'training', key: 'validationSplit', label: 'Held out', integer: false, min: 0, max: 0.5 },
  { id: 'patience', group: 'training', key: 'patience', label: 'Patience', integer: true, min: 0, max: 1000 },
  { id: 'minutes', group: 'training', key: 'minutes', label: 'Minutes', integer: false, min: 0, max: 1440 },
  { id: 'dropout', group: 'training', key: 'dropout', label: 'Dropout', integer: false, min: 0, max: 0.9 },
  { id: 'clip-norm', group: 'training', key: 'clipNorm', label: 'Gradient clip', integer: false, min: 0, max: 1000 },
  { id: 'seed', group: 'training', key: 'seed', label: 'Seed', integer: true, min: 0, max: MAX_SEED },
  { id: 'length', group: 'generation', key: 'length', label: 'Output length', integer: true, min: 1, max: 100000 },
  { id: 'temperature', group: 'generation', key: 'temperature', label: 'Temperature', integer: false, min: 0, max: 10 },
  { id: 'top-k', group: 'generation', key: 'topK', label: 'Top-k', integer: true, min: 0, max: 10000 },
  { id: 'top-p', group: 'generation', key: 'topP', label: 'Top-p', integer: false, min: 0, minExclusive: true, max: 1 },
  { id: 'sampling-seed', group: 'generation', key: 'seed', label: 'Sampling seed', integer: true, min: 0, max: MAX_SEED },
] as const satisfies readonly NumberField[];

export type NumberFieldId = (typeof NUMBER_FIELDS)[number]['id'];
export type FieldId = 'profile' | 'cell' | 'lr-schedule' | 'prompt' | 'repetition-guard' | NumberFieldId;

/** What the form holds: the raw text of every control, valid or not. */
export type FormValues = Record<FieldId, string>;

export const FIELD_IDS: readonly FieldId[] = ['profile', 'cell', 'lr-schedule', ...NUMBER_FIELDS.map((f) => f.id), 'repetition-guard', 'prompt'];

export function labelOf(id: FieldId): string {
  if (id === 'profile') return 'Profile';
  if (id === 'cell') return 'Cell';
  if (id === 'lr-schedule') return 'Learning rate schedule';
  if (id === 'prompt') return 'Prompt';
  if (id === 'repetition-guard') return 'Repetition guard';
  return NUMBER_FIELDS.find((f) => f.id === id)?.label ?? id;
}

/** The form's text for the given settings. */
export function formValuesFrom(training: TextTrainingSettings, generation: GenerationSettings): FormValues {
  const values = {
    profile: training.profile,
    cell: training.cell,
    'lr-schedule': training.learningRateSchedule,
    prompt: generation.prompt,
    'repetition-guard': generation.repetitionGuard ? 'on' : 'off',
  } as FormValues;
  for (const f of NUMBER_FIELDS) {
    values[f.id] = String(f.group === 'training' ? training[f.key] : generation[f.key]);
  }
  return values;
}

/** "a whole number from 1 to 8", "a number above 0 and at most 1" (the core validator's words). */
function describe(f: NumberField): string {
  const kind = f.integer ? 'a whole number' : 'a number';
  return f.minExclusive ? `${kind} above ${f.min} and at most ${f.max}` : `${kind} from ${f.min} to ${f.max}`;
}

/** Why `raw` is not a valid value of `f`, or undefined when it is. */
export function numberError(f: NumberField, raw: string): string | undefined {
  const text = raw.trim();
  if (text === '') return `${f.label} is required: enter ${describe(f)}.`;
  const value = DECIMAL.test(text) ? Number(text) : NaN;
  const inRange = value > f.min || (value === f.min && !f.minExclusive);
  if (!Number.isFinite(value) || !inRange || value > f.max || (f.integer && !Number.isInteger(value))) {
    return `${f.label} must be ${describe(f)}, not ${DECIMAL.test(text) ? text : JSON.stringify(text)}.`;
  }
  return undefined;
}

export interface FormResult {
  training?: TextTrainingSettings;
  generation?: GenerationSettings;
  /** One message per invalid field, in form order. */
  errors: Partial<Record<FieldId, string>>;
}

export function validateForm(values: FormValues): FormResult {
  const errors: Partial<Record<FieldId, string>> = {};
  const cell = values.cell as CellType;
  if (!CELL_TYPES.includes(cell)) errors.cell = `Cell must be one of ${CELL_TYPES.join(', ')}.`;
  const profile = values.profile as TextTrainingSettings['profile'];
  if (!TEXT_PROFILES.includes(profile)) errors.profile = `Profile must be one of ${TEXT_PROFILES.join(', ')}.`;
  const learningRateSchedule = values['lr-schedule'] as TextTrainingSettings['learningRateSchedule'];
  if (!LEARNING_RATE_SCHEDULES.includes(learningRateSchedule)) errors['lr-schedule'] = `Learning rate schedule must be one of ${LEARNING_RATE_SCHEDULES.join(', ')}.`;
  const training: Partial<Record<TrainingNumberKey, number>> = {};
  const generation: Partial<Record<GenerationNumberKey, number>> = {};
  for (const f of NUMBER_FIELDS) {
    const raw = values[f.id] ?? '';
    const error = numberError(f, raw);
    if (error) errors[f.id] = error;
    else if (f.group === 'training') training[f.key] = Number(raw.trim());
    else generation[f.key] = Number(raw.trim());
  }
  const guard = values['repetition-guard'];
  if (guard !== 'on' && guard !== 'off') errors['repetition-guard'] = 'Repetition guard must be on or off.';
  const trainingOk = !errors.cell && !errors.profile && !errors['lr-schedule'] && NUMBER_FIELDS.every((f) => f.group !== 'training' || !errors[f.id]);
  const generationOk = !errors['repetition-guard'] && NUMBER_FIELDS.every((f) => f.group !== 'generation' || !errors[f.id]);
  return {
    // Every number of the group is set when none of its fields has an error.
    training: trainingOk ? ({ profile, cell, learningRateSchedule, ...training } as TextTrainingSettings) : undefined,
    generation: generationOk ? ({ prompt: values.prompt, ...generation, repetitionGuard: guard === 'on' } as GenerationSettings) : undefined,
    errors,
  };
}
