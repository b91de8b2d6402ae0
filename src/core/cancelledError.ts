/**
 * Thrown when the user stopped a job before it produced anything to keep (e.g. while a CSV
 * was still being read). Not a UserError: nothing is wrong, and the caller just says so.
 */
export class CancelledError extends Error {
  constructor(message = 'Cancelled.') {
    super(message);
    this.name = 'CancelledError';
  }
}
