import path from 'node:path';
import { TIME_FORMATS } from '../csv/timeFormats';
import { FORECAST_MODEL_FORMAT, FORECAST_MODEL_VERSION } from '../modelFormats';
import { MODEL_FILES } from '../persistence/modelFile';
import { readModelFolder, saveModelFolder, type SaveOptions } from '../persistence/modelFolder';
import { describeLayers, sameLayers, type TopologySummary } from '../persistence/modelTopology';
import { UserError } from '../userError';
import { CALENDAR_CYCLES } from './calendarCycles';
import { covariateCount, NO_COVARIATES, type CovariateLayout } from './covariates';
import { forecastModelLayers } from './forecastModels';
import { describeSpec, PRESET_NAMES, type ModelSpec } from './forecasters';
import { RESAMPLE_INTERVALS } from './intervals';
import { AGGREGATIONS } from './resample';
import { isScaler } from './scaler';
import { trainedForecaster, type ForecasterMeta, type TrainedForecaster } from './trainedForecaster';
import { TARGET_TRANSFORMS } from './transform';

/** Contents of meta.json. */
export interface ForecasterFile extends ForecasterMeta {
  format: typeof FORECAST_MODEL_FORMAT;
  version: typeof FORECAST_MODEL_VERSION;
  /** ISO 8601. */
  savedAt: string;
}

/**
 * Saves `forecaster` into the folder `dir`: tfjs-layers model.json + weights.bin (loadable by
 * tf.loadLayersModel anywhere) and meta.json (spec, window, transform, scaler, columns,
 * resampling), atomically as the text models (see saveModelFolder).
 */
export async function saveForecaster(forecaster: TrainedForecaster, dir: string, options: SaveOptions = {}): Promise<void> {
  const { model: _model, dispose: _dispose, ...meta } = forecaster;
  const file: ForecasterFile = { format: FORECAST_MODEL_FORMAT, version: FORECAST_MODEL_VERSION, ...meta, savedAt: new Date().toISOString() };
  await saveModelFolder(forecaster.model, file, dir, options);
}

const oneOf = (values: readonly string[], value: unknown) => typeof value === 'string' && values.includes(value);
const wholeNumber = (value: unknown, min: number) => Number.isInteger(value) && (value as number) >= min;
const isAlpha = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= 1;

/** A saved CovariateLayout, or undefined when `value` is not one. */
function covariateLayout(value: unknown): CovariateLayout | undefined {
  const layout = value as Partial<CovariateLayout> | null;
  if (!Array.isArray(layout?.calendar) || !layout.calendar.every((cycle) => oneOf(CALENDAR_CYCLES, cycle))) return undefined;
  const columnOk = (c: Partial<CovariateLayout['columns'][number]>) => typeof c?.name === 'string' && Number.isFinite(c.mean) && typeof c.std === 'number' && c.std > 0;
  if (!Array.isArray(layout.columns) || !layout.columns.every(columnOk)) return undefined;
  return { calendar: [...layout.calendar], columns: layout.columns.map(({ name, mean, std }) => ({ name, mean, std })) };
}

/** meta.json's fields, each checked; UserError naming the first bad one. */
function parseForecasterMeta(meta: Record<string, unknown>): ForecasterMeta {
  const file = MODEL_FILES.meta;
  const bad = (field: string) => new UserError(`${file} has an invalid ${field}: ${JSON.stringify(meta[field.split('.')[0]])}.`);
  if (meta.format !== FORECAST_MODEL_FORMAT) throw new UserError(`${file} is not an RNN Studio forecasting model (format ${JSON.stringify(meta.format)}).`);
  if (meta.version !== FORECAST_MODEL_VERSION) {
    throw new UserError(`${file} has version ${JSON.stringify(meta.version)}; this RNN Studio reads version ${FORECAST_MODEL_VERSION}.`);
  }
  const spec = meta.spec as Partial<ModelSpec> | undefined;
  if (!oneOf(PRESET_NAMES, spec?.preset) || !Array.isArray(spec?.units) || !spec.units.every((units) => wholeNumber(units, 1))) throw bad('spec');
  if (!wholeNumber(meta.window, 1)) throw bad('window');
  if (!oneOf(TARGET_TRANSFORMS, meta.transform)) throw bad('transform');
  if (!isScaler(meta.scaler)) throw bad('scaler');
  if (typeof meta.column !== 'string') throw bad('column');
  const time = meta.timeColumn as { name?: unknown; format?: unknown } | null;
  if (time !== null && (typeof time?.name !== 'string' || !oneOf(TIME_FORMATS, time.format))) throw bad('timeColumn');
  if (!oneOf(RESAMPLE_INTERVALS, meta.resample)) throw bad('resample');
  if (!oneOf(AGGREGATIONS, meta.aggregation)) throw bad('aggregation');
  if (!wholeNumber(meta.seed, 0)) throw bad('seed');
  const covariates = meta.covariates === undefined ? undefined : covariateLayout(meta.covariates);
  if (meta.covariates !== undefined && covariates === undefined) throw bad('covariates');
  const trainedOn = meta.trainedOn as ForecasterMeta['trainedOn'] | undefined;
  if (typeof trainedOn?.file !== 'string' || !wholeNumber(trainedOn.points, 0) || !wholeNumber(trainedOn.trainPoints, 0)) throw bad('trainedOn');
  return {
    spec: { preset: spec.preset as ModelSpec['preset'], units: spec.units },
    window: meta.window as number,
    transform: meta.transform as ForecasterMeta['transform'],
    scaler: meta.scaler,
    column: meta.column,
    timeColumn: time as ForecasterMeta['timeColumn'],
    resample: meta.resample as ForecasterMeta['resample'],
    aggregation: meta.aggregation as ForecasterMeta['aggregation'],
    seed: meta.seed as number,
    trainedOn: { file: trainedOn.file, points: trainedOn.points, trainPoints: trainedOn.trainPoints },
    ...(typeof meta.finalLoss === 'number' ? { finalLoss: meta.finalLoss } : {}),
    ...(isAlpha(meta.shrinkage) ? { shrinkage: meta.shrinkage } : {}),
    ...(isAlpha(meta.pathShrinkage) ? { pathShrinkage: meta.pathShrinkage } : {}),
    ...(covariates ? { covariates } : {}),
  };
}

/**
 * Refuses a model.json that is not the model meta.json describes: input [window, 1 + its
 * covariates], one value out, the layers of its spec.
 */
function checkLayers(topology: TopologySummary, meta: ForecasterMeta): void {
  const input = topology.inputShape;
  const output = topology.layers[topology.layers.length - 1].units;
  const features = 1 + covariateCount(meta.covariates ?? NO_COVARIATES);
  if (input.length !== 2 || input[0] !== meta.window || input[1] !== features || output !== 1) {
    throw new UserError(
      `${MODEL_FILES.meta} says windows of ${meta.window} steps${features > 1 ? ` of ${features} inputs` : ''}, but the model takes [${input.join(', ')}] and gives [${output ?? ''}]: the files do not belong together.`,
    );
  }
  if (!sameLayers(topology.layers, forecastModelLayers(meta.spec))) {
    throw new UserError(
      `${MODEL_FILES.meta} says ${describeSpec(meta.spec)}, but ${MODEL_FILES.topology} holds ${describeLayers(topology.layers)}: the files do not belong together.`,
    );
  }
}

/**
 * Loads a forecaster saved by saveForecaster. Refuses with a UserError naming the folder and
 * the problem: a missing file or one that is not a regular file, JSON of more than 4 MB or
 * not valid, another format (e.g. a text model) or version, a bad field, a model whose input
 * is not [window, 1 + its covariates], whose output is not one value or whose layers are not
 * its spec's, weights of the wrong length (all before the weights are read: see readModelFolder).
 */
export async function loadForecaster(dir: string): Promise<TrainedForecaster> {
  const folder = path.resolve(dir);
  try {
    const { model, meta } = await readModelFolder(folder, { parseMeta: parseForecasterMeta, checkLayers });
    return trainedForecaster({ model, ...meta });
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`Cannot load the model in ${folder}: ${error.message}`);
    throw error;
  }
}
