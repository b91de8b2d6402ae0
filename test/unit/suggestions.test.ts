/** What to try when a model loses: which setting, with which figure, and nothing when it wins. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as v from 'valibot';
import { validateForecastSettings } from '../../src/core/forecast/forecastSettingsValidation';
import { suggestSettings, SuggestionSchema, type SuggestionInput } from '../../src/core/forecast/suggestions';

const base = (over: Partial<SuggestionInput> = {}): SuggestionInput => ({
  settings: validateForecastSettings({ models: 'mlp,gru' }),
  chosen: { transform: 'diff', window: 14 },
  probes: [],
  interval: 'day',
  gaps: 0,
  points: 400,
  best: { label: 'MLP 56-32', mae: 40, epochsRun: 31, stoppedEarly: true },
  baseline: { label: 'Last value (persistence)', mae: 30 },
  ...over,
});

test('a model that beats the best baseline gets no suggestion; nor does a run without a model', () => {
  assert.deepEqual(suggestSettings(base({ best: { label: 'MLP', mae: 29.9, epochsRun: 31, stoppedEarly: true } })), []);
  assert.deepEqual(suggestSettings(base({ best: undefined })), []);
});

test('the probe close to the chosen one on the validation part: its transform (and window), with both validation MAEs', () => {
  const probes = [
    { transform: 'diff' as const, window: 14, mae: 10, lastValue: 12 },
    { transform: 'level' as const, window: 14, mae: 10.5, lastValue: 12 },
    { transform: 'diff' as const, window: 60, mae: 10.8, lastValue: 12 },
    { transform: 'level' as const, window: 60, mae: 25, lastValue: 12 },
  ];
  const out = suggestSettings(base({ probes }));
  assert.deepEqual(out.map((s) => [s.setting, s.change]), [
    ['transform', { transform: 'level', window: 14 }],
    ['window', { window: 60 }],
  ]);
  assert.match(out[0].reason, /^MLP 56-32 does not beat Last value \(persistence\) on the held-out points \(MAE 40\.00 vs 30\.00\)\./);
  assert.match(out[0].reason, /the level, windows of 14 days scored MAE 10\.50 \(the last value: 12\.00\), close to the chosen the change from the last changes, windows of 14 days \(10\.00\)/);
  assert.ok(out.every((s) => v.is(SuggestionSchema, s)));
});

test('a cancelled probe (NaN), a far one and one no better than the last value are not suggested', () => {
  const probes = [
    { transform: 'diff' as const, window: 14, mae: 10, lastValue: 12 },
    { transform: 'level' as const, window: 14, mae: NaN, lastValue: NaN },
    { transform: 'level' as const, window: 60, mae: 11.5, lastValue: 12 },
    { transform: 'diff' as const, window: 60, mae: 10, lastValue: 10 },
  ];
  assert.deepEqual(suggestSettings(base({ probes })), []);
});

test('an interval set by hand that leaves most points empty: interval auto, with the count of empty ones', () => {
  const settings = validateForecastSettings({ models: 'mlp,gru', resample: 'day' });
  const [s] = suggestSettings(base({ settings, gaps: 21_937, points: 22_678 }));
  assert.equal(s.setting, 'interval');
  assert.deepEqual(s.change, { resample: 'auto' });
  assert.match(s.reason, /21,937 of its 22,678 days are empty/);
  assert.deepEqual(suggestSettings(base({ settings, gaps: 20, points: 400 })), [], 'a few gaps are not a wrong interval');
});

test('the tutorial recipe first, then the level transform, then another model; three at most', () => {
  const tutorial = suggestSettings(base({ settings: validateForecastSettings({ recipe: 'tutorial' }), chosen: { transform: 'level', window: 60 } }));
  assert.deepEqual(tutorial.map((s) => s.change), [{ recipe: 'auto' }, { models: ['mlp', 'gru'] }]);
  const level = suggestSettings(base({ settings: validateForecastSettings({ transform: 'level', models: 'gru' }), chosen: { transform: 'level', window: 14 } }));
  assert.deepEqual(level.map((s) => s.change), [{ transform: 'auto' }, { models: ['gru', 'mlp'] }]);
  assert.match(level[0].reason, /cannot forecast beyond the training part's range/);
  const many = suggestSettings(
    base({
      settings: validateForecastSettings({ transform: 'level', resample: 'day', models: 'mlp' }),
      chosen: { transform: 'level', window: 14 },
      gaps: 900,
      points: 1000,
      probes: [
        { transform: 'level', window: 14, mae: 10, lastValue: 12 },
        { transform: 'level', window: 60, mae: 10.2, lastValue: 12 },
      ],
    }),
  );
  assert.equal(many.length, 3);
  assert.deepEqual(many.map((s) => s.setting), ['interval', 'window', 'transform']);
});

test('a model that ran all of a few epochs without stopping early: the recipe\'s epochs', () => {
  const settings = validateForecastSettings({ models: 'mlp,gru', epochs: 5 });
  const [s] = suggestSettings(base({ settings, best: { label: 'MLP 56-32', mae: 40, epochsRun: 5, stoppedEarly: false } }));
  assert.deepEqual([s.setting, s.change], ['epochs', { epochs: 200 }]);
  assert.match(s.reason, /trained all 5 of its 5 epochs without stopping early/);
  assert.deepEqual(suggestSettings(base({ settings, best: { label: 'MLP', mae: 40, epochsRun: 4, stoppedEarly: true } })), [], 'it stopped early: epochs were not short');
});
