/** The packaged extension: build the .vsix, install it into an extensions folder. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { killGroupSync, trackChildGroup, trackTempDir } from './cleanup';
import { repoRoot } from './paths';

/** Result of a child process: exit code and its combined output. */
export interface Ran {
  code: number | null;
  output: string;
}

/** Runs a command, echoing its output indented, and collects it. */
export function runProcess(command: string, args: string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    trackChildGroup(path.basename(command), child);
    let output = '';
    const collect = (d: Buffer) => {
      output += d.toString();
      process.stdout.write(d.toString().replace(/^(?=.)/gm, '      '));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.pid && killGroupSync(child.pid), options.timeoutMs ?? 5 * 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** `node scripts/package-vsix.mjs --root <extensionRoot> --out <outFile>`; returns the .vsix path. */
export async function packageVsix(extensionRoot: string, outFile: string): Promise<string> {
  const script = path.join(repoRoot, 'scripts', 'package-vsix.mjs');
  const ran = await runProcess(process.execPath, [script, '--root', extensionRoot, '--out', outFile], { cwd: extensionRoot });
  if (ran.code !== 0 || !fs.existsSync(outFile)) throw new Error(`packaging failed (exit ${ran.code})`);
  return outFile;
}

/**
 * `code-server --install-extension <vsix> --extensions-dir <dir>`; returns the
 * `--list-extensions --show-versions` lines afterwards (e.g. 'rnn-studio.rnn-studio@0.1.0').
 */
export async function installVsix(bin: string, vsix: string, extensionsDir: string): Promise<string[]> {
  // a throwaway config and user data dir: the CLI must not write ~/.config/code-server
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-studio-install-'));
  const removeScratch = trackTempDir(scratch);
  try {
    const config = path.join(scratch, 'config.yaml');
    fs.writeFileSync(config, 'auth: none\ncert: false\n');
    const common = ['--config', config, '--user-data-dir', path.join(scratch, 'data'), '--extensions-dir', extensionsDir];
    const installed = await runProcess(bin, [...common, '--install-extension', vsix, '--force']);
    if (installed.code !== 0) throw new Error(`--install-extension failed (exit ${installed.code})`);
    const listed = await runProcess(bin, [...common, '--list-extensions', '--show-versions']);
    if (listed.code !== 0) throw new Error(`--list-extensions failed (exit ${listed.code})`);
    return listed.output.split('\n').map((l) => l.trim()).filter((l) => /^[\w-]+\.[\w-]+@/.test(l));
  } finally {
    removeScratch();
  }
}
