import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/userError';
import { Vocabulary } from '../../src/core/text/vocabulary';

test('symbols are the distinct code points, sorted; an emoji stays one symbol', () => {
  const vocabulary = Vocabulary.fromText('b🙂a b🙂');
  assert.deepEqual(vocabulary.symbols, [' ', 'a', 'b', '🙂']);
  assert.equal(vocabulary.size, 4);
  assert.equal(vocabulary.indexOf('🙂'), 3);
  assert.equal(vocabulary.indexOf('\ud83d'), -1);
});

test('astral characters sort by code point, after every BMP character', () => {
  // UTF-16 code-unit order would put U+1F642 (starts 0xD83D) before U+FF01.
  assert.deepEqual(Vocabulary.fromText('！🙂').symbols, ['！', '🙂']);
});

test('encode and decode round-trip', () => {
  const text = 'good i am fine 🙂';
  const vocabulary = Vocabulary.fromText(text);
  const ids = vocabulary.encode(text);
  assert.equal(ids.length, Array.from(text).length);
  assert.equal(vocabulary.decode(ids), text);
});

test('encode names the characters the model never saw', () => {
  const vocabulary = Vocabulary.fromText('abc');
  assert.deepEqual(vocabulary.missing('abxx🙂'), ['x', '🙂']);
  assert.throws(
    () => vocabulary.encode('abx🙂'),
    (error: unknown) =>
      error instanceof UserError && error.message === 'The prompt has characters the model never saw: "x", "🙂".',
  );
});

test('toJSON / fromJSON keep the order; fromJSON refuses what is not a vocabulary', () => {
  const vocabulary = Vocabulary.fromJSON(['z', 'a', '\n']);
  assert.deepEqual(vocabulary.toJSON(), ['z', 'a', '\n']);
  assert.equal(vocabulary.indexOf('\n'), 2);
  for (const bad of [[], 'abc', ['a', 'a'], ['ab'], [1], null]) {
    assert.throws(() => Vocabulary.fromJSON(bad), UserError, JSON.stringify(bad));
  }
});
