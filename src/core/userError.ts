/**
 * An error the user can act on: its message names the file, row, character or setting at
 * fault. Everything else that is thrown is a bug and is reported as one.
 */
export class UserError extends Error {
  /** The setting or field at fault, e.g. 'rnnStudio.text.hiddenSize' or 'prompt'. */
  readonly field?: string;

  constructor(message: string, field?: string) {
    super(message);
    this.name = 'UserError';
    this.field = field;
  }
}
