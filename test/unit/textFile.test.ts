/** Issue 9, case 10: the text job's file reader (readTextFile). */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { readTextFile } from '../../src/core/text/textFile';
import { UserError } from '../../src/core/userError';

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rnn-studio-text-file-'));
});
after(() => rm(dir, { recursive: true, force: true }));

test('a UTF-8 byte order mark is dropped; a file at the limit is read, one byte over is refused from its size', async () => {
  const file = path.join(dir, 'bom.txt');
  await writeFile(file, '\uFEFFhé\nho\n');
  assert.equal(await readTextFile(file, 10), 'hé\nho\n');
  await assert.rejects(readTextFile(file, 9), (e: unknown) => e instanceof UserError && e.message.startsWith(`${file} is 10 bytes, more than the limit of 9 bytes.`));
});

test('UTF-16 of Greek text without a byte order mark (no NUL bytes) is still refused, as bytes that are not UTF-8', async () => {
  const file = path.join(dir, 'greek.txt');
  await writeFile(file, Buffer.from('αβγδ αβγδ', 'utf16le'));
  await assert.rejects(readTextFile(file, 1000), /^UserError: Cannot read the text file .*greek\.txt: line 1, character \d+ has bytes that are not UTF-8 text/);
});
