/**
 * Where things are. Compiled to out/test/integration/, so the repository root is three
 * folders up from this module at run time.
 */
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root (the folder with package.json). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * The extension folder under test: the repository root, unless RNN_STUDIO_EXTENSION_PATH
 * names another one (a testing aid: run this pipeline against another extension folder).
 */
export const extensionRoot = process.env.RNN_STUDIO_EXTENSION_PATH
  ? path.resolve(process.env.RNN_STUDIO_EXTENSION_PATH)
  : repoRoot;

/** Screenshots, logs and other artefacts of a test run (git-ignored). */
export const resultsDir = path.join(repoRoot, 'test-results');

/** The sample workspace that tests and the demo open (copied, never opened in place). */
export const sampleDir = path.join(repoRoot, 'sample');

/** Cache outside the repository: code-server, the demo workspace. */
export const cacheDir = process.env.RNN_STUDIO_CACHE
  ? path.resolve(process.env.RNN_STUDIO_CACHE)
  : path.join(os.homedir(), '.cache', 'rnn-studio');

/** The installer of code-server (prints the binary path on its last line). */
export const setupScript = path.join(repoRoot, 'scripts', 'setup-code-server.sh');

/** Compiled integration tests. */
export const compiledIntegrationDir = path.join(repoRoot, 'out', 'test', 'integration');
