/**
 * Training status: the run's state line, `Epoch x / y`, elapsed and remaining time, the
 * progress bar, Cancel, the loss metrics (final loss and ms/epoch once finished) and what
 * the model was trained on.
 */
import type { TextWebviewMessage as WebviewMessage } from '../../src/protocol/text';
import { byId, setText } from '../shared/dom';
import { formatCount, formatDuration, formatLoss, formatMsPerEpoch, plural } from '../shared/format';
import { createRunStatus } from '../shared/runStatus';
import type { View } from '../shared/view';
import type { Action, RunState } from './state';

function stateLine(run: RunState | undefined, cancelRequested: boolean): { text: string; kind: string } {
  if (!run) return { text: 'Idle', kind: 'idle' };
  const done = run.epochsRun ?? run.latest?.epoch ?? 0;
  switch (run.status) {
    case 'training':
      return cancelRequested ? { text: 'Cancelling…', kind: 'cancelling' } : { text: 'Training…', kind: 'training' };
    case 'completed':
      return { text: `Completed: ${plural(done, 'epoch')} in ${formatDuration(run.elapsedMs)}`, kind: 'completed' };
    case 'cancelled':
      return { text: `Cancelled after ${formatCount(done)} of ${plural(run.epochs, 'epoch')}`, kind: 'cancelled' };
    case 'failed':
      return { text: `Failed after ${formatCount(done)} of ${plural(run.epochs, 'epoch')}`, kind: 'failed' };
  }
}

export function createStatus(dispatch: (action: Action) => void, post: (m: WebviewMessage) => void): View {
  const runStatus = createRunStatus(post, dispatch);
  const bestEpoch = byId('best-epoch');
  const currentLoss = byId('current-loss');
  const bestLoss = byId('best-loss');
  const finalLoss = byId('final-loss');
  const msPerEpoch = byId('ms-per-epoch');
  const dataset = byId('dataset');
  const section = byId('training-status');
  section.tabIndex = -1; // focus target after dismissing an error

  return {
    render(state) {
      const run = state.run;
      const training = run?.status === 'training';
      const done = run ? (run.status === 'training' ? (run.latest?.epoch ?? 0) : (run.epochsRun ?? run.latest?.epoch ?? 0)) : 0;
      runStatus.render({
        state: stateLine(run, state.cancelRequested),
        cancellable: training && !state.cancelRequested,
        epoch: run ? `Epoch ${formatCount(done)} / ${formatCount(run.epochs)}` : 'Epoch – / –',
        elapsed: run ? formatDuration(run.elapsedMs) : '—',
        remaining: training ? (Number.isFinite(run.remainingMs) ? formatDuration(run.remainingMs) : '…') : undefined,
        fraction: run ? (run.status === 'completed' ? 1 : Math.min(1, done / Math.max(1, run.epochs))) : 0,
        progressLabel: run ? `Training progress: epoch ${done} of ${run.epochs}` : 'Training progress',
        stopped: run?.status === 'cancelled' || run?.status === 'failed',
      });

      setText(currentLoss, run?.latest ? formatLoss(run.latest.loss) : '—');
      setText(bestLoss, run?.best ? formatLoss(run.best.loss) : '—');
      setText(bestEpoch, run?.best ? ` · epoch ${formatCount(run.best.epoch)}` : '');
      const finished = run && run.status !== 'training';
      setText(finalLoss, finished && run.finalLoss !== undefined ? formatLoss(run.finalLoss) : '—');
      const liveMs = run && training && done > 0 ? run.elapsedMs / done : undefined;
      setText(
        msPerEpoch,
        finished && run.msPerEpoch !== undefined
          ? formatMsPerEpoch(run.msPerEpoch)
          : liveMs !== undefined
            ? `≈ ${formatMsPerEpoch(liveMs)}`
            : '—',
      );
      section.classList.toggle('is-finished', Boolean(finished));

      setText(
        dataset,
        run
          ? `${plural(run.characters, 'character')} · vocabulary of ${formatCount(run.vocabularySize)} · ` +
              `${plural(run.sequences, 'sequence')} (${run.mode === 'lines' ? 'padded lines' : 'sliding windows'})`
          : '',
      );
    },
  };
}
