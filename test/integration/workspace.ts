/** Fresh copies of the sample workspace, so tests never change sample/ itself. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { trackTempDir } from './cleanup';
import { sampleDir } from './paths';

const removers = new Map<string, () => void>();

/** A new temporary folder, removed by removeDir() or, at the latest, when the run ends. */
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rnn-studio-${prefix}-`));
  removers.set(dir, trackTempDir(dir));
  return dir;
}

/** Copies sample/ to a new temporary folder and returns its absolute path. */
export function makeWorkspaceCopy(prefix = 'workspace'): string {
  const dir = makeTempDir(prefix);
  fs.cpSync(sampleDir, dir, { recursive: true });
  return dir;
}

/** Copies sample/ into `dir` without overwriting files that already exist there. */
export function copySampleInto(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(sampleDir, dir, { recursive: true, force: false, errorOnExist: false });
}

/** Removes a folder (a temporary one is also forgotten by the cleanup). */
export function removeDir(dir: string): void {
  const remove = removers.get(dir);
  removers.delete(dir);
  if (remove) remove();
  else fs.rmSync(dir, { recursive: true, force: true });
}
