import { UserError } from '../userError';

/**
 * model.json's topology read without TensorFlow.js, so that it can be checked against
 * meta.json before anything is allocated: the layers of the Sequential models RNN Studio
 * builds (Dense, SimpleRNN / LSTM / GRU, Dropout, Flatten, TimeDistributed(Dense)), and the
 * shapes of the weights tfjs-layers would give them. Anything else is refused.
 */

/** One layer as model.json describes it. */
export interface LayerSummary {
  /** tfjs-layers' class name; 'TimeDistributed' always wraps a Dense. */
  className: string;
  /** Dense (also wrapped) and recurrent layers: their width. */
  units?: number;
  /** Recurrent layers: whether they give every step ([time, units]) or the last ([units]). */
  returnSequences?: boolean;
}

/** A Sequential model's input and layers. */
export interface TopologySummary {
  /** The first layer's batch_input_shape without the batch: [time, features], null for any length. */
  inputShape: (number | null)[];
  layers: LayerSummary[];
}

/** Weight matrices per unit of a recurrent layer: its gates. */
const GATES: Record<string, number> = { SimpleRNN: 1, LSTM: 4, GRU: 3 };
const WITHOUT_WEIGHTS = ['Dropout', 'Flatten'];

const FILE = 'model.json';
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isSize = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 1;

/** One layer entry of the topology, checked. */
function layerSummary(layer: unknown, index: number): LayerSummary {
  const entry = isObject(layer) ? layer : {};
  const config = isObject(entry.config) ? entry.config : {};
  const className = String(entry.class_name);
  const where = `layer ${index + 1} (${className})`;
  if (WITHOUT_WEIGHTS.includes(className)) return { className };
  const sized = className === 'TimeDistributed' ? (isObject(config.layer) ? config.layer : {}) : entry;
  const sizedConfig = isObject(sized.config) ? sized.config : {};
  if (sized.class_name !== 'Dense' && GATES[className] === undefined) {
    throw new UserError(`${FILE} has a ${where} that RNN Studio does not build.`);
  }
  if (!isSize(sizedConfig.units)) throw new UserError(`${FILE} has a ${where} without a valid number of units: ${JSON.stringify(sizedConfig.units)}.`);
  if (sizedConfig.use_bias === false) throw new UserError(`${FILE} has a ${where} without a bias, which RNN Studio does not build.`);
  if (GATES[className] === undefined) return { className, units: sizedConfig.units };
  return { className, units: sizedConfig.units, returnSequences: config.return_sequences === true };
}

/** The Sequential topology of model.json (its `modelTopology`), summarised; UserError naming what it cannot read. */
export function summariseTopology(topology: unknown): TopologySummary {
  const model = isObject(topology) ? topology : {};
  const config = isObject(model.config) ? model.config : {};
  if (model.class_name !== 'Sequential' || !Array.isArray(config.layers) || config.layers.length === 0) {
    throw new UserError(`${FILE} does not hold a Sequential model's layers (it has ${JSON.stringify(model.class_name ?? null)}).`);
  }
  const first = config.layers[0] as { config?: { batch_input_shape?: unknown } } | null;
  const shape = first?.config?.batch_input_shape;
  if (!Array.isArray(shape) || shape.length < 2 || !shape.slice(1).every((size) => size === null || isSize(size))) {
    throw new UserError(`${FILE}'s first layer has no valid batch_input_shape: ${JSON.stringify(shape ?? null)}.`);
  }
  return { inputShape: shape.slice(1) as (number | null)[], layers: config.layers.map(layerSummary) };
}

/**
 * The shapes of the weights tfjs-layers makes for `summary`, in model.json's manifest order
 * (per layer: kernel [in, gates × units], recurrent kernel [units, gates × units], bias),
 * following the shape through the layers. UserError when a layer cannot take its input.
 */
export function weightShapes(summary: TopologySummary): number[][] {
  let shape: (number | null)[] = summary.inputShape;
  const shapes: number[][] = [];
  summary.layers.forEach((layer, index) => {
    const inputs = shape[shape.length - 1];
    const cannot = () => new UserError(`${FILE}'s layer ${index + 1} (${layer.className}) cannot take an input of shape [${shape.join(', ')}].`);
    if (layer.className === 'Dropout') return;
    if (layer.className === 'Flatten') {
      if (shape.length < 2 || shape.some((size) => size === null)) throw cannot();
      shape = [(shape as number[]).reduce((product, size) => product * size, 1)];
      return;
    }
    const units = layer.units as number;
    if (inputs === null || (layer.className === 'TimeDistributed' && shape.length !== 2)) throw cannot();
    const gates = GATES[layer.className];
    if (gates === undefined) {
      shapes.push([inputs, units], [units]);
      shape = [...shape.slice(0, -1), units];
      return;
    }
    if (shape.length !== 2) throw cannot();
    shapes.push([inputs, gates * units], [units, gates * units], [gates * units]);
    shape = layer.returnSequences ? [shape[0], units] : [units];
  });
  return shapes;
}

/** "SimpleRNN(12) → TimeDistributed(Dense(17))": the layers as a message shows them. */
export function describeLayers(layers: readonly LayerSummary[]): string {
  return layers
    .map(({ className, units }) => (className === 'TimeDistributed' ? `TimeDistributed(Dense(${units}))` : units === undefined ? className : `${className}(${units})`))
    .join(' → ');
}

/** True when `actual` are the layers `expected` (same classes, widths and, where given, returnSequences). */
export function sameLayers(actual: readonly LayerSummary[], expected: readonly LayerSummary[]): boolean {
  return (
    actual.length === expected.length &&
    actual.every(
      (layer, index) =>
        layer.className === expected[index].className &&
        layer.units === expected[index].units &&
        (expected[index].returnSequences === undefined || layer.returnSequences === expected[index].returnSequences),
    )
  );
}
