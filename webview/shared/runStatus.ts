/**
 * The run's status, as both panels show it: the card header's state line and Cancel, then
 * the progress line (`Epoch x / y`, elapsed, time left) over a progress bar (markup:
 * panelMarkup.ts). Each panel says what its run's words are (RunStatusLine); this view puts
 * them in the page.
 */
import { byId, setDisabled, setHidden, setText } from './dom';
import type { VscodeButton, VscodeProgressBar } from './elements';

interface RunStatusLine {
  /** "Training…", "Cancelled"; `kind` is the state's data-state (idle, training, cancelling, completed, cancelled, failed). */
  state: { text: string; kind: string };
  /** Cancel is enabled. */
  cancellable: boolean;
  epoch: string;
  elapsed: string;
  /** The time left; undefined hides the "· … left" part (no run is training). */
  remaining: string | undefined;
  /** The bar, 0 .. 1. */
  fraction: number;
  /** The bar's accessible label. */
  progressLabel: string;
  /** The run stopped short (cancelled or failed): the bar shows it. */
  stopped: boolean;
}

export interface RunStatus {
  render(line: RunStatusLine): void;
}

/** Cancel, when enabled and pressed, posts `cancel` to the host and marks the cancel as requested. */
export function createRunStatus(
  post: (message: { type: 'cancel' }) => void,
  dispatch: (action: { type: 'ui/cancelRequested' }) => void,
): RunStatus {
  const runState = byId('run-state');
  const cancelButton = byId<VscodeButton>('cancel');
  const epoch = byId('epoch');
  const elapsed = byId('elapsed');
  const remaining = byId('remaining');
  const remainingPart = byId('remaining-part');
  const progress = byId<VscodeProgressBar>('progress');

  cancelButton.addEventListener('click', () => {
    if (cancelButton.disabled) return;
    post({ type: 'cancel' });
    dispatch({ type: 'ui/cancelRequested' });
  });

  return {
    render(line) {
      setText(runState, line.state.text);
      runState.dataset.state = line.state.kind;
      setDisabled(cancelButton, !line.cancellable);
      setText(epoch, line.epoch);
      setText(elapsed, line.elapsed);
      setText(remaining, line.remaining ?? '…');
      setHidden(remainingPart, line.remaining === undefined);
      if (progress.value !== line.fraction) progress.value = line.fraction;
      progress.max = 1;
      progress.ariaLabel = line.progressLabel;
      progress.classList.toggle('is-cancelled', line.stopped);
    },
  };
}
