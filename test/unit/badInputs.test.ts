/**
 * The bad-input matrix: every row of test/unit/badInputs/*.ts, each on a fresh temporary
 * folder, must fail with its message (and pass its `after` checks). The next case is one row.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import type { BadInput } from './badInputs/badInput';
import { CLI_INPUTS } from './badInputs/cliInputs';
import { CSV_INPUTS } from './badInputs/csvInputs';
import { EDITOR_TEXTS } from './badInputs/editorTexts';
import { MODEL_FOLDERS } from './badInputs/modelFolders';
import { MODELS_FOLDER_SETTINGS } from './badInputs/modelsFolderSettings';
import { RUN_SETTINGS } from './badInputs/runSettings';

const TABLES: Record<string, readonly BadInput[]> = {
  'CSV files': CSV_INPUTS,
  'command lines': CLI_INPUTS,
  'editor texts': EDITOR_TEXTS,
  'model folders': MODEL_FOLDERS,
  'the models folder setting': MODELS_FOLDER_SETTINGS,
  'run settings': RUN_SETTINGS,
};

/** A row that hangs (a FIFO read before the fix) fails instead of stopping the run. */
const ROW_TIMEOUT_MS = 120_000;

for (const [area, rows] of Object.entries(TABLES)) {
  describe(`bad inputs: ${area}`, () => {
    for (const row of rows) {
      test(row.name, { timeout: ROW_TIMEOUT_MS }, async () => {
        const dir = await mkdtemp(path.join(tmpdir(), 'rnn-studio-bad-'));
        try {
          const thrown = await row.run(await row.make(dir), dir);
          assert.ok(thrown instanceof Error, `it must fail with a message, but ${thrown === undefined ? 'nothing was thrown' : `it threw ${inspect(thrown)}`}`);
          assert.match(thrown.message, row.message);
          await row.after?.(dir);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      });
    }
  });
}
