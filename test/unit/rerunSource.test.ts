/** What the forecast panel's Run trains on after a reload: the CSV and settings found in the restored panel's state or its kept run, and a CSV that is gone refused by name. */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { newRunId, runRecord } from '../../src/core/runs/runRecord';
import { UserError } from '../../src/core/userError';
import { FORECAST_PROTOCOL, type ForecastHostMessage } from '../../src/protocol/forecast';
import { PanelSession } from '../../src/protocol/panelSession';
import { checkCsvThere, rerunOfRecord, rerunOfState, shownKeptRun } from '../../src/extension/rerunSource';
import { completedRun, forecastResult, runHistory } from '../webview/forecastMessages';

let folder: string;
let csv: string;
before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'rnn-studio-rerun-'));
  csv = path.join(folder, 'prices.csv');
  await writeFile(csv, 'time,price\n1,2\n');
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The host's state after a reload: what the webview persisted (JSON), restored. */
function restored(messages: ForecastHostMessage[]) {
  const live = new PanelSession(FORECAST_PROTOCOL);
  for (const m of messages) live.post(m);
  return new PanelSession(FORECAST_PROTOCOL, JSON.parse(JSON.stringify(live.state))).state;
}

const resultOn = (file: string) => {
  const r = forecastResult();
  return { ...r, ingest: { ...r.ingest, file, column: 'Close', timeColumn: 'Timestamp' } };
};

describe('rerunOfState', () => {
  test("a restored panel's run: its CSV's path, column and time column as read, its form's settings over the base", () => {
    const state = restored(completedRun(1, resultOn(csv)));
    const source = rerunOfState(state, { units: 32, epochs: 3, column: 'Open' });
    assert.equal(source?.csv, csv);
    assert.equal(source?.settings.column, 'Close', 'the column it read, not the setting');
    assert.equal(source?.settings.timeColumn, 'Timestamp');
    assert.equal(source?.settings.units, 32, 'what the form has not comes from the base');
    assert.equal(source?.settings.epochs, 50, "the run's form settings win over the base");
    assert.deepEqual(source?.settings.models, ['mlp', 'lstm']);
  });

  test('nothing without a run that read its CSV, or with a path that is not absolute', () => {
    assert.equal(rerunOfState(undefined, {}), undefined);
    assert.equal(rerunOfState(restored([]), {}), undefined);
    assert.equal(rerunOfState(restored(completedRun(1, resultOn('prices.csv'))), {}), undefined);
  });
});

describe('the kept run a restored panel shows', () => {
  test("its id when the panel's run is the kept run listed as shown, else none", () => {
    const id = newRunId(new Date(), 'prices.csv');
    const listed = runHistory([], { id, runId: 1 });
    assert.equal(shownKeptRun(restored([...completedRun(1), listed])), id);
    assert.equal(shownKeptRun(restored([...completedRun(2), listed])), undefined, 'another run is shown');
    assert.equal(shownKeptRun(restored(completedRun(1))), undefined);
  });

  test("rerunOfRecord: the record's settings with the column and time column it read", () => {
    const now = new Date();
    const record = runRecord({ csv: 'prices.csv', settings: { recipe: 'tutorial', epochs: 7, column: undefined }, result: resultOn(csv), startedAt: now, finishedAt: now });
    const source = rerunOfRecord(record, csv);
    assert.equal(source.csv, csv);
    assert.equal(source.settings.recipe, 'tutorial');
    assert.equal(source.settings.epochs, 7);
    assert.equal(source.settings.column, 'Close');
    assert.equal(source.settings.timeColumn, 'Timestamp');
  });
});

describe('checkCsvThere', () => {
  test('passes a file that is there; refuses a missing one (or a folder) naming it', async () => {
    await checkCsvThere(csv);
    const gone = path.join(folder, 'moved.csv');
    await assert.rejects(checkCsvThere(gone), (e: unknown) => e instanceof UserError && e.message.includes(gone) && /not there any more/.test(e.message));
    await assert.rejects(checkCsvThere(folder), UserError);
  });
});
