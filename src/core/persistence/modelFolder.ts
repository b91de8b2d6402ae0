import * as tf from '@tensorflow/tfjs';
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../userError';
import { writeFolderAtomically } from './atomicFolder';
import { MODEL_FILES, readJsonObject, readModelFile } from './modelFile';
import { summariseTopology, weightShapes, type TopologySummary } from './modelTopology';
import { recoverStrayFolders } from './strayFolders';

/**
 * A saved model folder, whatever the model: model.json + weights.bin (tfjs-layers' format,
 * loadable by tf.loadLayersModel anywhere) and the model kind's meta.json, written atomically
 * and read back checked. The text and forecast stores add their meta.json.
 */

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

/** A weight spec of model.json: a name, a shape of whole sizes, not quantised (its dtype is checked with its shape). */
function isReadableSpec(spec: unknown): spec is tf.io.WeightsManifestEntry {
  const entry = spec as Partial<tf.io.WeightsManifestEntry> | null;
  return (
    typeof entry?.name === 'string' &&
    Array.isArray(entry.shape) &&
    entry.shape.every((size) => Number.isInteger(size) && size >= 0) &&
    entry.quantization === undefined
  );
}

/** The most bytes of weights a model folder may declare: more is refused before weights.bin is opened. */
const MAX_WEIGHT_BYTES = 1024 * 1024 * 1024;

/** The weight specs of model.json's manifest, each readable. */
function readableSpecs(modelJson: Record<string, unknown>): tf.io.WeightsManifestEntry[] {
  const file = MODEL_FILES.topology;
  const manifest = modelJson.weightsManifest;
  if (!Array.isArray(manifest)) throw new UserError(`${file} has no weightsManifest.`);
  const specs = (manifest as unknown[]).flatMap((group): unknown[] => {
    const weights = (group as { weights?: unknown } | null)?.weights;
    return Array.isArray(weights) ? weights : [undefined];
  });
  const unreadable = specs.findIndex((spec) => !isReadableSpec(spec));
  if (unreadable >= 0) throw new UserError(`${file} lists a weight this RNN Studio cannot read: ${JSON.stringify(specs[unreadable] ?? null)}.`);
  return specs as tf.io.WeightsManifestEntry[];
}

/**
 * The weight specs of model.json's manifest, which must be those of its layers (`summary`), and
 * the byte length they need: at most MAX_WEIGHT_BYTES. Computed from the JSON alone, before
 * any weight is read or allocated.
 */
function weightSpecsOf(modelJson: Record<string, unknown>, summary: TopologySummary): { specs: tf.io.WeightsManifestEntry[]; bytes: number } {
  const file = MODEL_FILES.topology;
  const needed = weightShapes(summary);
  const bytes = 4 * needed.reduce((sum, shape) => sum + shape.reduce((product, size) => product * size, 1), 0);
  if (bytes > MAX_WEIGHT_BYTES) {
    throw new UserError(`${file}'s layers need ${bytes} bytes of weights, more than the ${MAX_WEIGHT_BYTES / (1024 * 1024)} MB RNN Studio loads.`);
  }
  const specs = readableSpecs(modelJson);
  if (specs.length !== needed.length) throw new UserError(`${file}'s weightsManifest lists ${specs.length} weights; its layers have ${needed.length}.`);
  const wrong = specs.findIndex((spec, index) => spec.dtype !== 'float32' || spec.shape.join() !== needed[index].join());
  if (wrong >= 0) {
    const spec = specs[wrong];
    throw new UserError(`${file}'s weightsManifest has ${spec.name} as ${spec.dtype} [${spec.shape.join(', ')}]; its layers need float32 [${needed[wrong].join(', ')}].`);
  }
  return { specs, bytes };
}

/** What a kind of model (text, forecast) checks when its folder is read. */
export interface ModelKind<M> {
  /** meta.json's fields, checked (UserError naming the first bad one). */
  parseMeta(meta: Record<string, unknown>): M;
  /** Refuses (UserError) a model.json whose layers are not the ones `meta` describes. */
  checkLayers(topology: TopologySummary, meta: M): void;
}

/**
 * Reads a folder written by saveModelFolder, after putting back a model a killed save left
 * aside (strayFolders.ts), in an order that allocates nothing for a folder it refuses: meta.json
 * through `kind.parseMeta` (so a folder of another kind is refused before the rest is read),
 * model.json's layers against meta.json (`kind.checkLayers`), its manifest against its layers,
 * weights.bin's size against the manifest (all before weights.bin is read), then the model
 * built by tfjs-layers. Every file must be a regular one, JSON files at most MAX_JSON_BYTES
 * (modelFile.ts). Throws UserErrors naming the file at fault (not the folder: callers add it).
 */
export async function readModelFolder<M>(dir: string, kind: ModelKind<M>): Promise<{ model: tf.LayersModel; meta: M }> {
  await recoverStrayFolders(path.dirname(path.resolve(dir)), path.basename(path.resolve(dir)));
  const meta = kind.parseMeta(await readJsonObject(dir, MODEL_FILES.meta));
  const modelJson = await readJsonObject(dir, MODEL_FILES.topology);
  const summary = summariseTopology(modelJson.modelTopology);
  kind.checkLayers(summary, meta);
  const { specs, bytes } = weightSpecsOf(modelJson, summary);
  const weights = await readModelFile(dir, MODEL_FILES.weights, { exact: bytes, declaredBy: MODEL_FILES.topology });
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.modelTopology as object,
        weightSpecs: specs,
        weightData: weights.buffer as ArrayBuffer,
      }),
    );
  } catch (error) {
    throw new UserError(`${MODEL_FILES.topology} does not describe a model TensorFlow.js can build: ${(error as Error).message.split('\n')[0]}`);
  }
  return { model, meta };
}

