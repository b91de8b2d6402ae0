/**
 * What a panel is sent again when its webview (re)loads: the latest backend and settings,
 * then every message of the current run, in order. A message of a new run (another `runId`)
 * or a loaded model drops the previous run's. Pure, so it is unit-tested without VS Code.
 */
import type { HostMessage } from '../protocol';

const isRunMessage = (m: HostMessage) => m.type !== 'backend' && m.type !== 'settings';
const runIdOf = (m: HostMessage) => ('runId' in m ? m.runId : undefined);

/** Keeps what a freshly loaded webview needs to show the current state, in order. */
export function bufferMessage(history: HostMessage[], message: HostMessage): HostMessage[] {
  switch (message.type) {
    case 'backend':
    case 'settings':
      return [...history.filter((m) => m.type !== message.type), message];
    case 'error':
      return history; // shown once, also as a notification: not replayed
    case 'modelLoaded':
      return [...history.filter((m) => !isRunMessage(m)), message];
    default: {
      const runId = runIdOf(message);
      const newRun = runId !== undefined && history.some((m) => isRunMessage(m) && runIdOf(m) !== undefined && runIdOf(m) !== runId);
      const kept = newRun ? history.filter((m) => !isRunMessage(m)) : history;
      // Reading progress: only the latest matters.
      return [...(message.type === 'ingestProgress' ? kept.filter((m) => m.type !== 'ingestProgress') : kept), message];
    }
  }
}
