import * as tf from '@tensorflow/tfjs';
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetMode } from './text/textDataset';
import { validateTraining } from './text/textSettingsValidation';
import { trainedTextModel, type TrainedTextModel } from './text/trainedTextModel';
import { UserError } from './userError';
import { Vocabulary } from './text/vocabulary';

import { TEXT_MODEL_FORMAT, TEXT_MODEL_VERSION } from './modelFormats';

export { TEXT_MODEL_FORMAT, TEXT_MODEL_VERSION } from './modelFormats';

/** The files of a saved model folder. */
export const MODEL_FILES = {
  /** tfjs-layers topology + weights manifest (the format tf.loadLayersModel reads). */
  topology: 'model.json',
  /** The weights, float32 little-endian, in the manifest's order. */
  weights: 'weights.bin',
  /** What RNN Studio needs besides the network: vocabulary, settings, mode. */
  meta: 'meta.json',
} as const;

/** Contents of meta.json. */
export interface TextModelMeta {
  format: typeof TEXT_MODEL_FORMAT;
  version: typeof TEXT_MODEL_VERSION;
  /** Symbols in index order. */
  vocabulary: string[];
  training: TrainedTextModel['training'];
  mode: DatasetMode;
  steps: number;
  firstSymbol: string;
  /** ISO 8601. */
  savedAt: string;
  finalLoss?: number;
}

export interface SaveOptions {
  /** Writes one file; tests pass a failing one to check that a failed save changes nothing. */
  writeFile?: (file: string, data: string | Uint8Array) => Promise<void>;
}

/** The model's topology and weights, serialised by tfjs-layers. */
async function serialise(model: tf.LayersModel): Promise<{ modelJson: tf.io.ModelJSON; weights: Uint8Array }> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (saved) => {
      artifacts = saved;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(saved) };
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

/** True when `dir` exists (as a folder; a file there is refused). */
async function existingFolder(dir: string): Promise<boolean> {
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (info && !info.isDirectory()) throw new UserError(`Cannot save the model to ${dir}: it is a file, not a folder.`);
  return info !== undefined;
}

/** Refuses to replace a folder that holds anything but a saved model. */
async function checkReplaceable(dir: string): Promise<void> {
  const entries = await readdir(dir);
  if (entries.length > 0 && !entries.includes(MODEL_FILES.meta)) {
    throw new UserError(
      `Cannot save the model to ${dir}: the folder has other files and no ${MODEL_FILES.meta}. ` +
        'Choose a new or empty folder, or one that holds a saved model.',
    );
  }
}

/** A sibling name of `dir` no other save uses. */
function siblingName(dir: string, purpose: string): string {
  return `${dir}.${purpose}-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Saves `trained` into the folder `dir` (model.json + weights.bin in tfjs-layers format,
 * meta.json) atomically: see saveModelFolder.
 */
export async function saveTextModel(trained: TrainedTextModel, dir: string, options: SaveOptions = {}): Promise<void> {
  const meta: TextModelMeta = {
    format: TEXT_MODEL_FORMAT,
    version: TEXT_MODEL_VERSION,
    vocabulary: trained.vocabulary.toJSON(),
    training: trained.training,
    mode: trained.mode,
    steps: trained.steps,
    firstSymbol: trained.firstSymbol,
    savedAt: new Date().toISOString(),
    ...(trained.finalLoss === undefined ? {} : { finalLoss: trained.finalLoss }),
  };
  await saveModelFolder(trained.model, meta, dir, options);
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
  await writeFolderAtomically(dir, async (temporary) => {
    await write(path.join(temporary, MODEL_FILES.topology), JSON.stringify(modelJson));
    await write(path.join(temporary, MODEL_FILES.weights), weights);
    await write(path.join(temporary, MODEL_FILES.meta), JSON.stringify(meta, null, 2));
  });
}

/** Copies a saved model folder `from` into `dir`, atomically as saveModelFolder writes one. */
export async function copyModelFolder(from: string, dir: string): Promise<void> {
  await writeFolderAtomically(dir, (temporary) => cp(from, temporary, { recursive: true }));
}

/**
 * Fills a sibling temporary folder of `dir` with `fill`, then puts it in the place of `dir`;
 * on any failure `dir` stays as it was and the temporary folder is removed.
 */
async function writeFolderAtomically(dir: string, fill: (temporary: string) => Promise<void>): Promise<void> {
  const target = path.resolve(dir);
  const replacing = await existingFolder(target);
  if (replacing) await checkReplaceable(target);
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

/** meta.json's fields, checked. */
function parseMeta(meta: Record<string, unknown>): Omit<TrainedTextModel, 'model' | 'dispose'> {
  const file = MODEL_FILES.meta;
  if (meta.format !== TEXT_MODEL_FORMAT) {
    throw new UserError(`${file} is not an RNN Studio text model (format ${JSON.stringify(meta.format)}).`);
  }
  if (meta.version !== TEXT_MODEL_VERSION) {
    throw new UserError(`${file} has version ${JSON.stringify(meta.version)}; this RNN Studio reads version ${TEXT_MODEL_VERSION}.`);
  }
  const vocabulary = Vocabulary.fromJSON(meta.vocabulary);
  if (typeof meta.training !== 'object' || meta.training === null) throw new UserError(`${file} has no training settings.`);
  const training = validateTraining(meta.training as Record<string, unknown>, (key) => `training.${key} in ${file}`);
  if (meta.mode !== 'lines' && meta.mode !== 'windows') throw new UserError(`${file} has an unknown mode ${JSON.stringify(meta.mode)}.`);
  if (!Number.isInteger(meta.steps) || (meta.steps as number) < 1) throw new UserError(`${file} has an invalid steps ${JSON.stringify(meta.steps)}.`);
  if (typeof meta.firstSymbol !== 'string' || vocabulary.indexOf(meta.firstSymbol) < 0) {
    throw new UserError(`${file} has a firstSymbol that is not in its vocabulary.`);
  }
  const finalLoss = typeof meta.finalLoss === 'number' ? { finalLoss: meta.finalLoss } : {};
  return { vocabulary, training, mode: meta.mode, steps: meta.steps as number, firstSymbol: meta.firstSymbol, ...finalLoss };
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
  const specs: unknown[] = manifest.flatMap((group) => (Array.isArray(group?.weights) ? group.weights : [undefined]));
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

/** The last dimension of a layer shape: the vocabulary size the model takes or gives. */
function lastDimension(shape: tf.Shape | tf.Shape[]): number | null {
  const single = (Array.isArray(shape[0]) ? shape[0] : shape) as tf.Shape;
  return single[single.length - 1];
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

async function loadFrom(dir: string): Promise<TrainedTextModel> {
  const { model, meta } = await readModelFolder(dir, parseMeta);
  const size = meta.vocabulary.size;
  const takes = lastDimension(model.inputs[0].shape);
  const gives = lastDimension(model.outputs[0].shape);
  if (takes !== size || gives !== size) {
    model.dispose();
    throw new UserError(
      `${MODEL_FILES.meta} has ${size} characters but the model takes ${takes} and gives ${gives}: the files do not belong together.`,
    );
  }
  return trainedTextModel({ model, ...meta });
}

/**
 * Loads a model saved by saveTextModel. Refuses with a UserError naming the folder and the
 * problem: a missing file, invalid JSON, another format or version, a vocabulary whose size
 * is not the model's input and output size, a weights file of the wrong length.
 */
export async function loadTextModel(dir: string): Promise<TrainedTextModel> {
  const folder = path.resolve(dir);
  try {
    return await loadFrom(folder);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`Cannot load the model in ${folder}: ${error.message}`);
    throw error;
  }
}
