/**
 * The questions "Forecast CSV" asks: which column to forecast (numeric columns with their
 * ranges), which column holds the time (the detected one first), and which models to train.
 * Each returns undefined when the user dismisses it.
 */
import * as vscode from 'vscode';
import type { CsvOverview } from '../core/csv/csvOverview';
import { FORECASTERS, PRESET_NAMES, type PresetName } from '../core/forecast/forecasters';

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat('en', { maximumSignificantDigits: 6 });

const TIME_FORMATS: Record<string, string> = {
  'unix-s': 'unix seconds',
  'unix-ms': 'unix milliseconds',
  iso: 'ISO dates',
  'month-name': 'dates like Jan 1 2000',
  parts: 'a date in year, month (and day) columns',
};

export async function pickTargetColumn(overview: CsvOverview, file: string): Promise<string | undefined> {
  const items = overview.numericColumns.map((c) => ({
    label: c.name,
    description: c.count > 0 ? `${plain.format(c.min)} .. ${plain.format(c.max)}` : 'no numbers',
    detail: [
      `${compact.format(c.count)} values`,
      c.missing > 0 ? `${compact.format(c.missing)} missing` : '',
      c.nonNumeric > 0 ? `${compact.format(c.nonNumeric)} not numbers (skipped)` : '',
      c.name === overview.suggested ? 'suggested' : '',
    ]
      .filter(Boolean)
      .join(' · '),
  }));
  items.sort((a, b) => Number(b.label === overview.suggested) - Number(a.label === overview.suggested));
  const picked = await vscode.window.showQuickPick(items, {
    title: `RNN Studio: Forecast ${file} (1/3) — column to forecast`,
    placeHolder: `${compact.format(overview.rows)} rows; pick the column to forecast`,
  });
  return picked?.label;
}

/** The time column's name, or null for "rows in file order". */
export async function pickTimeColumn(overview: CsvOverview, file: string): Promise<string | null | undefined> {
  const { layout, time } = overview;
  const candidates = layout.columns
    .map((name, index) => ({ name, format: layout.timeFormats[index] }))
    .filter((c): c is { name: string; format: NonNullable<typeof c.format> } => c.format !== null);
  if (layout.timeParts) candidates.unshift({ name: layout.timeParts.name, format: layout.timeParts.format });
  const items: Array<vscode.QuickPickItem & { value: string | null }> = candidates.map((c) => ({
    label: c.name,
    description: TIME_FORMATS[c.format] ?? c.format,
    detail: c.name === time?.name ? 'detected' : undefined,
    value: c.name,
  }));
  items.sort((a, b) => Number(b.value === time?.name) - Number(a.value === time?.name));
  items.push({ label: 'No time column', description: 'rows in file order, no resampling', value: null });
  const picked = await vscode.window.showQuickPick(items, {
    title: `RNN Studio: Forecast ${file} (2/3) — time column`,
    placeHolder: time ? `Detected ${time.name} (${TIME_FORMATS[time.format] ?? time.format}); confirm or change` : 'No time column was detected',
  });
  return picked?.value;
}

/** A forecaster's description, with where a sized one takes its size from. */
const modelDetail = (preset: PresetName) => {
  const { description, sized } = FORECASTERS[preset];
  return sized ? `${description} (size: rnnStudio.forecast.units / layers)` : description;
};

/** The presets to train; several = "compare models" (a leaderboard). */
export async function pickModels(file: string, preselected: readonly PresetName[]): Promise<PresetName[] | undefined> {
  const items = PRESET_NAMES.map((preset) => ({ preset, label: FORECASTERS[preset].label, detail: modelDetail(preset), picked: preselected.includes(preset) }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `RNN Studio: Forecast ${file} (3/3) — models to train`,
    placeHolder: 'Pick one model, or several to compare them on a leaderboard',
    canPickMany: true,
  });
  if (!picked || picked.length === 0) return undefined;
  return picked.map((m) => m.preset);
}
