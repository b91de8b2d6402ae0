/**
 * The forecast runs kept in the workspace, as VS Code sees them: where (the workspace folder
 * of the CSV, else the first one), whether to keep them (`rnnStudio.forecast.keepRuns`, never
 * in an untrusted workspace), and the `runHistory` message that lists them for the panel.
 * The files themselves are src/core/runs/' (runHistory.ts).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ForecastJobResult } from '../core/forecast/forecastResult';
import { listRuns, readRun, RUNS_FOLDER, saveRun } from '../core/runs/runHistory';
import { runRecord, type RunRecord } from '../core/runs/runRecord';
import { UserError } from '../core/userError';
import type { ForecastHostMessage } from '../protocol/forecast';

type RunHistoryMessage = Extract<ForecastHostMessage, { type: 'runHistory' }>;

/** The workspace folder that holds `csv`, else the first one; undefined without a folder. */
function folderOf(csv?: string): string | undefined {
  const own = csv ? vscode.workspace.getWorkspaceFolder(vscode.Uri.file(csv)) : undefined;
  const folder = own ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
}

/** A kept run as read back: its record and its CSV's full path. */
export interface KeptRun {
  record: RunRecord;
  csv: string;
}

/** `csv` relative to `root` with `/` when inside it, else as it is. */
function csvInRecord(root: string, csv: string): string {
  const relative = path.relative(root, csv);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : csv;
}

export class ForecastHistory {
  /** The folder the panel's list is of: the last run's, else the first workspace folder. */
  private root: string | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Where runs are kept now; undefined when they are not (no folder, untrusted, keepRuns off). */
  private keepingIn(csv: string): string | undefined {
    if (!vscode.workspace.isTrusted) return undefined;
    if (!vscode.workspace.getConfiguration('rnnStudio.forecast').get<boolean>('keepRuns', true)) return undefined;
    return folderOf(csv);
  }

  /** Keeps a finished run; its id, or undefined when not kept (a failed write is logged, never fails the run). */
  async keep(csv: string, settings: object, load: string | undefined, result: ForecastJobResult, startedAt: Date): Promise<string | undefined> {
    const root = this.keepingIn(csv);
    if (!root) return undefined;
    this.root = root;
    const record = runRecord({ csv: csvInRecord(root, csv), settings, loadedFrom: load, result, startedAt, finishedAt: new Date() });
    try {
      const file = await saveRun(root, record);
      this.log.info(`Kept the forecast run in ${file}`);
      return record.id;
    } catch (error) {
      this.log.warn(`Could not keep the forecast run in ${root}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** The list for the panel; `shown`: the kept run its result is. */
  async message(shown?: { id: string; runId: number }): Promise<RunHistoryMessage> {
    const root = this.root ?? folderOf();
    const none = { runs: [], skipped: [], notRead: 0 };
    const list = root
      ? await listRuns(root).catch((error: unknown) => ({ ...none, skipped: [{ file: RUNS_FOLDER, reason: error instanceof Error ? error.message : String(error) }] }))
      : none;
    for (const s of list.skipped) this.log.warn(`Skipped the kept run ${s.file}: ${s.reason}`);
    const first = list.skipped[0];
    return {
      type: 'runHistory',
      runs: list.runs,
      skipped: list.skipped.length,
      ...(first ? { skippedReason: `${first.file}: ${first.reason}`.slice(0, 600) } : {}),
      ...(shown ? { shown } : {}),
    };
  }

  /** The kept run `id` of the listed folder and its CSV's full path (UserError when missing or unusable). */
  async read(id: string): Promise<KeptRun> {
    const root = this.root ?? folderOf();
    if (!root) throw new UserError('No workspace folder is open, so no forecast runs are kept.');
    const record = await readRun(root, id);
    return { record, csv: path.resolve(root, record.csv) };
  }

  /** The newest kept run's id, or undefined when there is none. */
  async newest(): Promise<string | undefined> {
    const root = this.root ?? folderOf();
    return root ? (await listRuns(root)).runs[0]?.id : undefined;
  }
}
