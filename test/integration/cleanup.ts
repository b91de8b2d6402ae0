/**
 * Every process a test run starts registers how to end it here, so that a failure, a
 * timeout, Ctrl+C or an uncaught error still leaves no code-server or Chromium behind.
 */

import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';

type Cleanup = { name: string; async: () => Promise<void> | void; sync: () => void };

const cleanups = new Set<Cleanup>();
let handlersInstalled = false;

/** Registers a cleanup; returns a function that unregisters it (call it after a normal stop). */
export function onCleanup(name: string, async: () => Promise<void> | void, sync: () => void): () => void {
  installHandlers();
  const entry: Cleanup = { name, async, sync };
  cleanups.add(entry);
  return () => cleanups.delete(entry);
}

let running: Promise<void> | undefined;

/**
 * Runs every registered cleanup (newest first), each at most once. Concurrent callers share
 * one pass; an entry stays registered until it has finished, so that if the process exits
 * meanwhile the 'exit' handler still runs its synchronous fallback.
 */
export function runCleanups(): Promise<void> {
  running ??= (async () => {
    try {
      while (cleanups.size > 0) {
        const entry = [...cleanups].pop() as Cleanup;
        if (process.env.RNN_STUDIO_DEBUG_CLEANUP) console.error(`cleanup: ${entry.name}`);
        try {
          await entry.async();
        } catch (err) {
          console.error(`cleanup ${entry.name} failed:`, err);
          try {
            entry.sync();
          } catch {
            /* nothing more to do */
          }
        }
        cleanups.delete(entry);
      }
    } finally {
      running = undefined;
    }
  })();
  return running;
}

/**
 * Removes `dir` on cleanup (also when the run is aborted); the returned function removes
 * it now and forgets it.
 */
export function trackTempDir(dir: string): () => void {
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  const unregister = onCleanup(`temporary ${dir}`, remove, remove);
  return () => {
    unregister();
    remove();
  };
}

/**
 * Ends a child spawned with `detached: true` (its own process group) on cleanup; unregisters
 * itself when the child exits.
 */
export function trackChildGroup(name: string, child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined) return;
  const kill = () => killGroupSync(pid, 'SIGKILL');
  const unregister = onCleanup(name, kill, kill);
  child.once('exit', unregister);
}

/** Kills a whole process group (a child spawned with detached: true) right now. */
export function killGroupSync(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/** Whether any process of the group is still alive. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort: synchronous kills when the process exits for any reason.
  process.on('exit', () => {
    for (const entry of cleanups) {
      try {
        entry.sync();
      } catch {
        /* ignore */
      }
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\nreceived ${signal}: stopping everything this run started`);
      void runCleanups().finally(() => process.exit(130));
    });
  }
}
