import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * The names of a save's temporary siblings (`<target>.saving-<pid>.<thread>-<stamp>` while a
 * model is written, `<target>.replaced-<pid>.<thread>-<stamp>` for the model it replaces), who
 * made one, and whether that save is over: a folder left by a save that was killed is
 * recovered or removed by strayFolders.ts, one still in use is left alone.
 */

/** What a temporary sibling is for. */
export type SiblingPurpose = 'saving' | 'replaced';

/** A temporary sibling's name, taken apart. */
export interface SiblingName {
  /** The name of the folder (or file) it stands beside: 'my-model' for 'my-model.saving-…'. */
  target: string;
  purpose: SiblingPurpose;
  /** The process and the thread of the save that made it (thread undefined: named before threads were). */
  pid: number;
  thread?: number;
}

const SIBLING = /^(.+)\.(saving|replaced)-(\d+)(?:\.(\d+))?-[0-9a-z]+$/;

/** The temporary siblings this thread's saves are using now (absolute paths). */
const inUse = new Set<string>();

/** A sibling name of `dir` (a folder or a file) no other save uses, marked in use until released. */
export function claimSiblingName(dir: string, purpose: SiblingPurpose): string {
  const name = `${dir}.${purpose}-${process.pid}.${threadId}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  inUse.add(path.resolve(name));
  return name;
}

/** Marks a name from claimSiblingName as no longer in use (the save is over). */
export function releaseSiblingName(name: string): void {
  inUse.delete(path.resolve(name));
}

/** `name` (a base name) taken apart, or undefined when it is not a temporary sibling's. */
export function parseSiblingName(name: string): SiblingName | undefined {
  const match = SIBLING.exec(name);
  if (!match) return undefined;
  const thread = match[4] === undefined ? undefined : Number(match[4]);
  return { target: match[1], purpose: match[2] as SiblingPurpose, pid: Number(match[3]), ...(thread === undefined ? {} : { thread }) };
}

/** True unless the process `pid` is known to be gone (signal 0 tests without sending anything). */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * True when the save that made the sibling at `file` (parsed as `sibling`) is over: its
 * process is gone, or it is this thread's and no save of it uses the name. Another thread of
 * this process may be saving (the extension host lists while the worker saves): false.
 */
export function isAbandoned(file: string, sibling: SiblingName): boolean {
  if (sibling.pid !== process.pid) return !processRuns(sibling.pid);
  return sibling.thread === threadId && !inUse.has(path.resolve(file));
}
