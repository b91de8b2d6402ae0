import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../../src/cli/commonOptions';
import { parseForecastCommandLine } from '../../src/cli/forecastOptions';

/** The settings a command line asks for. */
function settingsOf(...args: string[]) {
  const request = parseForecastCommandLine(['--csv', 'a.csv', ...args]);
  assert.notEqual(request, 'help');
  return request === 'help' ? undefined : request.settings;
}

test('--interval is --resample by its other name; giving both with different values is a usage error', () => {
  assert.equal(settingsOf('--interval', 'month')?.resample, 'month');
  assert.equal(settingsOf('--resample', 'week')?.resample, 'week');
  assert.equal(settingsOf('--interval', 'auto', '--resample', 'auto')?.resample, 'auto');
  assert.equal(settingsOf()?.resample, 'auto');
  assert.throws(() => settingsOf('--interval', 'month', '--resample', 'day'), (error: unknown) => error instanceof UsageError && /--interval and --resample/.test(error.message));
  assert.throws(() => settingsOf('--interval', 'fortnight'), /--resample must be one of/);
});

test("--test auto and --transform relative are accepted; the tutorial recipe holds out 60", () => {
  assert.equal(settingsOf('--test', 'auto')?.test, 'auto');
  assert.equal(settingsOf('--transform', 'relative')?.transform, 'relative');
  assert.equal(settingsOf('--recipe', 'tutorial')?.test, 60);
  assert.equal(settingsOf('--recipe', 'tutorial')?.transform, 'level');
});
