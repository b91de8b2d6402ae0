/**
 * The forecast panel's zoomable charts, read off their Vega-Lite specs (no browser): zoom and pan
 * bind the time axis only, and the wheel zooms only with Ctrl (or Cmd) held; the hint says so.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plotResult } from '../../src/protocol/forecastPlot';
import { heldOutSpec } from '../../webview/forecast/comparisonSpecs';
import { forecastPanelMarkup } from '../../webview/forecast/markup';
import type { ForecastTheme } from '../../webview/forecast/palette';
import { forecastSpec, seriesSpec } from '../../webview/forecast/seriesSpecs';
import { ZOOM_HINT, ZOOM_WHEEL } from '../../webview/forecast/zoom';
import { forecastResult } from './forecastMessages';

const THEME: ForecastTheme = {
  kind: 'dark',
  background: '#1f1f1f',
  foreground: '#cccccc',
  muted: '#9d9d9d',
  line: '#3794ff',
  grid: '#3c3c3c',
  font: 'sans-serif',
  fontSize: 13,
  actual: '#f14c4c',
  series: '#cccccc',
  forecast: '#3794ff',
  models: ['#3794ff', '#b180d7'],
  baseline: '#9d9d9d',
  seasonalBaseline: '#9d9d9d',
  heldOut: '#d18616',
  worse: '#d18616',
  better: '#89d185',
};

/** Every param of every layer (nested layers too) of `spec`. */
function params(spec: object): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const { params: own, layer } = node as { params?: unknown; layer?: unknown };
    if (Array.isArray(own)) found.push(...(own as Array<Record<string, unknown>>));
    if (Array.isArray(layer)) layer.forEach(walk);
  };
  walk(spec);
  return found;
}

test('each zoomable chart zooms and pans its x axis only, the wheel behind Ctrl / Cmd', () => {
  const result = plotResult(1, forecastResult());
  const specs = { series: seriesSpec(THEME, result), heldOut: heldOutSpec(THEME, result), forecast: forecastSpec(THEME, result) };
  for (const [name, spec] of Object.entries(specs)) {
    const zooms = params(spec).filter((p) => p.bind === 'scales');
    assert.equal(zooms.length, 1, `${name}: one zoom`);
    assert.deepEqual(zooms[0].select, { type: 'interval', encodings: ['x'], zoom: 'wheel![event.ctrlKey || event.metaKey]' }, `${name}: x only, with a modifier`);
  }
  assert.equal(ZOOM_WHEEL, 'wheel![event.ctrlKey || event.metaKey]');
});

test('the hint under each zoomable chart names the modifier', () => {
  const markup = forecastPanelMarkup('RNN Studio — Forecast').text;
  const hints = markup.match(/class="meta chart-hint"[^]*?<\/p>/g) ?? [];
  assert.equal(hints.length, 3, 'the series chart, the held-out chart and the close-up');
  for (const hint of hints) assert.ok(hint.includes(ZOOM_HINT), hint);
  assert.match(ZOOM_HINT, /^Ctrl \+ scroll to zoom, drag to pan, double-click to reset/);
});
