import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generateText } from '../../src/core/text/textGeneration';
import { DEFAULT_GENERATION, DEFAULT_TRAINING } from '../../src/core/text/textSettings';
import { trainTextModel, type TrainedTextModel } from '../../src/core/text/textTraining';
import { UserError } from '../../src/core/userError';
import { TUTORIAL_TEXT, useWasm } from './support/wasm';

const PROSE = 'The rain in Spain stays mainly in the plain. In Hartford, Hereford and Hampshire hurricanes hardly ever happen. ';

let prose: TrainedTextModel;
let lines: TrainedTextModel;

before(async () => {
  await useWasm();
  prose = (await trainTextModel(PROSE.repeat(3), { ...DEFAULT_TRAINING, sequenceLength: 16, epochs: 5 })).trained;
  lines = (await trainTextModel(TUTORIAL_TEXT, { ...DEFAULT_TRAINING, epochs: 5 })).trained;
});
after(() => {
  prose.dispose();
  lines.dispose();
});

const sampled = (seed: number, prompt = 'The ') =>
  generateText(prose, { ...DEFAULT_GENERATION, prompt, length: 120, temperature: 1, seed });

test('sampling (temperature > 0) is reproducible for a seed and differs across seeds', () => {
  const tensorsBefore = tf.memory().numTensors;
  const first = sampled(1);
  assert.equal(Array.from(first).length, 120);
  assert.ok(first.startsWith('The '));
  assert.equal(sampled(1), first);
  assert.notEqual(sampled(2), first);
  assert.equal(tf.memory().numTensors, tensorsBefore, 'generation frees its tensors');
});

test('windows mode generates past the training window length', () => {
  const text = generateText(prose, { ...DEFAULT_GENERATION, prompt: 'In', length: 60 });
  assert.equal(text.length, 60);
  assert.equal(generateText(prose, { ...DEFAULT_GENERATION, prompt: 'In', length: 60 }), text, 'greedy is deterministic');
});

test('lines mode caps the length at the padded line length (the tutorial: 15)', () => {
  const text = generateText(lines, { ...DEFAULT_GENERATION, prompt: 'good', length: 200 });
  assert.equal(text.length, 15);
  assert.ok(text.startsWith('good'));
});

test('an empty prompt starts from the first character of the training text', () => {
  assert.equal(generateText(lines, { ...DEFAULT_GENERATION, prompt: '', length: 1 }), 'h');
  assert.ok(generateText(prose, { ...DEFAULT_GENERATION, prompt: '', length: 30 }).startsWith('T'));
});

test('a prompt at least as long as the length comes back unchanged', () => {
  assert.equal(generateText(prose, { ...DEFAULT_GENERATION, prompt: 'The rain', length: 3 }), 'The rain');
});

test('a prompt with unknown characters is a UserError naming them', () => {
  assert.throws(
    () => generateText(lines, { ...DEFAULT_GENERATION, prompt: 'Good 🙂' }),
    (e: unknown) => e instanceof UserError && e.message === 'The prompt has characters the model never saw: "G", "🙂".',
  );
});
