import { constants, type Stats } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import path from 'node:path';
import { fileKind } from '../regularFile';
import { UserError } from '../userError';

/**
 * The files of a saved model folder, and reading one (a cloned repository may have put it
 * there): only a regular file directly in the folder (no symbolic link, FIFO, device or
 * folder: checked with lstat before it is opened, and again on the opened file), and only as
 * many bytes as it may have (checked before anything is read). UserErrors name the file
 * (callers add the folder).
 */

/** The files of a saved model folder. */
export const MODEL_FILES = {
  /** tfjs-layers topology + weights manifest (the format tf.loadLayersModel reads). */
  topology: 'model.json',
  /** The weights, float32 little-endian, in the manifest's order. */
  weights: 'weights.bin',
  /** What RNN Studio needs besides the network (a text model's vocabulary, a forecaster's scaler, ...). */
  meta: 'meta.json',
} as const;

/** The most bytes model.json or meta.json may have (a saved model's are a few kB; a text model's vocabulary adds a few bytes per character). */
const MAX_JSON_BYTES = 4 * 1024 * 1024;

/** How many bytes a file may have: at most `max`, or exactly `exact` (weights.bin: what model.json, `declaredBy`, needs). */
export type SizeRule = { max: number } | { exact: number; declaredBy: string };

function checkSize(name: string, bytes: number, rule: SizeRule): void {
  if ('exact' in rule) {
    if (bytes !== rule.exact) throw new UserError(`${name} has ${bytes} bytes; ${rule.declaredBy} needs ${rule.exact}.`);
  } else if (bytes > rule.max) {
    throw new UserError(`${name} has ${bytes} bytes, more than the ${rule.max / (1024 * 1024)} MB (${rule.max} bytes) RNN Studio reads of a model's ${name}.`);
  }
}

/** lstat of `file`: UserError when it is missing or not a regular file. */
async function regularFile(file: string, name: string): Promise<Stats> {
  const info = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new UserError(`${name} is missing.`);
    throw new UserError(`${name} cannot be read: ${error.message}`);
  });
  if (!info.isFile()) throw new UserError(`${name} is ${fileKind(info)}; RNN Studio reads only regular files inside a model folder.`);
  return info;
}

/** Never follow a link, never wait on a FIFO swapped in after the lstat (0 where the platform lacks the flag). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of the file `name` in the model folder `dir`: a regular file whose size follows
 * `rule`, read in full into a buffer of its own (`.buffer` is exactly the bytes). UserError when it is missing, not a regular file (a link to
 * /dev/zero or /etc/passwd, a FIFO, ...), of another size, or changed while being read.
 */
export async function readModelFile(dir: string, name: string, rule: SizeRule): Promise<Uint8Array> {
  const file = path.join(dir, name);
  const info = await regularFile(file, name);
  checkSize(name, info.size, rule);
  const changed = () => new UserError(`${name} changed while it was being read; try again.`);
  const handle = await open(file, OPEN_FLAGS).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ELOOP' ? changed() : new UserError(`${name} cannot be read: ${error.message}`);
  });
  try {
    const opened = await handle.stat();
    if (!opened.isFile() || opened.ino !== info.ino || opened.dev !== info.dev || opened.size !== info.size) throw changed();
    const bytes = new Uint8Array(info.size);
    let filled = 0;
    while (filled < bytes.byteLength) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.byteLength - filled, filled);
      if (bytesRead === 0) throw changed();
      filled += bytesRead;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

/** The file `name` of the model folder `dir` (at most MAX_JSON_BYTES) parsed as a JSON object; UserError naming it otherwise. */
export async function readJsonObject(dir: string, name: string): Promise<Record<string, unknown>> {
  const bytes = await readModelFile(dir, name, { max: MAX_JSON_BYTES });
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new UserError(`${name} is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError(`${name} does not hold a JSON object.`);
  }
  return value as Record<string, unknown>;
}
