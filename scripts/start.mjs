#!/usr/bin/env node
// `npm start`: RNN Studio in a real VS Code in your browser, no .vsix needed.
//
// Installs code-server 4.99.4 (VS Code 1.99.3) on first use (scripts/setup-code-server.sh,
// about 2 minutes, cached under ~/.cache/rnn-studio), copies sample/ to a demo workspace
// outside the repository (~/.cache/rnn-studio/demo-workspace; files you edited there are
// kept), and serves VS Code on 127.0.0.1 with this repository loaded as the extension under
// development (VS Code's development mode, through the URL payload). Ctrl+C stops it.
//
//   PORT=8080                port to listen on (default 8080; a free one if it is taken)
//   RNN_STUDIO_CACHE=dir     cache folder (default ~/.cache/rnn-studio)
//
// `npm start` compiles first; this script uses the compiled helpers in out/test/integration.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = path.join(repoRoot, 'out', 'test', 'integration');
if (!existsSync(path.join(lib, 'codeServer.js'))) {
  console.error(`${lib}/codeServer.js is missing: run 'npm run compile' first (npm start does).`);
  process.exit(1);
}
const require = createRequire(import.meta.url);
const { setupCodeServer, startCodeServer } = require(path.join(lib, 'codeServer.js'));
const { isPortFree } = require(path.join(lib, 'net.js'));
const { cacheDir } = require(path.join(lib, 'paths.js'));
const { developmentPayload, workbenchUrl } = require(path.join(lib, 'workbench.js'));
const { copySampleInto } = require(path.join(lib, 'workspace.js'));

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
if (pkg.main && !existsSync(path.join(repoRoot, pkg.main))) {
  console.warn(`warning: ${pkg.main} is missing (run 'npm run compile'); the extension will not activate.`);
}

const bin = await setupCodeServer();

const workspace = path.join(cacheDir, 'demo-workspace');
copySampleInto(workspace);

const host = '127.0.0.1';
const wanted = Number(process.env.PORT || 8080);
const port = (await isPortFree(wanted, host)) ? wanted : undefined;
if (port === undefined) console.log(`port ${wanted} is taken; using a free one`);

const server = await startCodeServer({
  bin,
  workspace,
  host,
  port,
  userDataDir: path.join(cacheDir, 'demo-user-data'),
  extensionsDir: path.join(cacheDir, 'demo-extensions'),
  logFile: path.join(cacheDir, 'demo-code-server.log'),
});

const url = workbenchUrl(server, workspace, developmentPayload(server, repoRoot));
const line = '-'.repeat(78);
console.log(`
${line}
RNN Studio is running in VS Code 1.99.3 (code-server 4.99.4) at ${server.url}

Open this URL (it loads the extension from ${repoRoot}):

  ${url}

Then open tutorial-sentences.txt, select all (Ctrl+A), F1 -> "RNN Studio: Generate Text from Selection";
or right-click prices.csv in the explorer -> "Forecast CSV".

workspace: ${workspace} (your edits there are kept)
log:       ${server.logFile}
From another machine: ssh -L ${server.port}:127.0.0.1:${server.port} <this host>, then open the same URL.
After changing the extension: npm run compile, then F1 -> "Developer: Reload Window".
Ctrl+C stops it.
${line}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => (stopping = true));
await server.exited;
if (!stopping) {
  console.error(`code-server exited unexpectedly; see ${server.logFile}`);
  process.exit(1);
}
