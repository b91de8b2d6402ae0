/**
 * rnn-studio: the text job from a terminal — train on a file (or load a saved model),
 * generate, optionally save — and `rnn-studio forecast` (see forecastCommand.ts). Argument
 * parsing and printing only; the work is in src/core.
 */
import { readFile } from 'node:fs/promises';
import { defaultWasmDir, initBackend } from '../core/backend';
import { regularFileStats } from '../core/regularFile';
import { loadTextModel, saveTextModel } from '../core/text/textModelStore';
import { generateText } from '../core/text/textGeneration';
import { checkTextSize } from '../core/text/textSize';
import { trainTextModel, type TrainedTextModel, type TrainResult } from '../core/text/textTraining';
import { UserError } from '../core/userError';
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

async function readText(file: string, maxBytes: number): Promise<string> {
  const fail = (problem: string) => new UserError(`Cannot read the text file ${file}: ${problem}.`);
  await regularFileStats(file, fail);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw fail((error as Error).message);
  }
  checkTextSize(text, maxBytes, file);
  return text.replace(/^\uFEFF/, '');
}

/** Trains on `text`; Ctrl-C stops training and keeps what was learned. */
async function train(request: CliRequest, text: string): Promise<{ trained: TrainedTextModel; result: TrainResult }> {
  let stopRequested = false;
  const stop = () => {
    stopRequested = true;
  };
  process.once('SIGINT', stop);
  try {
    return await trainTextModel(text, request.training, {
      onStart: (start) => {
        if (!request.json) {
          const heldOut = start.validationCharacters > 0 ? `; the last ${start.validationCharacters} held out for the validation loss` : '';
          say(`Training a ${request.training.cell} on ${start.characters} characters: ${start.sequences} ${start.mode}, ${start.vocabularySize} symbols${heldOut}.`);
        }
      },
      onEpoch: ({ epoch, epochs, loss, valLoss }) => {
        if (!request.json && (epoch % PRINT_EVERY_EPOCHS === 0 || epoch === epochs)) {
          say(`Epoch: ${epoch}/${epochs}............. Loss: ${loss.toFixed(4)}${valLoss === undefined ? '' : `  val_loss: ${valLoss.toFixed(4)}`}`);
        }
      },
      shouldStop: () => stopRequested,
    }, trainingFlag);
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

async function run(request: CliRequest): Promise<void> {
  const text = request.textFile === undefined ? undefined : await readText(request.textFile, request.maxBytes);
  const backend = await initBackend(request.backend, defaultWasmDir(__dirname));
  if (backend.fallbackReason) warn(backend.fallbackReason);
  if (!request.json) say(`Backend: ${backend.name}`);
  const { trained, result } =
    text === undefined ? { trained: await loadTextModel(request.load as string), result: undefined } : await train(request, text);
  try {
    if (result?.cancelled) warn(`Training stopped after ${result.epochsRun} epochs.`);
    if (request.save) await saveTextModel(trained, request.save);
    const generated = generateText(trained, request.generation);
    if (request.json) {
      const output: GenerateJson = {
        backend: backend.name,
        epochs: result?.epochsRun ?? 0,
        finalLoss: result?.finalLoss ?? trained.finalLoss ?? null,
        lossHistory: result?.lossHistory ?? [],
        valLossHistory: result?.valLossHistory ?? [],
        bestEpoch: result?.bestEpoch ?? 0,
        msPerEpoch: result?.msPerEpoch ?? 0,
        generated,
      };
      say(JSON.stringify(output));
    } else {
      if (result) say(`${result.msPerEpoch.toFixed(1)} ms per epoch.`);
      if (result && result.valLossHistory.length > 0) say(validationSummary(result));
      if (request.save) say(`Model saved to ${request.save}`);
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
