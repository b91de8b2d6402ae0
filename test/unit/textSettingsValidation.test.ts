import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_GENERATION, DEFAULT_TRAINING } from '../../src/core/text/textSettings';
import { validateGeneration, validateTraining } from '../../src/core/text/textSettingsValidation';
import { UserError } from '../../src/core/userError';

const setting = (key: string) => `rnnStudio.text.${key}`;

test('missing keys take the defaults', () => {
  assert.deepEqual(validateTraining({}, setting), DEFAULT_TRAINING);
  assert.deepEqual(validateGeneration({}, setting), DEFAULT_GENERATION);
});

test('numbers and numeric strings are accepted', () => {
  const training = validateTraining({ cell: 'LSTM', hiddenSize: '32', learningRate: ' 1e-3 ', epochs: 5 }, setting);
  assert.deepEqual(training, { ...DEFAULT_TRAINING, cell: 'lstm', hiddenSize: 32, learningRate: 0.001, epochs: 5 });
  const generation = validateGeneration({ prompt: 'good', length: '15', temperature: '0.5' }, setting);
  assert.deepEqual(generation, { ...DEFAULT_GENERATION, prompt: 'good', length: 15, temperature: 0.5 });
});

function rejects(run: () => unknown, message: RegExp, field: string): void {
  assert.throws(run, (e: unknown) => e instanceof UserError && message.test(e.message) && e.field === field);
}

test('a non-numeric value names the setting', () => {
  rejects(
    () => validateTraining({ hiddenSize: 'abc' }, setting),
    /^rnnStudio\.text\.hiddenSize must be a whole number from 1 to 4096, not "abc"\.$/,
    'rnnStudio.text.hiddenSize',
  );
  rejects(() => validateTraining({ epochs: '0x10' }, (key) => `--${key}`), /^--epochs must be/, '--epochs');
  rejects(() => validateGeneration({ temperature: '' }, setting), /temperature must be a number/, 'rnnStudio.text.temperature');
});

test('out-of-range, fractional and unknown values are refused', () => {
  rejects(() => validateTraining({ learningRate: 0 }, setting), /above 0 and at most 1, not 0\./, setting('learningRate'));
  rejects(() => validateTraining({ layers: 9 }, setting), /from 1 to 8/, setting('layers'));
  rejects(() => validateTraining({ batchSize: 2.5 }, setting), /whole number/, setting('batchSize'));
  rejects(() => validateTraining({ hiddenSize: Number.NaN }, setting), /not NaN/, setting('hiddenSize'));
  rejects(() => validateTraining({ cell: 'transformer' }, setting), /"rnn", "lstm", "gru", not "transformer"/, setting('cell'));
  rejects(() => validateGeneration({ temperature: -1 }, setting), /from 0 to 10/, setting('temperature'));
  rejects(() => validateGeneration({ prompt: 5 }, setting), /must be text/, setting('prompt'));
});

test('top-k, top-p and the repetition guard: in range, on/off words accepted, the rest refused naming the setting', () => {
  assert.deepEqual(validateGeneration({ topK: '40', topP: '0.9', repetitionGuard: 'on' }, setting), { ...DEFAULT_GENERATION, topK: 40, topP: 0.9, repetitionGuard: true });
  assert.equal(validateGeneration({ repetitionGuard: false }, setting).repetitionGuard, false);
  assert.equal(validateGeneration({ repetitionGuard: 'OFF' }, setting).repetitionGuard, false);
  rejects(() => validateGeneration({ topP: 0 }, setting), /above 0 and at most 1, not 0\./, setting('topP'));
  rejects(() => validateGeneration({ topK: 1.5 }, setting), /whole number/, setting('topK'));
  rejects(() => validateGeneration({ repetitionGuard: 'maybe' }, setting), /on or off.*not "maybe"/, setting('repetitionGuard'));
});
