import path from 'node:path';
import { TEXT_MODEL_FORMAT, TEXT_MODEL_VERSION } from '../modelFormats';
import { MODEL_FILES } from '../persistence/modelFile';
import { readModelFolder, saveModelFolder, type SaveOptions } from '../persistence/modelFolder';
import { describeLayers, sameLayers, type TopologySummary } from '../persistence/modelTopology';
import { UserError } from '../userError';
import { CELL_CLASS, textModelLayers } from './textModel';
import type { DatasetMode } from './trainingSymbols';
import { validateSavedTraining } from './textSettingsValidation';
import { trainedTextModel, type TrainedTextModel } from './trainedTextModel';
import { Vocabulary } from './vocabulary';

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
  const training = validateSavedTraining(meta.training as Record<string, unknown>, (key) => `training.${key} in ${file}`);
  if (meta.mode !== 'lines' && meta.mode !== 'windows') throw new UserError(`${file} has an unknown mode ${JSON.stringify(meta.mode)}.`);
  if (!Number.isInteger(meta.steps) || (meta.steps as number) < 1) throw new UserError(`${file} has an invalid steps ${JSON.stringify(meta.steps)}.`);
  if (typeof meta.firstSymbol !== 'string' || vocabulary.indexOf(meta.firstSymbol) < 0) {
    throw new UserError(`${file} has a firstSymbol that is not in its vocabulary.`);
  }
  const finalLoss = typeof meta.finalLoss === 'number' ? { finalLoss: meta.finalLoss } : {};
  return { vocabulary, training, mode: meta.mode, steps: meta.steps as number, firstSymbol: meta.firstSymbol, ...finalLoss };
}

type TextMeta = ReturnType<typeof parseMeta>;

/** Refuses a model.json whose layers are not the ones meta.json describes (its vocabulary, cell, size and layers). */
function checkLayers(topology: TopologySummary, meta: TextMeta): void {
  const size = meta.vocabulary.size;
  const takes = topology.inputShape[topology.inputShape.length - 1];
  const gives = topology.layers[topology.layers.length - 1].units;
  if (takes !== size || gives !== size) {
    throw new UserError(
      `${MODEL_FILES.meta} has ${size} characters but the model takes ${takes} and gives ${gives}: the files do not belong together.`,
    );
  }
  const { cell, hiddenSize, layers, dropout } = meta.training;
  if (!sameLayers(topology.layers, textModelLayers({ cell, hiddenSize, layers, dropout, vocabularySize: size }))) {
    throw new UserError(
      `${MODEL_FILES.meta} says ${CELL_CLASS[cell]} ${hiddenSize} × ${layers}, but ${MODEL_FILES.topology} holds ${describeLayers(topology.layers)}: the files do not belong together.`,
    );
  }
}

async function loadFrom(dir: string): Promise<TrainedTextModel> {
  const { model, meta } = await readModelFolder(dir, { parseMeta, checkLayers });
  return trainedTextModel({ model, ...meta });
}

/**
 * Loads a model saved by saveTextModel. Refuses with a UserError naming the folder and the
 * problem: a missing file or one that is not a regular file, JSON of more than 4 MB or not
 * valid, another format or version, a vocabulary whose size is not the model's input and
 * output size, layers other than meta.json's cell, size and count, a weights file of the
 * wrong length (all before the weights are read: see readModelFolder).
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
