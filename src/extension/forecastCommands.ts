/**
 * "Forecast CSV" and "Forecast with Saved Model": which file (the explorer's, the editor's, or
 * one to browse to), then the questions of csvPicks, then the job.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PresetName } from '../core/forecast/forecasters';
import type { ResampleChoice } from '../core/forecast/intervals';
import { FORECAST_MODEL_FORMAT } from '../core/modelFormats';
import { UserError } from '../core/userError';
import { pickInterval, pickModels, pickTargetColumn, pickTimeColumn } from './csvPicks';
import { autoInterval, pointsAt } from './forecastPickItems';
import type { ForecastJobController } from './forecastJobController';
import { pickModelFolder } from './modelCommands';
import { readForecastSettings } from './settings';

/**
 * Answers a script (or a test) gives instead of the quick picks; each one left out is asked,
 * except `resample`: when a script answers anything, the interval it leaves out is the settings'.
 */
export interface ForecastChoices {
  column?: string;
  /** null: no time column. */
  timeColumn?: string | null;
  /** The resample setting ('auto': the detected interval). */
  resample?: ResampleChoice;
  models?: PresetName[];
}

/** The CSV to forecast: `uri` (explorer or editor title), else the active editor's file, else one picked. */
async function csvFile(uri: vscode.Uri | undefined): Promise<string | undefined> {
  const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
  const target = uri ?? (document && /\.(csv|tsv)$/i.test(document.uri.path) ? document.uri : undefined);
  if (!target) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'CSV files': ['csv', 'tsv', 'txt'] }, openLabel: 'Forecast' });
    return picked?.[0]?.fsPath;
  }
  if (target.scheme !== 'file') throw new UserError(`RNN Studio reads CSV files from disk; ${target.toString()} is not a file on disk.`);
  // Large files are read from disk as a stream: unsaved edits would be silently ignored.
  if (document?.isDirty) {
    const save = await vscode.window.showWarningMessage(`${path.basename(target.fsPath)} has unsaved changes. RNN Studio reads the file from disk.`, { modal: true }, 'Save and Forecast');
    if (save !== 'Save and Forecast' || !(await document.save())) return undefined;
  }
  return target.fsPath;
}

export async function forecastCsvCommand(controller: ForecastJobController, uri?: vscode.Uri, given: ForecastChoices | readonly vscode.Uri[] = {}): Promise<void> {
  // The explorer's context menu passes its selected files as the second argument: no answers.
  const choices: ForecastChoices = Array.isArray(given) ? {} : (given as ForecastChoices);
  const settings = readForecastSettings();
  const csv = await csvFile(uri);
  if (!csv) return;
  const file = path.basename(csv);
  let overview = await controller.summarize(csv, choices.timeColumn);
  const at = (step: number) => ({ file, step, of: 4 });
  const timeColumn = 'timeColumn' in choices ? choices.timeColumn : await pickTimeColumn(overview, at(1));
  if (timeColumn === undefined) return;
  // Rows in file order have no interval; another time column than the one read has its own.
  if (timeColumn === null) overview = { ...overview, intervals: null };
  else if (timeColumn !== overview.time?.name) overview = await controller.summarize(csv, timeColumn);
  const column = choices.column ?? (await pickTargetColumn(overview, at(2)));
  if (column === undefined) return;
  const scripted = Object.keys(choices).length > 0;
  const resample = choices.resample ?? (scripted || !overview.intervals ? settings.resample : await pickInterval(overview, settings, at(3)));
  if (resample === undefined) return;
  const interval = resample === 'auto' ? autoInterval(overview, settings.recipe) : resample;
  const context = { ...settings, points: pointsAt(overview, resample, settings.recipe), interval };
  const models = choices.models ?? (await pickModels(context, settings.models, at(4)));
  if (!models) return;
  await controller.forecast(csv, readForecastSettings({ column, timeColumn, resample, models }));
}

export async function forecastWithSavedModelCommand(controller: ForecastJobController, uri?: vscode.Uri, model?: vscode.Uri): Promise<void> {
  const csv = await csvFile(uri);
  if (!csv) return;
  const dir = await pickModelFolder(FORECAST_MODEL_FORMAT, `RNN Studio: Forecast ${path.basename(csv)} with a saved model`, model);
  if (!dir) return;
  const { column: _column, timeColumn: _time, resample: _resample, ...settings } = readForecastSettings();
  await controller.forecast(csv, settings, dir);
}
