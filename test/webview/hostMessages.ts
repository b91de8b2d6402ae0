/** Host messages the tests send to the panel, as the extension host would. */
import { DEFAULT_GENERATION, DEFAULT_TRAINING } from '../../src/core/text/textSettings';
import type { LossPoint, TextHostMessage as HostMessage } from '../../src/protocol/text';

type Of<T extends HostMessage['type']> = Extract<HostMessage, { type: T }>;

export const SETTINGS: Of<'settings'> = {
  type: 'settings',
  training: { ...DEFAULT_TRAINING },
  generation: { ...DEFAULT_GENERATION, prompt: 'g', length: 15 },
};

export const BACKEND: HostMessage = { type: 'backend', backend: { name: 'wasm', requested: 'auto' } };

export function started(runId: number, epochs = 100): Of<'trainingStarted'> {
  return {
    type: 'trainingStarted',
    runId,
    source: 'notes.txt (selection)',
    epochs,
    characters: 42,
    vocabularySize: 14,
    mode: 'lines',
    sequences: 3,
  };
}

export function progress(runId: number, points: LossPoint[], epochs = 100, msPerEpoch = 20): Of<'progress'> {
  const last = points.length > 0 ? points[points.length - 1].epoch : 0;
  return {
    type: 'progress',
    runId,
    points,
    epochs,
    elapsedMs: last * msPerEpoch,
    remainingMs: (epochs - last) * msPerEpoch,
  };
}

export function finished(
  runId: number,
  outcome: 'completed' | 'cancelled' = 'completed',
  epochsRun = 100,
  finalLoss = 0.0512,
): Of<'trainingFinished'> {
  return { type: 'trainingFinished', runId, outcome, finalLoss, epochsRun, msPerEpoch: 18.25 };
}

/** The tutorial's output: note the trailing space. */
export const TUTORIAL_OUTPUT = 'good i am fine ';

export function generated(runId: number, text = TUTORIAL_OUTPUT, prompt = 'g', temperature = 0): Of<'generated'> {
  return { type: 'generated', runId, prompt, text, temperature };
}

/** A realistic decaying loss curve with a little noise (deterministic). */
export function lossCurve(from: number, to: number): LossPoint[] {
  const points: LossPoint[] = [];
  for (let epoch = from; epoch <= to; epoch++) {
    const noise = 0.04 * Math.sin(epoch * 1.7) * Math.exp(-epoch / 60);
    points.push({ epoch, loss: 0.045 + 3.1 * Math.exp(-epoch / 14) + noise });
  }
  return points;
}
