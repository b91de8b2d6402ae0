/**
 * The mocha entry that VS Code's extension host loads as `extensionTestsPath` (both under
 * code-server's development mode and under @vscode/test-electron): it runs every
 * `*.test.js` next to this file with the TDD interface (`suite`, `test`, `suiteSetup`...).
 *
 * Environment (the extension host inherits code-server's):
 * - RNN_STUDIO_TEST_RESULT: write a JSON summary { passed, failed, pending, failures } there.
 * - RNN_STUDIO_TEST_GREP: run only tests whose full title matches this pattern.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  failures: Array<{ title: string; error: string }>;
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: true,
    timeout: 120_000,
    slow: 10_000,
    reporter: 'spec',
    grep: process.env.RNN_STUDIO_TEST_GREP || undefined,
  });
  // Compiled files whose .ts source is gone (a stale out/) are skipped when the sources are here.
  const sources = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'integration', 'suite');
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .filter((name) => !fs.existsSync(sources) || fs.existsSync(path.join(sources, name.replace(/\.js$/, '.ts'))))
    .sort();
  for (const name of files) mocha.addFile(path.join(__dirname, name));

  const result: SuiteResult = { passed: 0, failed: 0, pending: 0, failures: [] };
  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        writeResult(result);
        if (failures > 0) reject(new Error(`${failures} of ${result.passed + failures} tests failed.`));
        else resolve();
      });
      runner.on('pass', () => result.passed++);
      runner.on('pending', () => result.pending++);
      runner.on('fail', (test, err: unknown) => {
        result.failed++;
        const error = err instanceof Error ? err.stack ?? err.message : String(err);
        result.failures.push({ title: test.fullTitle(), error });
      });
    } catch (err) {
      result.failed++;
      result.failures.push({ title: 'loading the suite', error: String(err) });
      writeResult(result);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

function writeResult(result: SuiteResult): void {
  const file = process.env.RNN_STUDIO_TEST_RESULT;
  if (file) fs.writeFileSync(file, JSON.stringify(result, null, 2));
}
