/**
 * The runs kept in a workspace: one JSON file per finished forecast run in
 * `<workspace>/.rnn-studio/runs/`, named `<id>.json` (runRecord.ts: ids sort as the runs
 * finished). Written atomically (a reader never sees a part of one); listed newest first,
 * reading at most `max` files, each at most MAX_RUN_BYTES; a file that is malformed, too
 * large or unreadable is reported and skipped, never fails the list. A run is read by its id
 * only, so nothing outside the folder is ever read.
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';
import { UserError } from '../userError';
import { writeFileAtomically } from '../persistence/atomicFile';
import { RunIdSchema, RunRecordSchema, type RunRecord } from './runRecord';
import { MAX_LISTED_RUNS, summarizeRun, type RunSummary } from './runSummary';

/** The runs folder, relative to the workspace folder. */
export const RUNS_FOLDER = path.join('.rnn-studio', 'runs');
/** A larger file is not read (a kept run is bounded, typically under 200 kB). */
export const MAX_RUN_BYTES = 4 * 1024 * 1024;

export const runsFolder = (workspace: string): string => path.join(workspace, RUNS_FOLDER);

/** Writes `record` as `<id>.json` into the workspace's runs folder (created when missing); returns the file. */
export async function saveRun(workspace: string, record: RunRecord, write?: (file: string, data: string) => Promise<void>): Promise<string> {
  const folder = runsFolder(workspace);
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${record.id}.json`);
  await writeFileAtomically(file, JSON.stringify(record), write);
  return file;
}

/** Why a file was left out of the list. */
interface SkippedRun {
  file: string;
  reason: string;
}

export interface KeptRunList {
  /** Newest first. */
  runs: RunSummary[];
  skipped: SkippedRun[];
  /** Run files older than the ones read (not read). */
  notRead: number;
}

/** The record in `file` (a path), or why it cannot be used. */
async function readRecord(file: string, id: string): Promise<RunRecord | string> {
  try {
    const info = await stat(file);
    if (info.size > MAX_RUN_BYTES) return `too large (${info.size.toLocaleString('en')} bytes; at most ${MAX_RUN_BYTES.toLocaleString('en')})`;
    const parsed = v.safeParse(RunRecordSchema, JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const where = issue.path?.map((p) => String(p.key)).join('.');
      return `not a kept run: ${where ? `${where}: ` : ''}${issue.message}`;
    }
    if (parsed.output.id !== id) return `its id ${parsed.output.id} is not its file name`;
    return parsed.output;
  } catch (error) {
    return error instanceof SyntaxError ? `not JSON: ${error.message}` : `cannot be read: ${(error as Error).message}`;
  }
}

/** The workspace's runs, newest first (see the module's comment); none when there is no runs folder. */
export async function listRuns(workspace: string, max = MAX_LISTED_RUNS): Promise<KeptRunList> {
  const folder = runsFolder(workspace);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { runs: [], skipped: [], notRead: 0 };
    throw error;
  }
  const skipped: SkippedRun[] = [];
  const ids: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const id = name.slice(0, -'.json'.length);
    if (v.is(RunIdSchema, id)) ids.push(id);
    else skipped.push({ file: name, reason: 'not named as a kept run' });
  }
  ids.sort().reverse();
  const runs: RunSummary[] = [];
  for (const id of ids.slice(0, max)) {
    const record = await readRecord(path.join(folder, `${id}.json`), id);
    if (typeof record === 'string') skipped.push({ file: `${id}.json`, reason: record });
    else runs.push(summarizeRun(record));
  }
  return { runs, skipped, notRead: Math.max(0, ids.length - max) };
}

/** The run `id` of the workspace; UserError naming the file when it is missing or unusable. */
export async function readRun(workspace: string, id: string): Promise<RunRecord> {
  if (!v.is(RunIdSchema, id)) throw new UserError(`${JSON.stringify(id)} is not a kept run's id.`);
  const file = path.join(runsFolder(workspace), `${id}.json`);
  const shown = path.join(RUNS_FOLDER, `${id}.json`);
  const exists = await stat(file).then(() => true, () => false);
  if (!exists) throw new UserError(`The kept run ${shown} no longer exists.`);
  const record = await readRecord(file, id);
  if (typeof record === 'string') throw new UserError(`The kept run ${shown} cannot be shown: ${record}.`);
  return record;
}
