import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CsvScanner, CsvSyntaxError, rowTexts } from '../../src/core/csv/csvScanner';
import { isMissingBytes, parseNumberBytes, parseNumberText } from '../../src/core/csv/numberBytes';
import { TestRandom } from './support/random';

/** Every row of `text` with its line, scanned in chunks of `chunk` bytes. */
function scan(text: string, chunk = Infinity, delimiter = ','): Array<{ line: number; fields: string[] }> {
  const rows: Array<{ line: number; fields: string[] }> = [];
  const scanner = new CsvScanner(delimiter.charCodeAt(0), (row) => rows.push({ line: row.line, fields: rowTexts(row) }));
  const bytes = Buffer.from(text, 'utf8');
  const size = Number.isFinite(chunk) ? chunk : bytes.length || 1;
  for (let start = 0; start < bytes.length; start += size) scanner.push(bytes.subarray(start, start + size));
  scanner.end();
  return rows;
}

const TRICKY = 'a,b,c\r\n1,"two, with comma",3\r\n\r\n"multi\nline","say ""hi""",\n"",x,"last"';

test('fields, quotes, doubled quotes, CRLF, blank lines, quoted line breaks, no final newline', () => {
  assert.deepEqual(scan(TRICKY), [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 2, fields: ['1', 'two, with comma', '3'] },
    { line: 4, fields: ['multi\nline', 'say "hi"', ''] },
    { line: 6, fields: ['', 'x', 'last'] },
  ]);
});

test('any chunking gives the same rows (rows and quotes split across chunks)', () => {
  const whole = scan(TRICKY);
  for (const size of [1, 2, 3, 5, 7, 16]) assert.deepEqual(scan(TRICKY, size), whole, `chunks of ${size}`);
  assert.deepEqual(scan('x;y\n1,5;2\n', 3, ';'), [
    { line: 1, fields: ['x', 'y'] },
    { line: 2, fields: ['1,5', '2'] },
  ]);
  assert.deepEqual(scan('t\tv\n1\t2\n', 1, '\t')[1].fields, ['1', '2']);
});

test('an unterminated quote and text after a closing quote are errors naming the line', () => {
  assert.throws(() => scan('a,b\n1,2\n3,"open\n4,5\n'), (error: unknown) => {
    assert.ok(error instanceof CsvSyntaxError);
    assert.equal(error.line, 3);
    assert.match(error.message, /quoted field that starts on line 3 never closes \(unterminated quote\)/);
    return true;
  });
  assert.throws(() => scan('a,b\n"x"y,2\n'), /line 2 has text after the closing quote of field 1/);
});

test('a row longer than the limit is refused while streaming (bounded memory)', () => {
  const scanner = new CsvScanner(0x2c, () => undefined, 1000);
  scanner.push(Buffer.from('a,b\n1,"'));
  assert.throws(() => {
    for (let i = 0; i < 20; i++) scanner.push(Buffer.alloc(100, 0x41));
  }, /a quoted field starting on line 2 has no closing quote in the next 1000 bytes/);
});

test('numbers from bytes equal Number(text); missing values are told from text', () => {
  const random = new TestRandom(5);
  for (let i = 0; i < 2000; i++) {
    const digits = random.int(0, 8);
    const text = `${random.next() < 0.3 ? '-' : ''}${random.int(0, 99999)}${digits ? `.${String(random.int(0, 10 ** digits - 1)).padStart(digits, '0')}` : ''}`;
    assert.equal(parseNumberText(text), Number(text), text);
  }
  for (const text of ['1e5', '-2.5E-3', '12345678901234567.89', '.5', '5.', ' 42 ', '+7', '0.1']) assert.equal(parseNumberText(text), Number(text), text);
  for (const text of ['', 'NaN', 'abc', '1,5', '0x10', 'Infinity', '1e', '1 2', '-', '1.2.3']) assert.ok(Number.isNaN(parseNumberText(text)), text);
  assert.equal(parseNumberText('1,5', true), 1.5);
  assert.equal(parseNumberText('-1234,25', true), -1234.25);
  const missing = (text: string) => isMissingBytes(Buffer.from(text), 0, Buffer.byteLength(text));
  for (const text of ['', ' ', 'NaN', 'nan', 'NA', 'N/A', '#N/A', 'null', 'None', '-']) assert.ok(missing(text), text);
  for (const text of ['abc', '12', 'NaNa']) assert.ok(!missing(text), text);
  const bytes = Buffer.from('x,3.25,y');
  assert.equal(parseNumberBytes(bytes, 2, 6), 3.25);
});
