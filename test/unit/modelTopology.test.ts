/**
 * model.json read without TensorFlow.js (modelTopology.ts) says what tfjs-layers says: for
 * every text cell and forecaster the builders make, the layers the stores expect from meta.json
 * and the weight shapes the manifest must list.
 */
import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildForecastModel, forecastModelLayers } from '../../src/core/forecast/forecastModels';
import { PRESET_NAMES } from '../../src/core/forecast/forecasters';
import { summariseTopology, weightShapes } from '../../src/core/persistence/modelTopology';
import { buildTextModel, textModelLayers } from '../../src/core/text/textModel';
import { CELL_TYPES } from '../../src/core/text/textSettings';

/** What modelTopology.ts reads from `model`'s model.json, beside what tfjs-layers built. */
function readBack(model: tf.LayersModel) {
  const summary = summariseTopology(model.toJSON(null, false));
  const built = model.weights.map((weight) => weight.shape);
  model.dispose();
  return { summary, shapes: weightShapes(summary), built };
}

test('text models: the layers meta.json implies and the weights tfjs-layers makes', () => {
  for (const cell of CELL_TYPES) {
    const spec = { cell, hiddenSize: 6, layers: 2, vocabularySize: 9 };
    const { summary, shapes, built } = readBack(buildTextModel({ ...spec, seed: 1 }));
    assert.deepEqual(summary, { inputShape: [null, 9], layers: textModelLayers(spec) }, cell);
    assert.deepEqual(shapes, built, cell);
  }
});

test('forecasters: the layers meta.json implies and the weights tfjs-layers makes', () => {
  for (const preset of PRESET_NAMES) {
    const spec = { preset, units: [5, 4, 3] };
    const { summary, shapes, built } = readBack(buildForecastModel(spec, 7, 1, 3));
    assert.deepEqual(summary, { inputShape: [7, 3], layers: forecastModelLayers(spec) }, preset);
    assert.deepEqual(shapes, built, preset);
  }
});
