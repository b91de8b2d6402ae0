/**
 * Bad model folders, as a cloned repository can carry them, given to Load Model (see
 * badInput.ts): links out of the folder, FIFOs, JSON far too large, layers far too large or not
 * the ones meta.json describes. Each is refused before weights.bin is read.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadForecaster, saveForecaster } from '../../../src/core/forecast/forecastStore';
import { buildForecastModel } from '../../../src/core/forecast/forecastModels';
import { trainedForecaster } from '../../../src/core/forecast/trainedForecaster';
import { buildTextModel } from '../../../src/core/text/textModel';
import { loadTextModel, saveTextModel } from '../../../src/core/text/textModelStore';
import { DEFAULT_TRAINING } from '../../../src/core/text/textSettings';
import { trainedTextModel } from '../../../src/core/text/trainedTextModel';
import { Vocabulary } from '../../../src/core/text/vocabulary';
import { thrownBy, type BadInput } from './badInput';

/** The tutorial's symbols. */
const VOCABULARY = Vocabulary.fromText('hi how are you\ngood i am fine\nhave a nice day');

/** A text model (SimpleRNN 12 over the tutorial's symbols, untrained) saved in `<dir>/model`; its folder. */
async function textModel(dir: string): Promise<string> {
  const folder = path.join(dir, 'model');
  const trained = trainedTextModel({
    model: buildTextModel({ cell: 'rnn', hiddenSize: 12, layers: 1, vocabularySize: VOCABULARY.size, seed: 1 }),
    vocabulary: VOCABULARY,
    training: { ...DEFAULT_TRAINING },
    mode: 'lines',
    steps: 14,
    firstSymbol: 'h',
  });
  await saveTextModel(trained, folder);
  trained.dispose();
  return folder;
}

/** A forecaster (the tutorial's MLP 56-32 over windows of 12, untrained) saved in `<dir>/model`; its folder. */
async function forecaster(dir: string): Promise<string> {
  const folder = path.join(dir, 'model');
  const spec = { preset: 'mlp' as const, units: [56, 32] };
  const trained = trainedForecaster({
    model: buildForecastModel(spec, 12, 5),
    spec,
    window: 12,
    transform: 'level',
    scaler: { kind: 'minmax', offset: 0, scale: 1 },
    column: 'Close',
    timeColumn: null,
    resample: 'none',
    aggregation: 'last',
    seed: 5,
    trainedOn: { file: 'prices.csv', points: 400, trainPoints: 340 },
  });
  await saveForecaster(trained, folder);
  trained.dispose();
  return folder;
}

/** The parts of model.json and meta.json the rows change. */
interface ModelJson {
  modelTopology: { config: { layers: { class_name: string; config: { units?: number } }[] } };
  weightsManifest: { weights: unknown[] }[];
}
interface MetaJson {
  spec: { units: number[] };
  training: Record<string, unknown>;
}

/** Rewrites the JSON file `name` of `folder` through `change`. */
async function editJson<T>(folder: string, name: string, change: (json: T) => void): Promise<void> {
  const file = path.join(folder, name);
  const json = JSON.parse(await readFile(file, 'utf8')) as T;
  change(json);
  await writeFile(file, JSON.stringify(json));
}

/** Replaces `name` in `folder` by a symbolic link to `target`. */
async function linked(folder: string, name: string, target: string): Promise<string> {
  await rm(path.join(folder, name));
  await symlink(target, path.join(folder, name));
  return folder;
}

const loadText = (folder: string) => thrownBy(() => loadTextModel(folder));
const loadForecast = (folder: string) => thrownBy(() => loadForecaster(folder));
/** "Cannot load the model in <folder>: <problem>", the folder being <dir>/model. */
const refusal = (problem: string) => new RegExp(`^Cannot load the model in .*[/\\\\]model: ${problem}`);

export const MODEL_FOLDERS: readonly BadInput[] = [
  {
    name: '4: weights.bin a symbolic link to /dev/zero',
    make: async (dir) => linked(await textModel(dir), 'weights.bin', '/dev/zero'),
    run: loadText,
    message: refusal('weights\\.bin is a symbolic link; RNN Studio reads only regular files inside a model folder\\.$'),
  },
  {
    name: '4: model.json a symbolic link to /dev/zero',
    make: async (dir) => linked(await textModel(dir), 'model.json', '/dev/zero'),
    run: loadText,
    message: refusal('model\\.json is a symbolic link; '),
  },
  {
    name: '4: weights.bin a symbolic link to /etc/passwd (its size must not show)',
    make: async (dir) => linked(await forecaster(dir), 'weights.bin', '/etc/passwd'),
    run: loadForecast,
    message: refusal('weights\\.bin is a symbolic link; RNN Studio reads only regular files inside a model folder\\.$'),
  },
  {
    name: '4: weights.bin a FIFO (named pipe)',
    make: async (dir) => {
      const folder = await textModel(dir);
      await rm(path.join(folder, 'weights.bin'));
      execFileSync('mkfifo', [path.join(folder, 'weights.bin')]);
      return folder;
    },
    run: loadText,
    message: refusal('weights\\.bin is a FIFO \\(named pipe\\); RNN Studio reads only regular files inside a model folder\\.$'),
  },
  {
    name: '4: meta.json a folder',
    make: async (dir) => {
      const folder = await textModel(dir);
      await rm(path.join(folder, 'meta.json'));
      await mkdir(path.join(folder, 'meta.json'));
      return folder;
    },
    run: loadText,
    message: refusal('meta\\.json is a folder; '),
  },
  {
    name: '4: model.json of 8 MB of "["',
    make: async (dir) => {
      const folder = await forecaster(dir);
      await writeFile(path.join(folder, 'model.json'), '['.repeat(8 * 1024 * 1024));
      return folder;
    },
    run: loadForecast,
    message: refusal('model\\.json has 8388608 bytes, more than the 4 MB \\(4194304 bytes\\) RNN Studio reads of a model\'s model\\.json\\.$'),
  },
  {
    name: '4: meta.json of 8 MB of "["',
    make: async (dir) => {
      const folder = await textModel(dir);
      await writeFile(path.join(folder, 'meta.json'), '['.repeat(8 * 1024 * 1024));
      return folder;
    },
    run: loadText,
    message: refusal('meta\\.json has 8388608 bytes, more than the 4 MB'),
  },
  {
    name: "4: a forecaster's Dense of 1e9 units in model.json (meta.json says 56)",
    make: async (dir) => {
      const folder = await forecaster(dir);
      await editJson<ModelJson>(folder, 'model.json', (json) => (json.modelTopology.config.layers[0].config.units = 1e9));
      return folder;
    },
    run: loadForecast,
    message: refusal('meta\\.json says MLP 56-32, but model\\.json holds Dense\\(1000000000\\) → Dense\\(32\\) → Flatten → Dense\\(1\\): the files do not belong together\\.$'),
  },
  {
    name: "4: a forecaster's Dense of 1e9 units in model.json and meta.json",
    make: async (dir) => {
      const folder = await forecaster(dir);
      await editJson<ModelJson>(folder, 'model.json', (json) => (json.modelTopology.config.layers[0].config.units = 1e9));
      await editJson<MetaJson>(folder, 'meta.json', (json) => (json.spec.units[0] = 1e9));
      return folder;
    },
    run: loadForecast,
    message: refusal("model\\.json's layers need \\d+ bytes of weights, more than the 1024 MB RNN Studio loads\\.$"),
  },
  {
    name: '4: meta.json saying LSTM 3000 × 8 over an RNN-12 text model',
    make: async (dir) => {
      const folder = await textModel(dir);
      await editJson<MetaJson>(folder, 'meta.json', (json) => (json.training = { ...json.training, cell: 'lstm', hiddenSize: 3000, layers: 8 }));
      return folder;
    },
    run: loadText,
    message: refusal(`meta\\.json says LSTM 3000 × 8, but model\\.json holds SimpleRNN\\(12\\) → TimeDistributed\\(Dense\\(${VOCABULARY.size}\\)\\): the files do not belong together\\.$`),
  },
  {
    name: "4: model.json's manifest listing a weight its layers do not have (1e9 floats)",
    make: async (dir) => {
      const folder = await textModel(dir);
      await editJson<ModelJson>(folder, 'model.json', (json) => json.weightsManifest[0].weights.push({ name: 'extra', shape: [1e9], dtype: 'float32' }));
      return folder;
    },
    run: loadText,
    message: refusal("model\\.json's weightsManifest lists 6 weights; its layers have 5\\.$"),
  },
  {
    name: "4: model.json with a layer RNN Studio does not build (Conv1D)",
    make: async (dir) => {
      const folder = await forecaster(dir);
      await editJson<ModelJson>(folder, 'model.json', (json) => (json.modelTopology.config.layers[1].class_name = 'Conv1D'));
      return folder;
    },
    run: loadForecast,
    message: refusal('model\\.json has a layer 2 \\(Conv1D\\) that RNN Studio does not build\\.$'),
  },
];
