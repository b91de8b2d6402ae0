/**
 * What the forecast panel's Run trains on: a CSV and the settings to lay the form's over
 * (its column and time column among them). The controller knows it from the last run it
 * started or the kept run it showed; a panel VS Code restored after a reload knows it from
 * its state (rerunOfState), since the new extension host knows nothing else. No `vscode`
 * here: unit-tested.
 */
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { parseCovariates } from '../core/forecast/covariateChoice';
import type { ForecastSettings } from '../core/forecast/forecastSettings';
import type { RunRecord } from '../core/runs/runRecord';
import { UserError } from '../core/userError';
import { RUN_SETTING_LABELS } from '../protocol/forecastRunSettings';
import type { ForecastState } from '../protocol/forecastState';

export interface RerunSource {
  /** The CSV's full path. */
  csv: string;
  settings: Partial<ForecastSettings>;
}

/** A kept run's CSV (`csv`: its full path) with the settings it ran with, its column and time column as read. */
export function rerunOfRecord(record: RunRecord, csv: string): RerunSource {
  const { column, timeColumn } = record.result.ingest;
  return { csv, settings: { ...(record.settings as Partial<ForecastSettings>), column, timeColumn } };
}

/**
 * The run a restored panel shows, as Run reruns it: the CSV the state's run read (the full
 * path the host sent it in `ingest`), its column and time column, and the form's settings it
 * ran with over `base` (VS Code's forecast settings now, for those the form has not). The
 * kept run's record, when the panel shows one, is more faithful (the controller tries it
 * first). Undefined when the state has no run that read its CSV. The path comes back from
 * what the webview persisted, which holds only what this host sent it; it is only read as a
 * CSV to train on, as "Forecast CSV" would read any file it is given.
 */
export function rerunOfState(state: ForecastState | undefined, base: Partial<ForecastSettings>): RerunSource | undefined {
  const ingest = state?.run?.ingest;
  if (!ingest || !path.isAbsolute(ingest.file)) return undefined;
  const { covariates, ...form } = state.run?.settings ?? {};
  const covariateChoice = covariates === undefined ? {} : { covariates: parseCovariates(covariates, RUN_SETTING_LABELS.covariates) };
  return { csv: ingest.file, settings: { ...base, ...form, ...covariateChoice, column: ingest.column, timeColumn: ingest.timeColumn } };
}

/** The kept run a restored panel shows (its id), when its result is that run's. */
export function shownKeptRun(state: ForecastState | undefined): string | undefined {
  const shown = state?.runs?.shown;
  return shown && state.run?.runId === shown.runId ? shown.id : undefined;
}

/** Refuses a CSV that is gone (moved, renamed, deleted) with a message naming it. */
export async function checkCsvThere(csv: string): Promise<void> {
  const found = await stat(csv).catch(() => undefined);
  if (found?.isFile()) return;
  throw new UserError(`${csv} is not there any more (moved, renamed or deleted?): run "RNN Studio: Forecast CSV" on the file where it is now.`);
}
