import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as v from 'valibot';
import { ForecastJobResultSchema } from '../../src/core/forecast/forecastResult';
import { keptResult, MAX_KEPT_POINTS } from '../../src/core/runs/keptResult';
import { listRuns, MAX_RUN_BYTES, readRun, runsFolder, saveRun } from '../../src/core/runs/runHistory';
import { newRunId, RunIdSchema, runRecord, type RunRecord } from '../../src/core/runs/runRecord';
import { UserError } from '../../src/core/userError';
import { parseForecastPanelMessage, parseForecastWebviewMessage } from '../../src/protocol/forecast';
import { forecastResult } from '../webview/forecastMessages';

const SETTINGS = { recipe: 'auto', models: ['mlp', 'lstm'], transform: 'auto', window: 'auto', test: 60, epochs: 50, column: undefined };

/** A record of the fixture's run that finished `minutes` after 12:00 on 3 Dec 2026. */
function record(minutes: number, csv = 'sample/prices.csv', result = forecastResult()): RunRecord {
  const finishedAt = new Date(Date.UTC(2026, 11, 3, 12, minutes));
  return runRecord({ csv, settings: SETTINGS, result, startedAt: new Date(finishedAt.getTime() - 5000), finishedAt });
}

let workspace: string;
before(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), 'rnn-studio-runs-'));
});
after(async () => {
  await rm(workspace, { recursive: true, force: true });
});

describe('run ids', () => {
  test('sort as the runs finished, name the CSV, and cannot name a path', () => {
    const a = newRunId(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)), 'my prices (2).csv', () => 0.5);
    assert.equal(a, '20260102T030405006Z-my-prices-2-iiiiii');
    const b = newRunId(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 7)), 'a.csv');
    assert.ok(a < b);
    assert.ok(v.is(RunIdSchema, a));
    for (const bad of ['../x', '20260102T030405006Z-../../etc-aaaaaa', '20260102T030405006Z-x/y-aaaaaa', '']) assert.equal(v.is(RunIdSchema, bad), false, bad);
  });
});

describe('a kept run', () => {
  test('holds the CSV, the settings asked for, and the result, and lists with the best model against the best baseline', async () => {
    const dir = await mkdtemp(path.join(workspace, 'one-'));
    const kept = record(1);
    const file = await saveRun(dir, kept);
    assert.equal(path.dirname(file), runsFolder(dir));
    assert.equal(path.basename(file), `${kept.id}.json`);
    const read = await readRun(dir, kept.id);
    assert.equal(read.csv, 'sample/prices.csv');
    assert.deepEqual(read.settings, { recipe: 'auto', models: ['mlp', 'lstm'], transform: 'auto', window: 'auto', test: 60, epochs: 50 });
    assert.deepEqual(read.result.leaderboard.map((e) => e.name), kept.result.leaderboard.map((e) => e.name));
    assert.deepEqual(read.result.forecast?.value, kept.result.forecast?.value);
    const { runs, skipped } = await listRuns(dir);
    assert.deepEqual(skipped, []);
    assert.equal(runs.length, 1);
    const [s] = runs;
    assert.equal(s.best?.name, 'mlp');
    const [mae, baselineMae] = [s.best?.mae ?? NaN, s.bestBaseline.mae ?? NaN];
    assert.ok(mae < baselineMae, `${mae} < ${baselineMae}`);
    assert.deepEqual(s.models.map((m) => m.label), ['MLP 56-32', 'LSTM 64']);
    assert.equal(s.finishedAt, Date.UTC(2026, 11, 3, 12, 1));
  });

  test('is bounded: a million-point series is kept at MAX_KEPT_POINTS and still validates', () => {
    const big = forecastResult();
    const n = 1_000_000;
    big.series = { t: Array.from({ length: n }, (_, i) => i), value: Array.from({ length: n }, (_, i) => Math.sin(i / 1000)) };
    const kept = keptResult(big);
    assert.ok(kept.series.t.length <= MAX_KEPT_POINTS);
    assert.ok(v.is(ForecastJobResultSchema, kept));
    assert.ok(JSON.stringify(kept).length < 200_000);
    // A small result is kept as it is.
    assert.deepEqual(keptResult(forecastResult()).series, forecastResult().series);
  });

  test('is written atomically: a failed write leaves no file, partial or temporary', async () => {
    const dir = await mkdtemp(path.join(workspace, 'atomic-'));
    const failing = async (file: string, data: string) => {
      await writeFile(file, data.slice(0, 100));
      throw new Error('disk full');
    };
    await assert.rejects(saveRun(dir, record(2), failing), /disk full/);
    assert.deepEqual(await readdir(runsFolder(dir)), []);
    assert.deepEqual((await listRuns(dir)).runs, []);
  });
});

describe('listing', () => {
  test('newest first, reading at most `max` files; malformed, mismatched and huge files are skipped and reported', async () => {
    const dir = await mkdtemp(path.join(workspace, 'list-'));
    const records = [record(10), record(11), record(12), record(13)];
    for (const r of records) await saveRun(dir, r);
    const folder = runsFolder(dir);
    const junkId = newRunId(new Date(Date.UTC(2026, 11, 3, 12, 20)), 'junk.csv');
    await writeFile(path.join(folder, `${junkId}.json`), '{"format": "rnn-studio-forecast-run", ');
    const wrongId = newRunId(new Date(Date.UTC(2026, 11, 3, 12, 21)), 'x.csv');
    await writeFile(path.join(folder, `${wrongId}.json`), JSON.stringify({ ...record(21), id: records[0].id }));
    const badShape = newRunId(new Date(Date.UTC(2026, 11, 3, 12, 22)), 'y.csv');
    await writeFile(path.join(folder, `${badShape}.json`), JSON.stringify({ ...record(22), result: { models: 'none' } }));
    const hugeId = newRunId(new Date(Date.UTC(2026, 11, 3, 12, 23)), 'huge.csv');
    await writeFile(path.join(folder, `${hugeId}.json`), ' '.repeat(MAX_RUN_BYTES + 1));
    await writeFile(path.join(folder, 'notes.json'), '{}');
    await writeFile(path.join(folder, 'README.txt'), 'not a run');

    const all = await listRuns(dir);
    assert.deepEqual(all.runs.map((r) => r.id), [...records].reverse().map((r) => r.id));
    const reasons = Object.fromEntries(all.skipped.map((s) => [s.file, s.reason]));
    assert.match(reasons[`${junkId}.json`], /^not JSON/);
    assert.match(reasons[`${wrongId}.json`], /is not its file name/);
    assert.match(reasons[`${badShape}.json`], /^not a kept run: result/);
    assert.match(reasons[`${hugeId}.json`], /^too large/);
    assert.match(reasons['notes.json'], /not named as a kept run/);
    assert.equal(all.skipped.length, 5);

    // The newest 6 files are read: the 4 newest are bad, so 2 runs come back, 2 are not read.
    const bounded = await listRuns(dir, 6);
    assert.deepEqual(bounded.runs.map((r) => r.id), [records[3].id, records[2].id]);
    assert.equal(bounded.notRead, 2);
  });

  test('an empty workspace has no runs; a missing or bad id is refused naming the file', async () => {
    const dir = await mkdtemp(path.join(workspace, 'empty-'));
    assert.deepEqual(await listRuns(dir), { runs: [], skipped: [], notRead: 0 });
    await assert.rejects(readRun(dir, '../../etc/passwd'), (e: unknown) => e instanceof UserError && /not a kept run's id/.test(e.message));
    const id = newRunId(new Date(), 'gone.csv');
    await assert.rejects(readRun(dir, id), (e: unknown) => e instanceof UserError && e.message.includes(`${id}.json no longer exists`));
    await saveRun(dir, record(30));
    const [file] = await readdir(runsFolder(dir));
    await writeFile(path.join(runsFolder(dir), file), (await readFile(path.join(runsFolder(dir), file), 'utf8')).replace('"version":1', '"version":99'));
    await assert.rejects(readRun(dir, file.replace(/\.json$/, '')), (e: unknown) => e instanceof UserError && /cannot be shown: not a kept run: version/.test(e.message));
  });
});

describe('the panel messages', () => {
  test('runHistory carries the summaries; openRun carries an id and nothing that is not one', async () => {
    const dir = await mkdtemp(path.join(workspace, 'messages-'));
    const kept = record(40);
    await saveRun(dir, kept);
    const { runs } = await listRuns(dir);
    const message = JSON.parse(JSON.stringify({ type: 'runHistory', runs, skipped: 0, shown: { id: kept.id, runId: 7 } })) as unknown;
    assert.equal(parseForecastPanelMessage(message)?.type, 'runHistory');
    assert.equal(parseForecastWebviewMessage({ type: 'openRun', id: kept.id })?.type, 'openRun');
    assert.equal(parseForecastWebviewMessage({ type: 'openRun', id: '../secrets' }), undefined);
    assert.equal(parseForecastWebviewMessage({ type: 'openRun', id: `${kept.id}/../../x` }), undefined);
  });
});
