/** The form's validation, and its agreement with the core's validator of the same settings. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_GENERATION, DEFAULT_TRAINING } from '../../src/core/text/textSettings';
import { validateGeneration, validateTraining } from '../../src/core/text/textSettingsValidation';
import { FIELD_IDS, NUMBER_FIELDS, formValuesFrom, labelOf, numberError, validateForm } from '../../webview/text/fields';

const defaults = () => formValuesFrom(DEFAULT_TRAINING, DEFAULT_GENERATION);

describe('validateForm', () => {
  test('the defaults are valid and round-trip', () => {
    const result = validateForm(defaults());
    assert.deepEqual(result.errors, {});
    assert.deepEqual(result.training, DEFAULT_TRAINING);
    assert.deepEqual(result.generation, DEFAULT_GENERATION);
  });

  test('each invalid field is named; training and generation fail separately', () => {
    const values = { ...defaults(), 'hidden-size': '0', temperature: 'hot', epochs: '' };
    const result = validateForm(values);
    assert.deepEqual(Object.keys(result.errors).sort(), ['epochs', 'hidden-size', 'temperature']);
    assert.equal(result.errors['hidden-size'], 'Hidden size must be a whole number from 1 to 3000, not 0.');
    assert.equal(result.errors.epochs, 'Epochs is required: enter a whole number from 1 to 100000.');
    assert.equal(result.errors.temperature, 'Temperature must be a number from 0 to 10, not "hot".');
    assert.equal(result.training, undefined);
    assert.equal(result.generation, undefined);
    const onlyGeneration = validateForm({ ...defaults(), length: '0' });
    assert.ok(onlyGeneration.training);
    assert.equal(onlyGeneration.generation, undefined);
  });

  test('numbers: decimals, exponents and whitespace; no hex, no fractions of whole numbers', () => {
    const lr = NUMBER_FIELDS.find((f) => f.id === 'learning-rate')!;
    const layers = NUMBER_FIELDS.find((f) => f.id === 'layers')!;
    assert.equal(numberError(lr, ' 1e-3 '), undefined);
    assert.equal(numberError(lr, '.5'), undefined);
    assert.match(numberError(lr, '0') ?? '', /above 0/);
    assert.match(numberError(lr, '0x1') ?? '', /not "0x1"/);
    assert.match(numberError(layers, '2.5') ?? '', /whole number/);
    assert.match(numberError(layers, '9') ?? '', /from 1 to 8, not 9/);
  });

  test('the repetition guard is on or off', () => {
    assert.equal(validateForm({ ...defaults(), 'repetition-guard': 'on' }).generation?.repetitionGuard, true);
    assert.equal(validateForm(defaults()).generation?.repetitionGuard, false);
    const broken = validateForm({ ...defaults(), 'repetition-guard': '' });
    assert.equal(broken.errors['repetition-guard'], 'Repetition guard must be on or off.');
    assert.equal(broken.generation, undefined);
    assert.ok(broken.training, 'training does not depend on it');
  });

  test('a prompt is any text; the cell must be known', () => {
    assert.equal(validateForm({ ...defaults(), prompt: '  \n' }).generation?.prompt, '  \n');
    assert.match(validateForm({ ...defaults(), cell: 'transformer' }).errors.cell ?? '', /Cell must be one of/);
    assert.deepEqual(FIELD_IDS.map(labelOf).slice(0, 3), ['Profile', 'Cell', 'Learning rate schedule']);
  });
});

describe('agreement with src/core/textSettingsValidation.ts', () => {
  const accepts = (group: 'training' | 'generation', key: string, value: string) => {
    try {
      if (group === 'training') validateTraining({ [key]: value }, (k) => k);
      else validateGeneration({ [key]: value }, (k) => k);
      return true;
    } catch {
      return false;
    }
  };

  for (const f of NUMBER_FIELDS) {
    test(`${f.label}: same bounds`, () => {
      const probes = [f.min, f.max, f.min - 1, f.max + 1, f.min + 0.5, f.max - 0.5, f.min + 1e-6].map(String);
      probes.push('', 'abc', '1e2', '-0');
      for (const raw of probes) {
        assert.equal(numberError(f, raw) === undefined, raw.trim() !== '' && accepts(f.group, f.key, raw), `${f.label} = "${raw}"`);
      }
    });
  }
});
