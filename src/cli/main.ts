/**
 * rnn-studio: the text job from a terminal — train on a file (or load a saved model),
 * generate, optionally save — and `rnn-studio forecast` (see forecastCommand.ts). Argument
 * parsing and printing only; the work is in src/core.
 */
import { defaultWasmDir, initBackend } from '../core/backend';
import { checkSaveTarget } from '../core/persistence/saveTarget';
import { loadTextModel, saveTextModel } from '../core/text/textModelStore';
import { generateText } from '../core/text/textGeneration';
import { readTextFile } from '../core/text/textFile';
import { trainingSymbols } from '../core/text/trainingSymbols';
import type { TextTrainingSettings } from '../core/text/textSettings';
import { trainTextModel, type TrainedTextModel, type TrainResult } from '../core/text/textTraining';
import { runForecastCommand } from './forecastCommand';
import { parseForecastCommandLine } from './forecastOptions';
import type { GenerateJson } from './jsonOutput';
import { UsageError } from './commonOptions';
import { parseCommandLine, trainingFlag, type CliRequest } from './options';
import { FORECAST_USAGE, USAGE } from './usage';

/** Progress is printed every this many epochs (and at the last one), as the tutorial. */
const PRINT_EVERY_EPOCHS = 10;

const say = (line: string) => process.stdout.write(`${line}\n`);
const warn = (line: string) => process.stderr.write(`${line}\n`);

/** The text of --text-file and the settings it trains with (read and checked before the backend starts) (not after the backend starts or training ends) when it cannot train or produce the prompt. */
interface TrainingText {
  file: string;
  text: string;
  training: TextTrainingSettings;
  /** Why the settings' profile (see CliRequest.trainingFor). */
  reason: string;
}

/** Trains on the text with its settings; Ctrl-C stops training and keeps what was learned. */
async function train(request: CliRequest, { file, text, training, reason }: TrainingText): Promise<{ trained: TrainedTextModel; result: TrainResult }> {
  if (!request.json) say(`Profile: ${training.profile}, because ${reason}.`);
  let stopRequested = false;
  const stop = () => {
    stopRequested = true;
  };
  process.once('SIGINT', stop);
  try {
    return await trainTextModel(text, training, {
      onStart: (start) => {
        if (!request.json) {
          const heldOut = start.validationCharacters > 0 ? `; the last ${start.validationCharacters} held out for the validation loss` : '';
          const budget = training.minutes > 0 ? ` for up to ${training.minutes} min` : '';
          say(`Training a ${training.cell} of ${training.layers} × ${training.hiddenSize}${budget} on ${start.characters} characters: ${start.sequences} ${start.mode}, ${start.vocabularySize} symbols${heldOut}.`);
        }
      },
      onEpoch: ({ epoch, epochs, loss, valLoss }) => {
        if (!request.json && (epoch % PRINT_EVERY_EPOCHS === 0 || epoch === epochs)) {
          say(`Epoch: ${epoch}/${epochs}............. Loss: ${loss.toFixed(4)}${valLoss === undefined ? '' : `  val_loss: ${valLoss.toFixed(4)}`}`);
        }
      },
      shouldStop: () => stopRequested,
    }, file, trainingFlag);
  } finally {
    process.removeListener('SIGINT', stop);
  }
}

/** "Validation loss 1.712 nats/char (2.47 bits/char, perplexity 5.54) at epoch 12, kept; stopped early at 22." */
function validationSummary(result: TrainResult): string {
  const nats = result.valLossHistory[result.bestEpoch - 1];
  const stopped = result.stoppedEarly ? `; stopped early at ${result.epochsRun}` : '';
  return `Validation loss ${nats.toFixed(3)} nats/char (${(nats / Math.LN2).toFixed(2)} bits/char, perplexity ${Math.exp(nats).toFixed(2)}) at epoch ${result.bestEpoch}, kept${stopped}.`;
}

/** --text-file's text and settings (see TrainingText). */
async function readTrainingText(file: string, request: CliRequest): Promise<TrainingText> {
  const text = await readTextFile(file, request.maxBytes);
  const { training, reason } = request.trainingFor(text);
  trainingSymbols(text, file).vocabulary.encode(request.generationFor(training.profile).prompt, 'The prompt');
  return { file, text, training, reason };
}

async function run(request: CliRequest): Promise<void> {
  const input = request.textFile === undefined ? undefined : await readTrainingText(request.textFile, request);
  // Where the model goes is checked before any time is spent training it.
  if (request.save !== undefined) await checkSaveTarget(request.save);
  const backend = await initBackend(request.backend, defaultWasmDir(__dirname));
  if (backend.fallbackReason) warn(backend.fallbackReason);
  if (!request.json) say(`Backend: ${backend.name}`);
  const { trained, result } =
    input === undefined ? { trained: await loadTextModel(request.load as string), result: undefined } : await train(request, input);
  try {
    if (result?.cancelled) warn(`Training stopped after ${result.epochsRun} epochs.`);
    if (result?.outOfTime && !request.json) say(`Time budget reached after ${result.epochsRun} epochs.`);
    if (request.save !== undefined) await saveTextModel(trained, request.save);
    const generated = generateText(trained, request.generationFor(trained.training.profile));
    if (request.json) {
      const output: GenerateJson = {
        backend: backend.name,
        epochs: result?.epochsRun ?? 0,
        finalLoss: result?.finalLoss ?? trained.finalLoss ?? null,
        lossHistory: result?.lossHistory ?? [],
        valLossHistory: result?.valLossHistory ?? [],
        bestEpoch: result?.bestEpoch ?? 0,
        bitsPerChar: result && result.valLossHistory.length > 0 ? result.valLossHistory[result.bestEpoch - 1] / Math.LN2 : null,
        profile: trained.training.profile,
        outOfTime: result?.outOfTime ?? false,
        msPerEpoch: result?.msPerEpoch ?? 0,
        generated,
      };
      say(JSON.stringify(output));
    } else {
      if (result) say(`${result.msPerEpoch.toFixed(1)} ms per epoch.`);
      if (result && result.valLossHistory.length > 0) say(validationSummary(result));
      if (request.save !== undefined) say(`Model saved to ${request.save}`);
      say(generated);
    }
  } finally {
    trained.dispose();
  }
}

/** Runs the command line `args` and returns the exit status. */
export async function main(args: string[]): Promise<number> {
  const forecast = args[0] === 'forecast';
  try {
    if (forecast) {
      const request = parseForecastCommandLine(args.slice(1));
      if (request === 'help') say(FORECAST_USAGE);
      else await runForecastCommand(request, say, warn);
      return 0;
    }
    const request = parseCommandLine(args);
    if (request === 'help') {
      say(USAGE);
      return 0;
    }
    await run(request);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      warn(`${error.message}\n\n${forecast ? FORECAST_USAGE : USAGE}`);
      return 2;
    }
    warn(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
