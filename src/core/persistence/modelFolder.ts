import * as tf from '@tensorflow/tfjs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../userError';
import { writeFolderAtomically } from './atomicFolder';

/**
 * A saved model folder, whatever the model: model.json + weights.bin (tfjs-layers' format,
 * loadable by tf.loadLayersModel anywhere) and the model kind's meta.json, written atomically
 * and read back checked. The text and forecast stores add their meta.json.
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

export interface SaveOptions {
  /** Writes one file; tests pass a failing one to check that a failed save changes nothing. */
  writeFile?: (file: string, data: string | Uint8Array) => Promise<void>;
}

/** The model's topology and weights, serialised by tfjs-layers. */
async function serialise(model: tf.LayersModel): Promise<{ modelJson: tf.io.ModelJSON; weights: Uint8Array }> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler((saved) => {
      artifacts = saved;
      return Promise.resolve({ modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(saved) });
    }),
  );
  if (!artifacts?.modelTopology || !artifacts.weightSpecs || !artifacts.weightData) {
    throw new Error('tfjs-layers returned no topology or weights to save.');
  }
  const modelJson: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology,
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    weightsManifest: [{ paths: [MODEL_FILES.weights], weights: artifacts.weightSpecs }],
  };
  return { modelJson, weights: new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData)) };
}

/**
 * Saves a tfjs-layers `model` and its `meta` (written as meta.json) into the folder `dir`
 * atomically: the files are written into a sibling temporary folder that then takes the
 * place of `dir`. An existing model in `dir` stays untouched until the new one is complete;
 * if anything fails it stays as it was and the temporary folder is removed. Refuses
 * (UserError) a `dir` that is a file or a folder with other things in it.
 */
export async function saveModelFolder(model: tf.LayersModel, meta: object, dir: string, options: SaveOptions = {}): Promise<void> {
  const write = options.writeFile ?? writeFile;
  const { modelJson, weights } = await serialise(model);
  await writeFolderAtomically(dir, MODEL_FILES.meta, async (temporary) => {
    await write(path.join(temporary, MODEL_FILES.topology), JSON.stringify(modelJson));
    await write(path.join(temporary, MODEL_FILES.weights), weights);
    await write(path.join(temporary, MODEL_FILES.meta), JSON.stringify(meta, null, 2));
  });
}

/** Copies a saved model folder `from` into `dir`, atomically as saveModelFolder writes one. */
export async function copyModelFolder(from: string, dir: string): Promise<void> {
  await writeFolderAtomically(dir, MODEL_FILES.meta, (temporary) => cp(from, temporary, { recursive: true }));
}

/** A file of the model folder, or a UserError saying it is missing. */
async function readModelFile(dir: string, name: string): Promise<Buffer> {
  try {
    return await readFile(path.join(dir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`${name} is missing.`);
    throw new UserError(`${name} cannot be read: ${(error as Error).message}`);
  }
}

function parseJson(name: string, bytes: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new UserError(`${name} is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError(`${name} does not hold a JSON object.`);
  }
  return value as Record<string, unknown>;
}

const BYTES_PER_VALUE: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/** A weight spec of model.json this code can read: float32/int32/bool, not quantised. */
function isReadableSpec(spec: unknown): spec is tf.io.WeightsManifestEntry {
  const entry = spec as Partial<tf.io.WeightsManifestEntry> | null;
  return (
    typeof entry?.name === 'string' &&
    BYTES_PER_VALUE[entry.dtype as string] !== undefined &&
    Array.isArray(entry.shape) &&
    entry.shape.every((size) => Number.isInteger(size) && size >= 0) &&
    entry.quantization === undefined
  );
}

/** The weight specs of model.json's manifest, and the byte length they need. */
function weightSpecsOf(modelJson: Record<string, unknown>): { specs: tf.io.WeightsManifestEntry[]; bytes: number } {
  const file = MODEL_FILES.topology;
  const manifest = modelJson.weightsManifest;
  if (typeof modelJson.modelTopology !== 'object' || modelJson.modelTopology === null || !Array.isArray(manifest)) {
    throw new UserError(`${file} has no modelTopology or weightsManifest.`);
  }
  const specs = (manifest as unknown[]).flatMap((group): unknown[] => {
    const weights = (group as { weights?: unknown } | null)?.weights;
    return Array.isArray(weights) ? weights : [undefined];
  });
  const unreadable = specs.findIndex((spec) => !isReadableSpec(spec));
  if (unreadable >= 0 || specs.length === 0) {
    throw new UserError(`${file} lists a weight this RNN Studio cannot read: ${JSON.stringify(specs[unreadable] ?? null)}.`);
  }
  const readable = specs as tf.io.WeightsManifestEntry[];
  const bytes = readable.reduce(
    (sum, spec) => sum + BYTES_PER_VALUE[spec.dtype] * spec.shape.reduce((product, size) => product * size, 1),
    0,
  );
  return { specs: readable, bytes };
}

/**
 * Reads a folder written by saveModelFolder: meta.json through `parseMeta` first (so a folder
 * of another kind is refused before its weights are read), then model.json and weights.bin
 * checked against each other and built by tfjs-layers. Throws UserErrors naming the file at
 * fault (not the folder: callers add it).
 */
export async function readModelFolder<M>(dir: string, parseMeta: (meta: Record<string, unknown>) => M): Promise<{ model: tf.LayersModel; meta: M }> {
  const meta = parseMeta(parseJson(MODEL_FILES.meta, await readModelFile(dir, MODEL_FILES.meta)));
  const modelJson = parseJson(MODEL_FILES.topology, await readModelFile(dir, MODEL_FILES.topology));
  const { specs, bytes } = weightSpecsOf(modelJson);
  const weights = await readModelFile(dir, MODEL_FILES.weights);
  if (weights.byteLength !== bytes) {
    throw new UserError(`${MODEL_FILES.weights} has ${weights.byteLength} bytes; ${MODEL_FILES.topology} needs ${bytes}.`);
  }
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.modelTopology as object,
        weightSpecs: specs,
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
      }),
    );
  } catch (error) {
    throw new UserError(`${MODEL_FILES.topology} does not describe a model TensorFlow.js can build: ${(error as Error).message.split('\n')[0]}`);
  }
  return { model, meta };
}

