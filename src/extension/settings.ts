/**
 * Reads RNN Studio's settings. Values are validated by the core's validators, so a
 * non-numeric or out-of-range setting is refused with a message naming it.
 */
import * as vscode from 'vscode';
import { BACKEND_CHOICES, type BackendChoice } from '../core/backendChoice';
import type { ForecastSettings } from '../core/forecast/forecastSettings';
import { validateForecastSettings } from '../core/forecast/forecastSettingsValidation';
import type { GenerationSettings, TextProfile, TextTrainingSettings } from '../core/text/textSettings';
import { validateGeneration, validateTrainingFor } from '../core/text/textSettingsValidation';
import { UserError } from '../core/userError';

const SECTION = 'rnnStudio';

function section(name: string): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(`${SECTION}.${name}`);
  // Only what the user set: the core fills in (and owns) the defaults.
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(config)) {
    const inspected = config.inspect(key);
    const value =
      inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value !== undefined && typeof config[key] !== 'function') raw[key] = value;
  }
  return raw;
}

/** A text training setting's name in VS Code's settings: `rnnStudio.text.batchSize`. */
export const textSettingName = (key: string) => `${SECTION}.text.${key}`;

/** The training settings for `text`: what the user set, the rest from the profile (rnnStudio.text.profile, 'auto' by the text), and why that profile. */
export function readTrainingSettings(text: string): { training: TextTrainingSettings; reason: string } {
  return validateTrainingFor(section('text'), textSettingName, text);
}

/** The generation settings: what the user set, the rest from `profile`. */
export function readGenerationSettings(profile: TextProfile): GenerationSettings {
  return validateGeneration(section('generate'), (key) => `${SECTION}.generate.${key}`, profile);
}

/** A forecast setting's name in VS Code's settings: `rnnStudio.forecast.batchSize`. */
export const forecastSettingName = (key: string) => `${SECTION}.forecast.${key}`;

/**
 * The forecast job's settings; the column, time column and models are picked per run and
 * given as `picked`, checked with the rest (a run too big for the models picked is refused
 * naming the settings: see runBounds.ts).
 */
export function readForecastSettings(picked: Partial<ForecastSettings> = {}): ForecastSettings {
  return validateForecastSettings({ ...section('forecast'), ...picked }, forecastSettingName);
}

export function readBackend(): BackendChoice {
  const value = vscode.workspace.getConfiguration(SECTION).get<string>('backend', 'auto');
  return BACKEND_CHOICES.includes(value as BackendChoice) ? (value as BackendChoice) : 'auto';
}

/** Largest selection or document the text job accepts, in bytes. */
export function readMaxTextBytes(): number {
  const megabytes = vscode.workspace.getConfiguration(SECTION).get<unknown>('maxTextSizeMB', 5);
  const value = Number(megabytes);
  if (!Number.isFinite(value) || value <= 0) {
    throw new UserError(`Setting ${SECTION}.maxTextSizeMB must be a positive number, not "${String(megabytes)}".`, `${SECTION}.maxTextSizeMB`);
  }
  return Math.round(value * 1024 * 1024);
}

/** Folder for saved models, relative to the workspace folder, as set (checked by modelsFolderPath.ts). */
export function readModelsFolder(): unknown {
  return vscode.workspace.getConfiguration(SECTION).get<unknown>('modelsFolder', '.rnn-studio/models');
}
