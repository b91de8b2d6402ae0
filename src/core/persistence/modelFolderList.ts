import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { MODEL_FILES, readJsonObject } from './modelFile';
import { parseSiblingName } from './siblingNames';
import { recoverStrayFolders } from './strayFolders';

/** A saved model folder found in a models folder. */
export interface ListedModel {
  /** The folder's name, e.g. 'text-model-2026-12-04'. */
  name: string;
  /** Its absolute path. */
  dir: string;
  /** Its meta.json, not checked beyond being a JSON object (loading checks it). */
  meta: Record<string, unknown>;
}

/**
 * The saved models in the models folder `dir`, with no TensorFlow.js (the extension host
 * lists them): first what killed saves left there is recovered (strayFolders.ts), then every
 * real sub-folder (not a symbolic link, not a save's temporary sibling) whose meta.json is a
 * regular file of at most 4 MB holding a JSON object is listed, in name order. Others are
 * skipped, a missing `dir` lists none.
 */
export async function listModelFolders(dir: string): Promise<ListedModel[]> {
  const root = path.resolve(dir);
  await recoverStrayFolders(root);
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((entry) => entry.isDirectory() && parseSiblingName(entry.name) === undefined).map((entry) => entry.name);
  const listed = await Promise.all(
    folders.sort().map(async (name) => {
      const folder = path.join(root, name);
      const meta = await readJsonObject(folder, MODEL_FILES.meta).catch(() => undefined);
      return meta && { name, dir: folder, meta };
    }),
  );
  return listed.filter((model) => model !== undefined);
}
