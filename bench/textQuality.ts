/**
 * `npm run bench:text`: how well the text job's defaults model text they have never seen,
 * measured as users run them — the CLI (`node dist/cli.js generate --json`) on each corpus of
 * textCorpora.ts with its defaults (the profile 'auto' picks) under time budgets of 1, 5 and 10
 * minutes, and with the tutorial's settings (`--profile tutorial`). Prints a markdown table:
 * the kept epoch's validation loss (nats/char, on the last 10 % of the text, never trained
 * on), bits/char, epochs run, and the longest run of one word repeated in the sample the
 * defaults generate.
 *
 *   npm run bench:text                       # every corpus, 1 + 5 + 10 min each, plus the tutorial's
 *   npm run bench:text -- --only=moby-dick --minutes=10 --parallel=2
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { CORPORA, type Corpus } from './textCorpora';
import { benchDataDir } from './npmData';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

interface Outcome {
  corpus: Corpus;
  /** 'tutorial', or the time budget in minutes. */
  config: 'tutorial' | number;
  nats: number | null;
  epochs: number;
  wallS: number;
  profile: string;
  /** The longest run of one word repeated back to back in the generated sample. */
  repeatRun: number;
  sample: string;
}

/** The longest run of the same word (letters and apostrophes, case ignored) back to back in `text`. */
function longestRepeat(text: string): number {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let longest = 0;
  let run = 0;
  words.forEach((word, index) => {
    run = index > 0 && word === words[index - 1] ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  return longest;
}

function runCli(corpus: Corpus, config: Outcome['config']): Promise<Outcome> {
  const args = [CLI, 'generate', '--text-file', corpus.file(benchDataDir()), '--json', '--backend', 'wasm'];
  args.push(...(config === 'tutorial' ? ['--profile', 'tutorial'] : ['--minutes', String(config)]));
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${corpus.id} ${config}: exit ${code}`));
      const json = JSON.parse(out) as { valLossHistory: number[]; bestEpoch: number; epochs: number; profile: string; generated: string };
      resolve({
        corpus,
        config,
        nats: json.bestEpoch > 0 && json.valLossHistory.length > 0 ? json.valLossHistory[json.bestEpoch - 1] : null,
        epochs: json.epochs,
        wallS: (Date.now() - started) / 1000,
        profile: json.profile,
        repeatRun: longestRepeat(json.generated),
        sample: json.generated,
      });
    });
  });
}

/** Runs `jobs` with at most `parallel` at once, in order of start. */
async function pool<T>(jobs: Array<() => Promise<T>>, parallel: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]();
    }
  }));
  return results;
}

const nats = (value: number | null) => (value === null ? '–' : `${value.toFixed(3)} (${(value / Math.LN2).toFixed(2)})`);

function table(outcomes: Outcome[], budgets: number[]): string {
  const lines = [
    `| corpus | kind | use | tutorial settings | ${budgets.map((m) => `defaults, ${m} min`).join(' | ')} | epochs (${budgets.at(-1)} min) | longest word repeat |`,
    `|---|---|---|---:|${budgets.map(() => '---:').join('|')}|---:|---:|`,
  ];
  for (const corpus of new Set(outcomes.map((o) => o.corpus))) {
    const of = (config: Outcome['config']) => outcomes.find((o) => o.corpus === corpus && o.config === config);
    const last = of(budgets[budgets.length - 1]);
    lines.push(
      `| ${corpus.id} | ${corpus.kind} | ${corpus.use} | ${nats(of('tutorial')?.nats ?? null)} | ${budgets.map((m) => nats(of(m)?.nats ?? null)).join(' | ')} | ${last?.epochs ?? '–'} | ${last?.repeatRun ?? '–'} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const only = option('only')?.split(',');
  const budgets = (option('minutes') ?? '1,5,10').split(',').map(Number);
  const parallel = Number(option('parallel') ?? 1);
  const corpora = CORPORA.filter((corpus) => !only || only.includes(corpus.id));
  const configs: Array<Outcome['config']> = ['tutorial', ...budgets];
  const jobs = corpora.flatMap((corpus) => configs.map((config) => () => runCli(corpus, config).then((outcome) => {
    console.error(`${corpus.id} ${config}: ${nats(outcome.nats)} nats/char (bits), ${outcome.epochs} epochs, ${outcome.wallS.toFixed(0)} s, profile ${outcome.profile}`);
    return outcome;
  })));
  const started = Date.now();
  const outcomes = await pool(jobs, parallel);
  console.log(`Validation loss, nats/char (bits/char), of the kept epoch; ${parallel} run(s) at a time; ${((Date.now() - started) / 60000).toFixed(1)} min in all.\n`);
  console.log(table(outcomes, budgets));
  for (const outcome of outcomes.filter((o) => o.config === budgets[budgets.length - 1])) {
    console.log(`\n${outcome.corpus.id}, defaults, ${outcome.config} min, sample:\n> ${outcome.sample.slice(0, 300).replace(/\n/g, '\n> ')}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
