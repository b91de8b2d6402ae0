/**
 * The text job as the user meets it: train on a selection with live progress in the panel
 * (a notification only while the panel is hidden), then generate, regenerate, and act on the
 * result. Its jobs run on the shared job runner; the model itself lives in the worker.
 */
import * as vscode from 'vscode';
import type { SettingNamer } from '../core/settings/numberSetting';
import type { GenerationSettings, TextProfile, TextTrainingSettings } from '../core/text/textSettings';
import { validateGeneration, validateTraining } from '../core/text/textSettingsValidation';
import { UserError } from '../core/userError';
import { trainingSymbols } from '../core/text/trainingSymbols';
import { TEXT_PROTOCOL, type TextHostMessage, type TextWebviewMessage } from '../protocol/text';
import type { TextState } from '../protocol/textState';
import { renderPanelHtml } from './panelHtml';
import type { ModelSummary } from '../worker/protocol';
import type { JobContext } from './jobs/jobTypes';
import { PanelJobController, type JobControllerDeps } from './panelJobController';
import type { PanelKind } from './studioPanel';
import { applyTextAction } from './textActions';
import { trainOnText } from './textTrainingRun';
import type { TextSource } from './textSource';

export const TEXT_PANEL: PanelKind<TextHostMessage, TextWebviewMessage, TextState> = {
  viewType: 'rnnStudio.panel',
  title: 'RNN Studio',
  script: 'webview.js',
  render: renderPanelHtml,
  protocol: TEXT_PROTOCOL,
};

const NO_MODEL = 'No model to generate from: train one ("RNN Studio: Generate Text from Selection") or load a saved one ("RNN Studio: Load Model").';
const formField = (key: string) => `the form's ${key}`;

export class TextJobController extends PanelJobController<TextHostMessage, TextWebviewMessage, TextState> {
  private source: TextSource | undefined;
  private model: ModelSummary | undefined;
  protected readonly whenReleased = 'Load a saved model or train again.';

  constructor(deps: JobControllerDeps) {
    super(TEXT_PANEL, 'text', deps);
  }

  get hasModel(): boolean {
    return this.model !== undefined;
  }

  protected holdsModel(): boolean {
    return this.hasModel;
  }

  protected forgetModel(): void {
    this.model = undefined;
  }

  /** Starts the worker if needed and shows its backend in the panel. */
  private async ensureBackend(): Promise<void> {
    this.post({ type: 'backend', backend: await this.backend.ensure() });
  }

  /**
   * Trains on `source` (after the job running now, if any) and generates from the result;
   * `profileReason` says why the settings' profile (for the panel), `name` names the
   * settings as the user set them (see trainOnText).
   */
  async train(source: TextSource, training: TextTrainingSettings, generation: GenerationSettings, profileReason: string, name: SettingNamer): Promise<void> {
    // A text that cannot train, or a prompt it cannot produce, is refused now, not in the worker or after the training.
    trainingSymbols(source.text, source.label).vocabulary.encode(generation.prompt, 'The prompt');
    this.source = source;
    this.showPanel();
    this.post({ type: 'settings', training, generation, profileReason });
    const title = `RNN Studio: training ${training.cell.toUpperCase()} on ${source.label}`;
    await this.runJob('the text training', title, async (job) => {
      await this.ensureBackend();
      const runId = ++this.runId;
      const outcome = await trainOnText(job, runId, source, training, name, (message) => this.post(message));
      const { finalLoss, epochsRun, msPerEpoch } = outcome;
      this.post({ type: 'trainingFinished', runId, outcome: outcome.cancelled ? 'cancelled' : 'completed', finalLoss, epochsRun, msPerEpoch });
      // Cancelled before its first epoch: the worker kept the model it held before, if any.
      if (epochsRun === 0) return;
      this.model = outcome.model;
      await this.generateIn(job, generation);
    });
  }

  /** Generates from the current model without retraining. */
  generate(generation: GenerationSettings): Promise<void> {
    return this.runJob('the text generation', undefined, (job) => this.generateIn(job, generation));
  }

  private async generateIn(job: JobContext, generation: GenerationSettings): Promise<void> {
    if (!this.model) throw new UserError(NO_MODEL);
    const { text } = await job.request({ type: 'generate', generation });
    this.post({ type: 'generated', runId: this.runId, prompt: generation.prompt, text, temperature: generation.temperature });
  }

  /** Saves the current model into `dir` (the worker writes it atomically). */
  save(dir: string): Promise<void> {
    return this.runJob('saving the model', undefined, async (job) => {
      if (!this.model) throw new UserError('No model to save yet: train one on a selection ("RNN Studio: Generate Text from Selection") first.');
      await job.request({ type: 'save', dir });
      this.post({ type: 'modelSaved', path: dir });
    });
  }

  /** Loads a saved model into the worker, shows it in the panel and generates from it with `generationFor` its profile. */
  load(dir: string, name: string, generationFor: (profile: TextProfile) => GenerationSettings): Promise<void> {
    return this.runJob(`loading ${name}`, undefined, async (job) => {
      await this.ensureBackend();
      const { model } = await job.request({ type: 'load', dir });
      this.model = model;
      this.runId++;
      this.showPanel();
      this.post({ type: 'modelLoaded', name, vocabularySize: model.vocabularySize, cell: model.training.cell });
      const generation = generationFor(model.training.profile);
      this.post({ type: 'settings', training: model.training, generation, profileReason: "the model was trained with it" });
      await this.generateIn(job, generation);
    });
  }

  protected async onPanelMessage(message: TextWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'train': {
        if (!this.source) throw new UserError('Select the text to train on in an editor and run "RNN Studio: Generate Text from Selection": the panel trains on that text.');
        const training = validateTraining({ ...message.training }, formField);
        return this.train(this.source, training, validateGeneration({ ...message.generation }, formField), 'it was picked in this form', formField);
      }
      case 'generate':
        return this.generate(validateGeneration({ ...message.generation }, formField));
      case 'textAction':
        return applyTextAction(message.action, message.text, this.source?.editor);
      case 'saveModel':
        await vscode.commands.executeCommand('rnnStudio.saveModel');
        return;
      case 'loadModel':
        await vscode.commands.executeCommand('rnnStudio.loadModel');
        return;
      default:
        return; // 'ready' is the panel's; the forecast panel's messages are not for this one
    }
  }
}
