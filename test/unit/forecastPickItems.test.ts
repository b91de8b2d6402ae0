import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { summarizeCsv } from '../../src/core/csv/csvOverview';
import { DEFAULT_FORECAST_SETTINGS, TUTORIAL_FORECAST_SETTINGS } from '../../src/core/forecast/forecastSettings';
import { intervalItems, intervalWords, modelItems, modelPrompt, pointsAt, stepTitle, targetColumnItems, timeColumnItems } from '../../src/extension/forecastPickItems';

const PRICES = path.join(__dirname, '../../../sample/prices.csv');
let dir = '';
before(async () => (dir = await mkdtemp(path.join(tmpdir(), 'rnn-studio-picks-'))));
after(() => rm(dir, { recursive: true, force: true }));

/** A CSV of `count` business days from Monday 2024-01-01, Date and Close. */
async function businessDays(count: number): Promise<string> {
  const rows: string[] = ['Date,Close'];
  for (let day = 0; rows.length <= count; day++) {
    const date = new Date(Date.UTC(2024, 0, 1 + day));
    if (date.getUTCDay() % 6 !== 0) rows.push(`${date.toISOString().slice(0, 10)},${100 + rows.length}`);
  }
  const file = path.join(dir, 'business.csv');
  await writeFile(file, `${rows.join('\n')}\n`);
  return file;
}

test('the column picks are numbered in the order they appear, the detected or suggested item first', async () => {
  const overview = await summarizeCsv(PRICES);
  const time = timeColumnItems(overview);
  assert.equal(time[0].label, '1. Timestamp');
  assert.match(time[0].description ?? '', /^detected — unix seconds$/);
  assert.deepEqual(time[time.length - 1], { label: `${time.length}. No time column`, description: 'use the rows in file order, no resampling', value: null });
  const columns = targetColumnItems(overview);
  assert.deepEqual(
    columns.map((c) => c.label),
    ['1. Close', '2. Open', '3. High', '4. Low', '5. Volume_(BTC)', '6. Volume_(Currency)', '7. Weighted_Price'],
  );
  assert.equal(columns[0].description, 'suggested, 1,928 values, 1,067.6 to 6,852.7');
  assert.equal(columns[0].value, 'Close');
  assert.equal(columns[0].detail, '232 missing');
  assert.equal(stepTitle('prices.csv', 2, 4, 'column to forecast'), 'RNN Studio: Forecast prices.csv (2/4) — column to forecast');
});

test('the interval pick: the detected interval first and marked, then every other one in plain words with its points', async () => {
  const overview = await summarizeCsv(await businessDays(300));
  assert.equal(overview.intervals?.natural.interval, 'businessday');
  const items = intervalItems(overview, DEFAULT_FORECAST_SETTINGS);
  assert.deepEqual(items[0], {
    label: '1. one value per business day, Monday to Friday (mean of the rows in each day)',
    description: '(detected: one row per weekday, none on weekends: business days)',
    detail: '300 points',
    value: 'auto',
  });
  assert.deepEqual(
    items.map((i) => i.value),
    ['auto', 'none', 'minute', 'hour', 'day', 'week', 'month'],
    'the detected interval is not offered twice',
  );
  assert.equal(items[6].label, '7. one value per month (mean of the rows in each month)');
  assert.equal(items[5].detail, '60 points', '300 business days are 60 weeks');
  assert.equal(intervalWords('week', 'last'), 'one value per week, Monday to Sunday (last row of each week)');
  assert.equal(intervalWords('none', 'mean'), 'every row as it is (no resampling; rows at the same time combined)');
  const tutorial = intervalItems(await summarizeCsv(PRICES), TUTORIAL_FORECAST_SETTINGS);
  assert.equal(tutorial[0].label, '1. one value per day (mean of the rows in each day)');
  assert.equal(tutorial[0].description, '(the tutorial recipe)');
  assert.equal(tutorial[0].detail, '540 points', "the tutorial's 540 days of sample/prices.csv");
});

test('the model pick: "LSTM — 64 units, 1 layer, up to about N min", from the points at the chosen interval', async () => {
  const overview = await summarizeCsv(PRICES);
  const points = pointsAt(overview, 'auto', 'tutorial');
  assert.equal(points, 540);
  const context = { ...TUTORIAL_FORECAST_SETTINGS, points, interval: 'day' as const };
  const items = modelItems(context, ['mlp']);
  assert.deepEqual(
    items.map((i) => [i.label, i.picked]),
    [
      ['1. MLP', true],
      ['2. SimpleRNN', false],
      ['3. LSTM', false],
      ['4. GRU', false],
    ],
  );
  // The tutorial recipe: 420 windows of 60, 50 epochs, no early stopping: 50 × 1.48 s for the LSTM.
  assert.equal(items[2].description, '64 units, 1 layer, about 1 min');
  assert.equal(items[0].description, 'two dense layers (56, 32 units), a few seconds');
  const auto = modelItems({ ...DEFAULT_FORECAST_SETTINGS, layers: 2, points, interval: 'day' }, []);
  assert.match(auto[2].description ?? '', /^64 units, 2 layers, up to about \d+ min$/, 'early stopping: at most the epochs');
  // The auto recipe trains 3 seeds per model: three times one seed's time.
  const oneSeed = modelItems({ ...DEFAULT_FORECAST_SETTINGS, ensemble: 1, points, interval: 'day' }, []);
  const threeSeeds = modelItems({ ...DEFAULT_FORECAST_SETTINGS, ensemble: 3, points, interval: 'day' }, []);
  assert.equal(oneSeed[2].description, '64 units, 1 layer, up to about 5 min');
  assert.equal(threeSeeds[2].description, '64 units, 1 layer, up to about 15 min');
  assert.equal(modelPrompt(context), '540 days, 50 epochs; pick one or several to compare');
});
