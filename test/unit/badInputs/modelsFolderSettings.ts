/**
 * Values of `rnnStudio.modelsFolder` (a cloned repository's .vscode/settings.json can set it)
 * that would save models outside the workspace folder (see badInput.ts). Each row's workspace
 * folder is `<dir>/workspace`.
 */
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { modelsFolderIn } from '../../../src/extension/modelsFolderPath';
import { thrownBy, type BadInput } from './badInput';

/** Makes the workspace folder `<dir>/workspace`; returns the setting's value. */
const workspaceWith = (value: string) => async (dir: string) => {
  await mkdir(path.join(dir, 'workspace'));
  return value;
};
const modelsFolder = (value: string, dir: string) => thrownBy(() => modelsFolderIn(path.join(dir, 'workspace'), value));

export const MODELS_FOLDER_SETTINGS: readonly BadInput[] = [
  {
    name: '6: rnnStudio.modelsFolder "../../x"',
    make: workspaceWith('../../x'),
    run: modelsFolder,
    message: /^Setting rnnStudio\.modelsFolder must be a folder inside the workspace folder .*workspace, not "\.\.\/\.\.\/x", which is .*x\.$/,
  },
  {
    name: '6: rnnStudio.modelsFolder "models/../../x" (leaves the folder on the way)',
    make: workspaceWith('models/../../x'),
    run: modelsFolder,
    message: /^Setting rnnStudio\.modelsFolder must be a folder inside the workspace folder .*, not "models\/\.\.\/\.\.\/x"/,
  },
  {
    name: '6: rnnStudio.modelsFolder an absolute path',
    make: workspaceWith('/tmp/models'),
    run: modelsFolder,
    message: /^Setting rnnStudio\.modelsFolder must be a folder relative to the workspace folder, such as "\.rnn-studio\/models", not the absolute path "\/tmp\/models": models are saved inside the workspace\.$/,
  },
  {
    name: '6: rnnStudio.modelsFolder empty',
    make: workspaceWith(' '),
    run: modelsFolder,
    message: /^Setting rnnStudio\.modelsFolder must name a folder inside the workspace folder, such as "\.rnn-studio\/models", not " "\.$/,
  },
  {
    name: "6: the default .rnn-studio/models, the workspace's .rnn-studio a symbolic link out of it",
    make: async (dir) => {
      await mkdir(path.join(dir, 'workspace'));
      await mkdir(path.join(dir, 'elsewhere'));
      await symlink(path.join(dir, 'elsewhere'), path.join(dir, 'workspace', '.rnn-studio'));
      return '.rnn-studio/models';
    },
    run: modelsFolder,
    message: /^Setting rnnStudio\.modelsFolder must be a folder inside the workspace folder .*workspace, but "\.rnn-studio\/models" leads through a symbolic link to .*elsewhere[/\\]models\.$/,
  },
];
