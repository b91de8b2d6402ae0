/**
 * One row of the bad-input matrix (test/unit/badInputs.test.ts): an input a user or a cloned
 * repository can throw at the product, what it is run through, and the message the user must
 * get. Each area keeps its rows in a file of this folder (csvInputs.ts, modelFolders.ts, ...).
 */
export interface BadInput {
  /** What it is, with issue 9's case number where there is one: "7: 1e309 in a CSV cell". */
  name: string;
  /** Writes the input under `dir` (a fresh temporary folder) and returns what to pass to `run` (a path, usually). */
  make(dir: string): Promise<string>;
  /** Runs the product on it; resolves with what it threw (undefined: nothing was thrown). */
  run(input: string, dir: string): Promise<unknown>;
  /** The message the user must see (matched against the thrown error's message). */
  message: RegExp;
  /** More checks once it has run: nothing half-written, nothing left behind, ... */
  after?(dir: string): Promise<void>;
}

/** Runs `action`, resolving with what it threw (undefined when it did not throw). */
export async function thrownBy(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
    return undefined;
  } catch (error) {
    return error;
  }
}
