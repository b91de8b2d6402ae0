import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../userError';
import { checkSaveTarget, makeFolders } from './saveTarget';
import { claimSiblingName, releaseSiblingName } from './siblingNames';
import { recoverStrayFolders } from './strayFolders';

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

/**
 * Renames the complete `temporary` folder to `target`, putting a replaced one back on failure.
 * A kill between the two renames of a replacement leaves no `target` but the old model in its
 * `.replaced-` sibling, which the next save, list or load puts back (strayFolders.ts).
 */
async function moveIntoPlace(temporary: string, target: string, replacing: boolean): Promise<void> {
  if (!replacing) {
    await rename(temporary, target);
    return;
  }
  const previous = claimSiblingName(target, 'replaced');
  try {
    await rename(target, previous);
    try {
      await rename(temporary, target);
    } catch (error) {
      await rename(previous, target);
      throw error;
    }
    await rm(previous, { recursive: true, force: true });
  } finally {
    releaseSiblingName(previous);
  }
}

/**
 * Fills a sibling temporary folder of `dir` with `fill`, then puts it in the place of `dir`;
 * on any failure `dir` stays as it was and the temporary folder is removed; after a kill,
 * `dir` holds the old or the new model once the next save, list or load has recovered what
 * the killed save left (first thing this does, in `dir`'s parent: strayFolders.ts). Refuses
 * (UserError) a `dir` that is a file, or a folder with things in it but no `marker` file
 * (what every saved model folder has), and one where no folder can be made (checkSaveTarget:
 * /proc/x is refused, not waited on forever).
 */
export async function writeFolderAtomically(dir: string, marker: string, fill: (temporary: string) => Promise<void>): Promise<void> {
  await recoverStrayFolders(path.dirname(path.resolve(dir)));
  const { target, replacing } = await checkSaveTarget(dir);
  if (replacing) await checkReplaceable(target, marker);
  const temporary = claimSiblingName(target, 'saving');
  try {
    await makeFolders(path.dirname(target), (problem) => new UserError(`Cannot save the model to ${target}: ${problem}.`));
    await mkdir(temporary);
    await fill(temporary);
    await moveIntoPlace(temporary, target, replacing);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    if (error instanceof UserError) throw error;
    throw new UserError(`Cannot save the model to ${target}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    releaseSiblingName(temporary);
  }
}
