/**
 * What the panel is sent again when its webview (re)loads: the latest backend and settings,
 * then every message of the current run, in order. Pure, so it is unit-tested without VS Code.
 */
import type { HostMessage } from '../protocol';

/** Keeps what a freshly loaded webview needs to show the current state, in order. */
export function bufferMessage(history: HostMessage[], message: HostMessage): HostMessage[] {
  switch (message.type) {
    case 'backend':
    case 'settings':
      return [...history.filter((m) => m.type !== message.type), message];
    case 'trainingStarted':
    case 'modelLoaded':
      return [...history.filter((m) => m.type === 'backend' || m.type === 'settings'), message];
    case 'error':
      return history; // shown once, also as a notification: not replayed
    default:
      return [...history, message];
  }
}
