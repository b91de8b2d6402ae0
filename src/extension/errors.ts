/**
 * How failures reach the user: a problem they can act on is shown as it is; anything else is
 * a bug, shown briefly and logged in full to the "RNN Studio" output channel.
 */
import * as vscode from 'vscode';
import { UserError } from '../core/userError';
import { WorkerRequestError } from './trainingWorkerClient';

/** The message to show for `error`, and whether it is the user's to fix. */
function describeError(error: unknown): { message: string; actionable: boolean } {
  if (error instanceof UserError) return { message: error.message, actionable: true };
  if (error instanceof WorkerRequestError && error.userError) return { message: error.message, actionable: true };
  const message = error instanceof Error ? error.message : String(error);
  return { message: `Unexpected error: ${message}`, actionable: false };
}

/** The message to show for `error` (a bug is logged in full); undefined when the user cancelled. */
export function failureMessage(error: unknown, log: vscode.LogOutputChannel): string | undefined {
  if (error instanceof WorkerRequestError && error.cancelled) return undefined;
  const { message, actionable } = describeError(error);
  if (!actionable) log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return message;
}
