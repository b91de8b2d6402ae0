import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../userError';

/** True when `dir` exists (as a folder; a file there is refused). */
async function existingFolder(dir: string): Promise<boolean> {
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (info && !info.isDirectory()) throw new UserError(`Cannot save the model to ${dir}: it is a file, not a folder.`);
  return info !== undefined;
}

/** Refuses to replace a folder that holds anything but a saved model (one with `marker`). */
async function checkReplaceable(dir: string, marker: string): Promise<void> {
  const entries = await readdir(dir);
  if (entries.length > 0 && !entries.includes(marker)) {
    throw new UserError(
      `Cannot save the model to ${dir}: the folder has other files and no ${marker}. ` +
        'Choose a new or empty folder, or one that holds a saved model.',
    );
  }
}

/** A sibling name of `dir` (a folder or a file) no other save uses. */
export function siblingName(dir: string, purpose: string): string {
  return `${dir}.${purpose}-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** Renames the complete `temporary` folder to `target`, putting a replaced one back on failure. */
async function moveIntoPlace(temporary: string, target: string, replacing: boolean): Promise<void> {
  if (!replacing) {
    await rename(temporary, target);
    return;
  }
  const previous = siblingName(target, 'replaced');
  await rename(target, previous);
  try {
    await rename(temporary, target);
  } catch (error) {
    await rename(previous, target);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

/**
 * Fills a sibling temporary folder of `dir` with `fill`, then puts it in the place of `dir`;
 * on any failure `dir` stays as it was and the temporary folder is removed. Refuses
 * (UserError) a `dir` that is a file, or a folder with things in it but no `marker` file
 * (what every saved model folder has).
 */
export async function writeFolderAtomically(dir: string, marker: string, fill: (temporary: string) => Promise<void>): Promise<void> {
  const target = path.resolve(dir);
  const replacing = await existingFolder(target);
  if (replacing) await checkReplaceable(target, marker);
  const temporary = siblingName(target, 'saving');
  try {
    await mkdir(temporary, { recursive: true });
    await fill(temporary);
    await moveIntoPlace(temporary, target, replacing);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    if (error instanceof UserError) throw error;
    throw new UserError(`Cannot save the model to ${target}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
