/** Issue 9, case 6: the models folders rnnStudio.modelsFolder may name (the refused ones are rows of the bad-input matrix). */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { modelsFolderIn, modelsFolderPath } from '../../src/extension/modelsFolderPath';
import { UserError } from '../../src/core/userError';

const ROOT = path.resolve('/work/project');

test('6: a folder inside the workspace folder is used, resolved against it', () => {
  assert.equal(modelsFolderPath(ROOT, '.rnn-studio/models'), path.join(ROOT, '.rnn-studio', 'models'));
  assert.equal(modelsFolderPath(ROOT, './models/../saved'), path.join(ROOT, 'saved'));
  assert.equal(modelsFolderPath(ROOT, '..models'), path.join(ROOT, '..models'), 'a name starting with ".." stays inside');
  assert.equal(modelsFolderPath(ROOT, '.'), ROOT);
});

test('6: refusals name the setting', () => {
  for (const value of ['../x', '/etc', 42, undefined]) {
    assert.throws(() => modelsFolderPath(ROOT, value), (error: unknown) => error instanceof UserError && error.field === 'rnnStudio.modelsFolder');
  }
});

test('6: a link that stays inside the workspace folder is followed, a missing models folder is fine', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'rnn-studio-models-folder-'));
  try {
    const workspace = path.join(dir, 'workspace');
    await mkdir(path.join(workspace, 'saved'), { recursive: true });
    await symlink(path.join(workspace, 'saved'), path.join(workspace, 'models'));
    assert.equal(await modelsFolderIn(workspace, 'models/text'), path.join(workspace, 'models', 'text'));
    assert.equal(await modelsFolderIn(workspace, '.rnn-studio/models'), path.join(workspace, '.rnn-studio', 'models'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
