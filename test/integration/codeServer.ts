/**
 * code-server (a real VS Code 1.99.3, server + web workbench + Node extension host):
 * installing it (scripts/setup-code-server.sh) and running it in its own process group.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { groupAlive, killGroupSync, onCleanup, trackChildGroup, trackTempDir } from './cleanup';
import { getFreePort, waitForHttp } from './net';
import { resultsDir, setupScript } from './paths';

export interface CodeServerOptions {
  /** The folder code-server opens when the URL names none. */
  workspace: string;
  /** Defaults to a fresh temporary folder (removed on stop). */
  extensionsDir?: string;
  /** Defaults to a fresh temporary folder (removed on stop). */
  userDataDir?: string;
  /** Defaults to a free port. */
  port?: number;
  /** Defaults to 127.0.0.1 (loopback only). */
  host?: string;
  /** Extra environment for code-server and so for the extension host it starts. */
  env?: NodeJS.ProcessEnv;
  /** The code-server binary; defaults to the one setup-code-server.sh installs. */
  bin?: string;
  /** User settings written to <userDataDir>/User/settings.json when that file does not exist. */
  settings?: Record<string, unknown>;
  /** Its output goes to test-results/<logName>.log (default code-server-<port>)... */
  logName?: string;
  /** ...or to this file. */
  logFile?: string;
  /** How long to wait for the HTTP port (default 60 s). */
  startTimeoutMs?: number;
}

export interface CodeServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  port: number;
  host: string;
  pid: number;
  bin: string;
  workspace: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  /** Settles when the code-server process exits (for whatever reason). */
  exited: Promise<void>;
  /** Kills the whole process group (TERM, then KILL after 5 s) and removes temporary folders. */
  stop(): Promise<void>;
}

/** Settings that keep a test workbench quiet and predictable. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};

/**
 * Runs scripts/setup-code-server.sh (installs on the first run, about 2 minutes; a stamp
 * check afterwards) and returns the code-server binary path it prints on its last line.
 */
export function setupCodeServer(timeoutMs = 8 * 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    // own process group: an aborted run kills the install (no stamp: the next run redoes it)
    const child = spawn('bash', [setupScript], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    trackChildGroup('setup-code-server.sh', child);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      if (child.pid) killGroupSync(child.pid);
      reject(new Error(`setup-code-server.sh took longer than ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const bin = out.trim().split('\n').pop() ?? '';
      if (code === 0 && bin && fs.existsSync(bin)) resolve(bin);
      else reject(new Error(`setup-code-server.sh failed (exit ${code}): ${out.trim()}`));
    });
  });
}

/** The environment code-server gets: ours, minus variables that would redirect it. */
function childEnv(extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // code-server lets $PORT and $CODE_SERVER_HOST override --bind-addr; a VS Code terminal
  // leaks VSCODE_* variables (IPC hooks) that must not reach the server we start.
  for (const key of Object.keys(env)) {
    if (key === 'PORT' || key === 'CODE_SERVER_HOST' || key === 'CODE_SERVER_CONFIG') delete env[key];
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return { ...env, ...extra };
}

/** Starts code-server and resolves once its HTTP port answers. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const bin = options.bin ?? (await setupCodeServer());
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await getFreePort(host));
  const temporary: Array<() => void> = [];
  const tempDir = (name: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rnn-studio-${name}-`));
    temporary.push(trackTempDir(dir));
    return dir;
  };
  const userDataDir = options.userDataDir ?? tempDir('user-data');
  const extensionsDir = options.extensionsDir ?? tempDir('extensions');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });

  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify(options.settings ?? QUIET_SETTINGS, null, 2));
  }
  // A config file of our own, so that ~/.config/code-server/config.yaml neither changes
  // how it runs (cert, auth) nor gets written.
  const configFile = path.join(userDataDir, 'code-server-config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');

  const logFile = options.logFile ?? path.join(resultsDir, `${options.logName ?? `code-server-${port}`}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const logFd = fs.openSync(logFile, 'w');

  const args = [
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    options.workspace,
  ];
  const child = spawn(bin, args, {
    detached: true, // its own process group: stop() kills the group, extension host included
    stdio: ['ignore', logFd, logFd],
    env: childEnv(options.env),
  });
  fs.closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${bin}`);

  let exitInfo: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = `code-server exited (code ${code}, signal ${signal})`;
      resolve();
    });
  });
  child.on('error', (err) => (exitInfo = `code-server failed to start: ${err.message}`));

  const removeTemporary = () => {
    for (const remove of temporary.splice(0)) remove();
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (groupAlive(pid)) {
      killGroupSync(pid, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (groupAlive(pid)) killGroupSync(pid, 'SIGKILL');
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    removeTemporary();
    unregister();
  };
  const unregister = onCleanup(`code-server ${port}`, stop, () => {
    killGroupSync(pid, 'SIGKILL');
    removeTemporary();
  });

  const url = `http://${host}:${port}`;
  try {
    await waitForHttp(`${url}/healthz`, options.startTimeoutMs ?? 60_000, () =>
      exitInfo ? `${exitInfo}; log: ${tail(logFile)}` : undefined,
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, host, pid, bin, workspace: options.workspace, userDataDir, extensionsDir, logFile, exited, stop };
}

/** The last `bytes` of a file, for error messages. */
export function tail(file: string, bytes = 2000): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.slice(-bytes);
  } catch {
    return '(no log)';
  }
}
