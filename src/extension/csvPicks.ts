/**
 * The questions "Forecast CSV" asks, in this order: which column holds the time (the detected
 * one first), which column to forecast (numeric columns with their ranges), which interval to
 * resample to (the detected one first), and which models to train (with about how long each
 * takes). The items' words are forecastPickItems.ts's. Each returns undefined when the user
 * dismisses it.
 */
import * as vscode from 'vscode';
import type { CsvOverview } from '../core/csv/csvOverview';
import type { PresetName } from '../core/forecast/forecasters';
import type { ForecastSettings } from '../core/forecast/forecastSettings';
import type { ResampleChoice } from '../core/forecast/intervals';
import {
  intervalItems,
  modelItems,
  modelPrompt,
  stepTitle,
  targetColumnItems,
  timeColumnItems,
  timeColumnPrompt,
  type ModelPickContext,
  type PickItem,
} from './forecastPickItems';

/** Where a question stands: the file's name, this question's number and how many there are. */
export interface PickStep {
  file: string;
  step: number;
  of: number;
}

async function pickOne<T>(items: Array<PickItem<T>>, at: PickStep, what: string, placeHolder: string): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(items, { title: stepTitle(at.file, at.step, at.of, what), placeHolder });
  return picked?.value;
}

/** The time column's name, or null for "rows in file order". */
export function pickTimeColumn(overview: CsvOverview, at: PickStep): Promise<string | null | undefined> {
  return pickOne(timeColumnItems(overview), at, 'time column', timeColumnPrompt(overview));
}

export function pickTargetColumn(overview: CsvOverview, at: PickStep): Promise<string | undefined> {
  return pickOne(targetColumnItems(overview), at, 'column to forecast', `${overview.rows.toLocaleString('en')} rows; pick the column to forecast`);
}

/** The resample setting: 'auto' (the detected interval) or an interval. */
export function pickInterval(overview: CsvOverview, settings: Pick<ForecastSettings, 'recipe' | 'aggregation'>, at: PickStep): Promise<ResampleChoice | undefined> {
  return pickOne(intervalItems(overview, settings), at, 'time step', 'One value per step: the detected interval is first');
}

/** The presets to train; several = "compare models" (a leaderboard). */
export async function pickModels(context: ModelPickContext, preselected: readonly PresetName[], at: PickStep): Promise<PresetName[] | undefined> {
  const picked = await vscode.window.showQuickPick(modelItems(context, preselected), {
    title: stepTitle(at.file, at.step, at.of, 'models to train'),
    placeHolder: modelPrompt(context),
    canPickMany: true,
  });
  if (!picked || picked.length === 0) return undefined;
  return picked.map((m) => m.value);
}
