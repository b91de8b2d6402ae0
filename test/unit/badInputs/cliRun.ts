/** The CLI as a user runs it, for the bad-input rows that go through a command line (see badInput.ts). */
import { spawn } from 'node:child_process';
import { bundleCli } from '../support/cliBundle';

/** Longer than the CLI takes to start and refuse an input: a run still going then hangs. */
const HANG_MS = 30_000;

let bundled: Promise<string> | undefined;

/**
 * Runs the CLI (bundled once from the current sources, see bundleCli) with `args` and resolves
 * with what a user sees fail: undefined when it exits 0, else an Error whose message is its
 * stderr; a run still going after 30 s is killed and resolves with an Error saying it hung.
 */
export async function cliThrown(args: readonly string[], nodeFlags: readonly string[] = []): Promise<unknown> {
  bundled ??= bundleCli('cli-bad-inputs');
  const cli = await bundled;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), HANG_MS);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(new Error(`it hung: still running after ${HANG_MS / 1000} s (killed)${stderr ? `; stderr: ${stderr.trim()}` : ''}`));
      else resolve(status === 0 ? undefined : new Error(stderr.trim() || `exit status ${status}, nothing on stderr${signal ? ` (${signal})` : ''}`));
    });
  });
}
