import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTextDataset } from '../../src/core/text/textDataset';
import { checkTextSize } from '../../src/core/text/textSize';
import { UserError } from '../../src/core/userError';
import { TUTORIAL_TEXT } from './support/wasm';

const row = (ids: Int32Array, steps: number, index: number) => ids.subarray(index * steps, (index + 1) * steps);

test("the tutorial's three sentences: 3 padded lines of 14 steps over 17 symbols", () => {
  const dataset = buildTextDataset(TUTORIAL_TEXT, 40);
  assert.equal(dataset.mode, 'lines');
  assert.equal(dataset.count, 3);
  assert.equal(dataset.steps, 14);
  assert.equal(dataset.vocabulary.size, 17);
  assert.equal(dataset.inputs.length, 3 * 14);
  const { vocabulary } = dataset;
  // The tutorial's printout: input_seq 'hi how are you' / target_seq 'i how are you '.
  assert.equal(vocabulary.decode(row(dataset.inputs, 14, 0)), 'hi how are you');
  assert.equal(vocabulary.decode(row(dataset.targets, 14, 0)), 'i how are you ');
  assert.equal(vocabulary.decode(row(dataset.inputs, 14, 1)), 'good i am fine');
  assert.equal(vocabulary.decode(row(dataset.targets, 14, 1)), 'ood i am fine ');
  assert.equal(vocabulary.decode(row(dataset.inputs, 14, 2)), 'have a nice da');
  assert.equal(vocabulary.decode(row(dataset.targets, 14, 2)), 'ave a nice day');
  assert.equal(dataset.firstSymbol, 'h');
});

test('lines mode ignores blank lines and Windows line endings', () => {
  const dataset = buildTextDataset('ab\r\n\r\n   \r\nabc\r\n', 40);
  assert.equal(dataset.mode, 'lines');
  assert.equal(dataset.count, 2);
  assert.equal(dataset.steps, 2);
  assert.deepEqual(dataset.vocabulary.symbols, [' ', 'a', 'b', 'c']);
});

test('prose becomes windows of sequenceLength with shift-by-one targets, tail included', () => {
  const text = 'the quick brown fox jumps over the lazy dog, '.repeat(3) + 'a'.repeat(250);
  const dataset = buildTextDataset(text, 10);
  assert.equal(dataset.mode, 'windows');
  assert.equal(dataset.steps, 10);
  const symbols = Array.from(text);
  // Starts every 5 characters up to length - 11, plus one window aligned to the end.
  const lastStart = symbols.length - 11;
  assert.equal(dataset.count, Math.floor(lastStart / 5) + 1 + (lastStart % 5 === 0 ? 0 : 1));
  assert.equal(dataset.inputs.length, dataset.count * 10);
  const { vocabulary } = dataset;
  assert.equal(vocabulary.decode(row(dataset.inputs, 10, 0)), 'the quick ');
  assert.equal(vocabulary.decode(row(dataset.targets, 10, 0)), 'he quick b');
  assert.equal(vocabulary.decode(row(dataset.inputs, 10, 1)), 'uick brown');
  assert.equal(vocabulary.decode(row(dataset.targets, 10, dataset.count - 1)), symbols.slice(-10).join(''));
});

test('one long line is prose: windows mode, newline kept in the vocabulary', () => {
  const text = `${'x'.repeat(250)}\nshort`;
  const dataset = buildTextDataset(text, 20);
  assert.equal(dataset.mode, 'windows');
  assert.ok(dataset.vocabulary.indexOf('\n') >= 0);
});

test('too-short text is a UserError', () => {
  assert.throws(() => buildTextDataset('', 40), (e: unknown) => e instanceof UserError && e.message === 'The text is empty: there is nothing to train on.');
  assert.throws(
    () => buildTextDataset('hello world', 40),
    (e: unknown) => e instanceof UserError && /11 characters, too few for sequence length 40/.test(e.message),
  );
  assert.equal(buildTextDataset('hello world', 10).count, 1);
});

test('checkTextSize refuses text over the limit, naming the source', () => {
  checkTextSize('héllo', 6, 'notes.txt');
  assert.throws(
    () => checkTextSize('héllo', 5, 'notes.txt'),
    (e: unknown) => e instanceof UserError && e.message.startsWith('notes.txt is 6 bytes, more than the limit of 5 bytes'),
  );
});

test('validationSplit holds out the last share of prose as consecutive windows, never trained on', () => {
  const text = 'abcdefghij'.repeat(20); // 200 characters
  const dataset = buildTextDataset(text, 10, 0.1);
  const held = dataset.validation;
  assert.ok(held, 'a held-out part');
  // The last 20 characters are predicted: 2 windows of 10, inputs from one character before the cut.
  assert.equal(held.count, 2);
  assert.equal(held.characters, 20);
  assert.equal(dataset.vocabulary.decode(row(held.targets, 10, 0)), text.slice(180, 190));
  assert.equal(dataset.vocabulary.decode(row(held.inputs, 10, 0)), text.slice(179, 189));
  assert.equal(dataset.vocabulary.decode(row(held.targets, 10, 1)), text.slice(190, 200));
  // The training windows end at the cut: the last target is character 179.
  assert.equal(dataset.vocabulary.decode(row(dataset.targets, 10, dataset.count - 1)), text.slice(170, 180));
  assert.equal(dataset.characters, 200);
});

test('no held-out part in lines mode, with a 0 split, or when it would not fill one window', () => {
  assert.equal(buildTextDataset(TUTORIAL_TEXT, 40, 0.1).validation, undefined);
  assert.equal(buildTextDataset('abcdefghij'.repeat(20), 10, 0).validation, undefined);
  assert.equal(buildTextDataset('abcdefghij'.repeat(5), 10, 0.1).validation, undefined, '5 held-out characters < one window');
});
