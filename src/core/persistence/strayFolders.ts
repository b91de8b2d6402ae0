import { lstat, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { isAbandoned, parseSiblingName, type SiblingName } from './siblingNames';

/**
 * What a save killed midway (kill -9, a crash, a power cut) leaves beside its target, put
 * right on the next save, list or load. A replacing save renames the old model to
 * `<target>.replaced-…`, the complete new one from `<target>.saving-…` to `<target>`, then
 * removes the old one, so after a kill:
 * - during the writing: `<target>` as it was, and an incomplete `.saving-` folder (removed);
 * - between the two renames: no `<target>`, the old model complete in `.replaced-` (renamed
 *   back: the target holds the old model again) and the new one in `.saving-` (removed);
 * - after them: the new `<target>` and what is left of `.replaced-` (removed).
 * Only folders whose save is over are touched (siblingNames.ts: isAbandoned), never a
 * running save's, and only folders named as saves name them.
 */

interface Stray extends SiblingName {
  /** Absolute path. */
  file: string;
}

/** The abandoned temporary sibling folders in `parent` (of `only` when given). */
async function abandonedSiblings(parent: string, only?: string): Promise<Stray[]> {
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
  return entries.flatMap((entry) => {
    const sibling = entry.isDirectory() ? parseSiblingName(entry.name) : undefined;
    if (!sibling || (only !== undefined && sibling.target !== only)) return [];
    const file = path.join(parent, entry.name);
    return isAbandoned(file, sibling) ? [{ ...sibling, file }] : [];
  });
}

async function missing(file: string): Promise<boolean> {
  return lstat(file).then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
  );
}

/** Puts the newest of `replaced` (old models of `target`) back in place; false when it could not. */
async function restore(target: string, replaced: Stray[]): Promise<boolean> {
  try {
    const dated = await Promise.all(replaced.map(async (stray) => ({ stray, time: (await lstat(stray.file)).mtimeMs })));
    await rename(dated.sort((a, b) => b.time - a.time)[0].stray.file, target);
    return true;
  } catch {
    return false;
  }
}

/**
 * Recovers the folders saves killed midway left in `parent` (see above); `only`: just those of
 * the target of that name (a load of `<parent>/<only>`). Best effort: what cannot be renamed
 * or removed now (permissions, a folder in use on Windows) is left for the next time; an old
 * model that could not be put back is never removed.
 */
export async function recoverStrayFolders(parent: string, only?: string): Promise<void> {
  const strays = await abandonedSiblings(parent, only);
  for (const name of new Set(strays.map((stray) => stray.target))) {
    const own = strays.filter((stray) => stray.target === name);
    const target = path.join(parent, name);
    const replaced = own.filter((stray) => stray.purpose === 'replaced');
    const stuck = replaced.length > 0 && (await missing(target)) && !(await restore(target, replaced));
    for (const stray of own) {
      if (!(stuck && stray.purpose === 'replaced')) await rm(stray.file, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
