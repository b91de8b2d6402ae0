/**
 * What the "Forecast CSV" quick picks list, in plain words and numbered in the order they
 * appear ("1. Close", "2. Open"): the time column, the column to forecast, the interval and
 * the models (each with about how long it trains). No `vscode` here: csvPicks.ts shows these
 * items, and the unit tests read them.
 */
import type { CsvOverview } from '../core/csv/csvOverview';
import { FORECASTERS, PRESET_NAMES, type PresetName } from '../core/forecast/forecasters';
import { heldOutPoints, type ForecastSettings } from '../core/forecast/forecastSettings';
import { INTERVALS, RESAMPLE_INTERVALS, steps, type ResampleChoice, type ResampleInterval } from '../core/forecast/intervals';
import type { Aggregation } from '../core/forecast/resample';
import { aboutDuration, estimateTrainingSeconds } from '../core/forecast/trainingEstimate';

/** A quick pick's item and the answer it stands for. */
export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  picked?: boolean;
  value: T;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat('en', { maximumSignificantDigits: 6 });

const TIME_FORMATS: Record<string, string> = {
  'unix-s': 'unix seconds',
  'unix-ms': 'unix milliseconds',
  iso: 'ISO dates',
  'month-name': 'dates like Jan 1 2000',
  parts: 'a date in year, month (and day) columns',
};

/** "RNN Studio: Forecast prices.csv (2/4) — column to forecast". */
export const stepTitle = (file: string, step: number, of: number, what: string) => `RNN Studio: Forecast ${file} (${step}/${of}) — ${what}`;

/** `items` with "1. ", "2. ", ... before their labels, in their order. */
function numbered<T>(items: Array<PickItem<T>>): Array<PickItem<T>> {
  return items.map((item, i) => ({ ...item, label: `${i + 1}. ${item.label}` }));
}

/** The time columns (the detected one first), then "No time column"; value: the name, or null. */
export function timeColumnItems(overview: CsvOverview): Array<PickItem<string | null>> {
  const { layout, time } = overview;
  const candidates = layout.columns
    .map((name, index) => ({ name, format: layout.timeFormats[index] }))
    .filter((c): c is { name: string; format: NonNullable<typeof c.format> } => c.format !== null);
  if (layout.timeParts) candidates.unshift({ name: layout.timeParts.name, format: layout.timeParts.format });
  const items: Array<PickItem<string | null>> = candidates.map((c) => ({
    label: c.name,
    description: `${c.name === time?.name ? 'detected — ' : ''}${TIME_FORMATS[c.format] ?? c.format}`,
    value: c.name,
  }));
  items.sort((a, b) => Number(b.value === time?.name) - Number(a.value === time?.name));
  items.push({ label: 'No time column', description: 'use the rows in file order, no resampling', value: null });
  return numbered(items);
}

/** What a time pick's placeholder says. */
export function timeColumnPrompt(overview: CsvOverview): string {
  const { time } = overview;
  return time ? `Detected ${time.name} (${TIME_FORMATS[time.format] ?? time.format}); confirm or change` : 'No time column was detected';
}

/** The numeric columns (the suggested one first) with their ranges; value: the name. */
export function targetColumnItems(overview: CsvOverview): Array<PickItem<string>> {
  const items = overview.numericColumns.map((c) => ({
    label: c.name,
    description: [
      c.name === overview.suggested ? 'suggested' : '',
      overview.layout.counters.includes(c.index) ? 'counts rows (0, 1, 2, …)' : '',
      `${c.count.toLocaleString('en')} values`,
      c.count > 0 ? `${plain.format(c.min)} to ${plain.format(c.max)}` : '',
    ]
      .filter(Boolean)
      .join(', '),
    detail: [
      c.missing > 0 ? `${compact.format(c.missing)} missing` : '',
      c.nonNumeric > 0 ? `${compact.format(c.nonNumeric)} not numbers (skipped)` : '',
    ]
      .filter(Boolean)
      .join(' · ') || undefined,
    value: c.name,
  }));
  items.sort((a, b) => Number(b.value === overview.suggested) - Number(a.value === overview.suggested));
  return numbered(items);
}

const OF_EACH: Record<Aggregation, string> = { mean: 'mean of the rows in each', last: 'last row of each', sum: 'sum of the rows in each' };

/** "one value per month (mean of the rows in each month)"; "every row as it is (no resampling)". */
export function intervalWords(interval: ResampleInterval, aggregation: Aggregation): string {
  if (interval === 'none') return 'every row as it is (no resampling; rows at the same time combined)';
  const { word } = INTERVALS[interval];
  const bucket = interval === 'businessday' ? 'day' : word;
  const which = interval === 'businessday' ? ', Monday to Friday' : interval === 'week' ? ', Monday to Sunday' : '';
  return `one value per ${word}${which} (${OF_EACH[aggregation]} ${bucket})`;
}

/** The interval 'auto' resamples to: the series' own, the tutorial recipe's days, or none without a time column. */
export function autoInterval(overview: CsvOverview, recipe: ForecastSettings['recipe']): ResampleInterval {
  if (!overview.intervals) return 'none';
  return recipe === 'tutorial' ? 'day' : overview.intervals.natural.interval;
}

/**
 * The intervals to resample to: first 'auto' (what it resolves to, marked "(detected: …)"), then
 * every other interval of RESAMPLE_INTERVALS; each with the points the series has at it. Value:
 * the resample setting.
 */
export function intervalItems(overview: CsvOverview, settings: Pick<ForecastSettings, 'recipe' | 'aggregation'>): Array<PickItem<ResampleChoice>> {
  const auto = autoInterval(overview, settings.recipe);
  const points = (interval: ResampleInterval) => {
    const count = overview.intervals?.points[interval];
    return count === undefined ? undefined : `${count.toLocaleString('en')} points`;
  };
  const why = settings.recipe === 'tutorial' ? 'the tutorial recipe' : `detected: ${overview.intervals?.natural.reason ?? 'no time column'}`;
  const first: PickItem<ResampleChoice> = { label: intervalWords(auto, settings.aggregation), description: `(${why})`, detail: points(auto), value: 'auto' };
  const others = RESAMPLE_INTERVALS.filter((interval) => interval !== auto).map(
    (interval): PickItem<ResampleChoice> => ({ label: intervalWords(interval, settings.aggregation), detail: points(interval), value: interval }),
  );
  return numbered([first, ...others]);
}

/** The series' points at the resample choice `resample` (the suggested column's rows without a time column). */
export function pointsAt(overview: CsvOverview, resample: ResampleChoice, recipe: ForecastSettings['recipe']): number {
  const interval = resample === 'auto' ? autoInterval(overview, recipe) : resample;
  const rows = overview.numericColumns.find((c) => c.name === overview.suggested)?.count ?? overview.rows;
  return overview.intervals?.points[interval] ?? rows;
}

/** "64 units, 1 layer"; the fixed presets' sizes: "Dense 56 and 32", "3 layers of 128, 256, 512 units". */
function sizeWords(preset: PresetName, settings: Pick<ForecastSettings, 'units' | 'layers'>): string {
  if (preset === 'mlp') return 'two dense layers (56, 32 units)';
  if (preset === 'rnn') return '3 layers (128, 256, 512 units)';
  return `${settings.units} units, ${settings.layers} ${settings.layers === 1 ? 'layer' : 'layers'}`;
}

const MODEL_WORDS: Record<PresetName, string> = {
  mlp: 'A plain feed-forward network over the window: the fastest (the tutorial’s model A).',
  rnn: 'A simple recurrent network (the tutorial’s model B): the largest and slowest.',
  lstm: 'A recurrent network with gates that remembers longer patterns. Size: rnnStudio.forecast.units / layers.',
  gru: 'A recurrent network with gates, a little simpler than the LSTM. Size: rnnStudio.forecast.units / layers.',
};

/** How the series is trained on, for the estimate: its points at the chosen interval, and the settings. */
export type ModelPickContext = Pick<ForecastSettings, 'units' | 'layers' | 'epochs' | 'patience' | 'test' | 'window' | 'ensemble'> & { points: number; interval: ResampleInterval };

/**
 * The presets, `preselected` picked: "LSTM" — "64 units, 1 layer, about 1 min". The time is for
 * every epoch of every seed of the ensemble (with early stopping on, "up to"); with window
 * 'auto', for the longest candidate (60).
 */
export function modelItems(context: ModelPickContext, preselected: readonly PresetName[]): Array<PickItem<PresetName>> {
  const window = context.window === 'auto' ? 60 : context.window;
  const input = { points: context.points, test: heldOutPoints(context.test, context.points), window, epochs: context.epochs * context.ensemble };
  const upTo = context.patience > 0 ? 'up to ' : '';
  return numbered(
    PRESET_NAMES.map((preset) => ({
      label: FORECASTERS[preset].label,
      description: `${sizeWords(preset, context)}, ${upTo}${aboutDuration(estimateTrainingSeconds(preset, context, input))}`,
      detail: MODEL_WORDS[preset],
      picked: preselected.includes(preset),
      value: preset,
    })),
  );
}

/** What the model pick's placeholder says: the series it trains on. */
export function modelPrompt(context: ModelPickContext): string {
  const epochs = context.patience > 0 ? `up to ${context.epochs} epochs (early stopping)` : `${context.epochs} epochs`;
  return `${steps(context.points, context.interval)}, ${epochs}; pick one or several to compare`;
}
