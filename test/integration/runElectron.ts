/**
 * `npm run test:electron`: the same mocha suite (suite/index.js) under @vscode/test-electron,
 * i.e. in desktop VS Code 1.99.3, which it downloads into .vscode-test/. For machines that
 * can reach update.code.visualstudio.com; ours cannot, which is why `npm run
 * test:integration` uses code-server instead (runCodeServer.ts).
 *
 * Linux without a display: run it under `xvfb-run -a npm run test:electron`.
 *   VSCODE_EXECUTABLE=/path/to/code   use an installed VS Code instead of downloading one
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { extensionRoot } from './paths';
import { makeWorkspaceCopy, removeDir } from './workspace';

async function main(): Promise<number> {
  const workspace = makeWorkspaceCopy('electron');
  try {
    await runTests({
      version: '1.99.3',
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: extensionRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    return 0;
  } catch (err) {
    console.error(`test:electron failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    removeDir(workspace);
  }
}

void main().then((code) => process.exit(code));
