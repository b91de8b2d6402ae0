import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_GENERATION, DEFAULT_TRAINING } from '../../src/core/text/textSettings';
import { PROFILE_GENERATION, PROFILE_TRAINING } from '../../src/core/text/textProfiles';
import { validateGeneration, validateTraining, validateTrainingFor } from '../../src/core/text/textSettingsValidation';
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
    /^rnnStudio\.text\.hiddenSize must be a whole number from 1 to 3000, not "abc"\.$/,
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

const SENTENCES = 'hey how are you\ngood i am fine\nhave a nice day\n';
const PROSE = 'It was a bright cold day in April, and the clocks were striking thirteen. '.repeat(20);

test("profiles: 'auto' gives the tutorial's settings to a few short lines and the prose profile to prose; a setting the user set overrides its profile", () => {
  assert.deepEqual(validateTraining({}, setting, SENTENCES), DEFAULT_TRAINING, 'the tutorial recipe, unchanged (seed parity)');
  const prose = validateTraining({}, setting, PROSE);
  assert.deepEqual(prose, PROFILE_TRAINING.prose);
  assert.equal(prose.cell, 'lstm');
  assert.ok(prose.hiddenSize >= 128 && prose.dropout > 0 && prose.clipNorm > 0 && prose.minutes > 0 && prose.learningRateSchedule === 'cosine');
  assert.deepEqual(validateTraining({ hiddenSize: 64, minutes: '2' }, setting, PROSE), { ...PROFILE_TRAINING.prose, hiddenSize: 64, minutes: 2 });
  assert.deepEqual(validateTraining({ profile: 'tutorial' }, setting, PROSE), DEFAULT_TRAINING, 'chosen by hand');
  assert.deepEqual(validateTraining({ profile: 'Prose' }, setting, SENTENCES), PROFILE_TRAINING.prose);
  assert.deepEqual(validateTrainingFor({}, setting, PROSE), { training: PROFILE_TRAINING.prose, reason: 'the text is prose, not a few short lines: it trains on windows of it' });
  assert.deepEqual(validateTrainingFor({ profile: 'tutorial' }, setting, PROSE), { training: DEFAULT_TRAINING, reason: 'rnnStudio.text.profile is "tutorial"' });
  assert.deepEqual(validateGeneration({}, setting, 'prose'), PROFILE_GENERATION.prose);
  assert.ok(PROFILE_GENERATION.prose.temperature > 0 && PROFILE_GENERATION.prose.temperature < 1, 'prose is sampled below temperature 1');
  assert.deepEqual(validateGeneration({ temperature: 0 }, setting, 'prose'), { ...PROFILE_GENERATION.prose, temperature: 0 });
});

test('the profile, schedule, dropout, clipping and time budget are checked, naming the setting', () => {
  rejects(() => validateTraining({ profile: 'fast' }, setting, PROSE), /^rnnStudio\.text\.profile must be one of "auto", "tutorial", "prose", not "fast"\.$/, 'rnnStudio.text.profile');
  rejects(() => validateTraining({ learningRateSchedule: 'step' }, setting), /^rnnStudio\.text\.learningRateSchedule must be one of "constant", "cosine", not "step"\.$/, 'rnnStudio.text.learningRateSchedule');
  rejects(() => validateTraining({ dropout: 1 }, setting), /^rnnStudio\.text\.dropout must be a number from 0 to 0\.9, not 1\.$/, 'rnnStudio.text.dropout');
  rejects(() => validateTraining({ clipNorm: -1 }, setting), /^rnnStudio\.text\.clipNorm must be a number from 0 to 1000, not -1\.$/, 'rnnStudio.text.clipNorm');
  rejects(() => validateTraining({ minutes: 'soon' }, setting), /^rnnStudio\.text\.minutes must be a number from 0 to 1440, not "soon"\.$/, 'rnnStudio.text.minutes');
});
