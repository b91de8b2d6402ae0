/**
 * "Save Model" and "Load Model": where models live in the workspace
 * (`rnnStudio.modelsFolder`, default `.rnn-studio/models/<name>/`) and how the user picks one.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { UserError } from '../core/userError';
import { readGenerationSettings, readModelsFolder } from './settings';
import type { TextJobController } from './textJobController';

const MODEL_NAME = /^[\w][\w.-]{0,63}$/;
const NAME_RULE = 'use 1-64 letters, digits, "-", "_" or ".", starting with a letter or digit.';

/** The workspace folder models are saved in: the one of the active file, else the first. */
function workspaceRoot(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder.uri : undefined;
}

async function exists(target: string): Promise<boolean> {
  return stat(target).then(
    () => true,
    () => false,
  );
}

async function modelsDir(): Promise<string | undefined> {
  const root = workspaceRoot();
  if (root) return path.resolve(root.fsPath, readModelsFolder());
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    openLabel: 'Use this folder for models',
    title: 'RNN Studio: no workspace folder is open. Where should models be saved?',
  });
  return picked?.[0]?.fsPath;
}

/** Saves the current model; `name` (from a keybinding or a script) skips the questions. */
export async function saveModelCommand(controller: TextJobController, name?: string): Promise<void> {
  if (!controller.hasModel) {
    throw new UserError('No model to save yet: train one on a selection ("RNN Studio: Generate Text from Selection") first.');
  }
  const dir = await modelsDir();
  if (!dir) return;
  if (name !== undefined) {
    if (!MODEL_NAME.test(name)) throw new UserError(`"${name}" is not a model name: ${NAME_RULE}`);
    return controller.save(path.join(dir, name));
  }
  name = await vscode.window.showInputBox({
    title: 'RNN Studio: Save Model',
    prompt: `Folder name under ${dir}`,
    value: `text-model-${new Date().toISOString().slice(0, 10)}`,
    validateInput: (value) =>
      MODEL_NAME.test(value) ? undefined : NAME_RULE,
  });
  if (!name) return;
  const target = path.join(dir, name);
  if (await exists(target)) {
    const overwrite = await vscode.window.showWarningMessage(`A model named "${name}" exists in ${dir}. Replace it?`, { modal: true }, 'Replace');
    if (overwrite !== 'Replace') return;
  }
  await controller.save(target);
  const choice = await vscode.window.showInformationMessage(`RNN Studio: saved the model to ${target}`, 'Reveal in Explorer');
  if (choice) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(target));
}

interface ModelItem extends vscode.QuickPickItem {
  dir?: string;
}

/** Saved models found in the models folder, newest first. */
async function savedModels(dir: string): Promise<ModelItem[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const items = await Promise.all(
    names.map(async (name): Promise<(ModelItem & { savedAt: string }) | undefined> => {
      const meta = await readFile(path.join(dir, name, 'meta.json'), 'utf8').then(
        (text) => JSON.parse(text) as { training?: { cell?: string; hiddenSize?: number; layers?: number }; savedAt?: string },
        () => undefined,
      );
      if (!meta) return undefined;
      const t = meta.training ?? {};
      return {
        label: name,
        description: `${String(t.cell ?? '?').toUpperCase()} ${t.hiddenSize ?? '?'} × ${t.layers ?? '?'}`,
        detail: meta.savedAt ? `saved ${meta.savedAt}` : undefined,
        dir: path.join(dir, name),
        savedAt: meta.savedAt ?? '',
      };
    }),
  );
  return items
    .filter((i): i is ModelItem & { savedAt: string } => i !== undefined)
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function loadModelCommand(controller: TextJobController, folder?: vscode.Uri): Promise<void> {
  const generation = readGenerationSettings();
  let dir = folder?.fsPath;
  if (!dir) {
    const root = await modelsDir();
    const browse: ModelItem = { label: '$(folder-opened) Browse for a model folder…' };
    const items = root ? await savedModels(root) : [];
    const picked = await vscode.window.showQuickPick([...items, browse], {
      title: 'RNN Studio: Load Model',
      placeHolder: items.length ? 'Choose a saved model' : `No saved models in ${root ?? 'this workspace'}: browse for one`,
    });
    if (!picked) return;
    dir = picked.dir ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Load model' }))?.[0]?.fsPath;
    if (!dir) return;
  }
  await controller.load(dir, path.basename(dir), generation);
}
