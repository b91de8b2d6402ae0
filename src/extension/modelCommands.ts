/**
 * "Save Model" and "Load Model": where models live in the workspace
 * (`rnnStudio.modelsFolder`, default `.rnn-studio/models/<name>/`) and how the user picks one.
 */
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FORECAST_MODEL_FORMAT, TEXT_MODEL_FORMAT } from '../core/modelFormats';
import { listModelFolders } from '../core/persistence/modelFolderList';
import { UserError } from '../core/userError';
import { modelsFolderIn } from './modelsFolderPath';
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

/** The models folder: the setting's, inside the workspace folder (else refused), or one the user picks. */
async function modelsDir(): Promise<string | undefined> {
  const root = workspaceRoot();
  if (root) return modelsFolderIn(root.fsPath, readModelsFolder());
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    openLabel: 'Use this folder for models',
    title: 'RNN Studio: no workspace folder is open. Where should models be saved?',
  });
  return picked?.[0]?.fsPath;
}

/**
 * Where to save a model: `<modelsFolder>/<name>`, the name asked for (or given by a script,
 * which skips the questions); confirms replacing an existing model. Undefined: dismissed.
 */
export async function askModelFolder(defaultName: string, name?: string): Promise<string | undefined> {
  const dir = await modelsDir();
  if (!dir) return undefined;
  if (name !== undefined) {
    if (!MODEL_NAME.test(name)) throw new UserError(`"${name}" is not a model name: ${NAME_RULE}`);
    return path.join(dir, name);
  }
  const picked = await vscode.window.showInputBox({
    title: 'RNN Studio: Save Model',
    prompt: `Folder name under ${dir}`,
    value: defaultName,
    validateInput: (value) => (MODEL_NAME.test(value) ? undefined : NAME_RULE),
  });
  if (!picked) return undefined;
  const target = path.join(dir, picked);
  if (await exists(target)) {
    const overwrite = await vscode.window.showWarningMessage(`A model named "${picked}" exists in ${dir}. Replace it?`, { modal: true }, 'Replace');
    if (overwrite !== 'Replace') return undefined;
  }
  return target;
}

/** Saves the current text model; `name` (from a keybinding or a script) skips the questions. */
export async function saveModelCommand(controller: TextJobController, name?: string): Promise<void> {
  if (!controller.hasModel) {
    throw new UserError('No model to save yet: train one on a selection ("RNN Studio: Generate Text from Selection") first.');
  }
  const target = await askModelFolder(`text-model-${new Date().toISOString().slice(0, 10)}`, name);
  if (!target) return;
  await controller.save(target);
  if (name !== undefined) return;
  const choice = await vscode.window.showInformationMessage(`RNN Studio: saved the model to ${target}`, 'Reveal in Explorer');
  if (choice) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(target));
}

interface ModelItem extends vscode.QuickPickItem {
  dir?: string;
}

interface SavedMeta {
  format?: string;
  savedAt?: string;
  /** Text models. */
  training?: { cell?: string; hiddenSize?: number; layers?: number };
  /** Forecasters. */
  spec?: { preset?: string; units?: number[] };
  column?: string;
  window?: number;
}

/** One line about a saved model, for the quick pick. */
function describe(meta: SavedMeta): string {
  if (meta.format === FORECAST_MODEL_FORMAT) {
    const units = Array.isArray(meta.spec?.units) ? meta.spec.units.join('/') : '';
    return `${String(meta.spec?.preset ?? '?').toUpperCase()} ${units} on ${String(meta.column ?? '?')}, window ${String(meta.window ?? '?')}`;
  }
  const t = meta.training ?? {};
  return `${String(t.cell ?? '?').toUpperCase()} ${t.hiddenSize ?? '?'} × ${t.layers ?? '?'}`;
}

/** Saved models of `format` ('rnn-studio/text-model' or '.../forecast-model') in `dir`, newest first. */
async function savedModels(dir: string, format: string): Promise<ModelItem[]> {
  const models = (await listModelFolders(dir)).filter(({ meta }) => meta.format === format);
  return models
    .map(({ name, dir: folder, meta }) => {
      const savedAt = typeof meta.savedAt === 'string' ? meta.savedAt : '';
      const item: ModelItem = { label: name, description: describe(meta), detail: savedAt ? `saved ${savedAt}` : undefined, dir: folder };
      return { item, savedAt };
    })
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt))
    .map((i) => i.item);
}

/** A saved model's folder: `folder` when given, else picked from the models folder or browsed to. */
export async function pickModelFolder(format: string, title: string, folder?: vscode.Uri): Promise<string | undefined> {
  if (folder) return folder.fsPath;
  const root = await modelsDir();
  const browse: ModelItem = { label: '$(folder-opened) Browse for a model folder…' };
  const items = root ? await savedModels(root, format) : [];
  const picked = await vscode.window.showQuickPick([...items, browse], {
    title,
    placeHolder: items.length ? 'Choose a saved model' : `No saved models in ${root ?? 'this workspace'}: browse for one`,
  });
  if (!picked) return undefined;
  return picked.dir ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Use this model' }))?.[0]?.fsPath;
}

export async function loadModelCommand(controller: TextJobController, folder?: vscode.Uri): Promise<void> {
  readGenerationSettings('tutorial'); // a bad setting is named before the folder is asked for
  const dir = await pickModelFolder(TEXT_MODEL_FORMAT, 'RNN Studio: Load Model', folder);
  if (dir) await controller.load(dir, path.basename(dir), readGenerationSettings);
}
