/**
 * The forecast panel's series charts, themed from VS Code (see palette.ts):
 *  - seriesSpec: the whole series, the held-out part shaded with the split rule, the forecast
 *    continuing it on the same (dated) axis with its band; zoom and pan of the time axis (xZoom:
 *    Ctrl + wheel, drag) and a nearest-point tooltip;
 *  - forecastSpec: a close-up of the end, the held-out part and every model's forecast.
 */
import type { Encoding, LayerSpec, TopLevelSpec } from '../shared/specTypes';
import { modelColor, type ForecastTheme } from './palette';
import type { PlotResult } from '../../src/protocol/forecastPlot';
import { closeUpStart, forecastBand, forecastLabel, modelLabels, splitRuleText } from './resultLabels';
import { frame, highContrast } from './specBase';
import { forecastRows, heldOutLayers, heldOutRows, hoverLayers, seriesRows, timeAxis, tooltipFields, valueAxis, type ForecastRow } from './specParts';
import { xZoom } from './zoom';

/** The whole series, the held-out part shaded, the best model's forecast continuing it with its band. */
export function seriesSpec(theme: ForecastTheme, result: PlotResult): TopLevelSpec {
  const hc = highContrast(theme);
  const { series, split } = result;
  const lastT = series.t[series.t.length - 1];
  const lastV = series.value[series.value.length - 1];
  const band = forecastBand(result);
  const f = result.forecast;
  const fLabel = forecastLabel(result);
  const fRows = f ? forecastRows(result, f, fLabel, band) : [];
  const sRows = seriesRows(result);
  const domain = f ? ['Actual', fLabel] : ['Actual'];
  const range = f ? [theme.series, theme.forecast] : [theme.series];
  const color = (datum: string): Encoding['color'] => ({ datum, type: 'nominal', scale: { domain, range } });
  const x = timeAxis(result.ingest.timeKind);
  const y = valueAxis(result);
  // The forecast starts at the last actual value, so it visibly continues the series.
  const joined = f ? [{ t: lastT, value: lastV, lower: lastV, upper: lastV, lower80: lastV, upper80: lastV }, ...fRows] : [];
  const layers: LayerSpec[] = [...heldOutLayers(theme, x, true)];
  if (band && f) {
    layers.push(
      {
        data: { name: 'joined' },
        mark: { type: 'area', color: theme.forecast, opacity: hc ? 0.25 : 0.14, clip: true },
        encoding: { x, y: valueAxis(result, 'lower'), y2: { field: 'upper' } },
      },
      {
        data: { name: 'joined' },
        mark: { type: 'area', color: theme.forecast, opacity: hc ? 0.35 : 0.2, clip: true },
        encoding: { x, y: valueAxis(result, 'lower80'), y2: { field: 'upper80' } },
      },
      {
        data: { values: [fRows[fRows.length - 1]] },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, color: theme.forecast, clip: true },
        encoding: { x, y: valueAxis(result, 'upper'), text: { value: band.title } },
      },
    );
  }
  layers.push({
    data: { name: 'series' },
    params: [xZoom('seriesZoom')],
    mark: { type: 'line', strokeWidth: hc ? 2 : 1.25, opacity: 0.9, clip: true, strokeJoin: 'round' },
    encoding: { x, y, color: color('Actual') },
  });
  if (f) {
    layers.push({ data: { name: 'joined' }, mark: { type: 'line', strokeWidth: hc ? 3 : 2, clip: true, strokeJoin: 'round' }, encoding: { x, y, color: color(fLabel) } });
  }
  layers.push(...hoverLayers(theme, 'seriesHover', x, y, tooltipFields(result, band)));
  return {
    ...frame(theme, 320),
    description: `${result.ingest.column} of ${result.ingest.file}: the series, the held-out part and the forecast`,
    datasets: {
      series: sRows,
      joined,
      hover: [...sRows, ...fRows],
      split: [{ t: split.time, end: lastT, label: `${splitRuleText(result)} ▸` }],
    },
    layer: layers,
  };
}

/** A close-up of the end: the held-out part and every model's forecast, the best one with its band. */
export function forecastSpec(theme: ForecastTheme, result: PlotResult): TopLevelSpec {
  const hc = highContrast(theme);
  const from = closeUpStart(result);
  const band = forecastBand(result);
  const best = result.forecast?.modelIndex ?? -1;
  const x = timeAxis(result.ingest.timeKind);
  const y = valueAxis(result);
  // The training context from the (decimated) series, the held-out part at full resolution.
  const context = seriesRows(result, from).filter((r) => r.t < result.split.time);
  const actual = [...context, ...heldOutRows(result)];
  const last = actual[actual.length - 1];
  const labels = modelLabels(result);
  const lines: Array<Pick<ForecastRow, 't' | 'value' | 'lower' | 'upper' | 'lower80' | 'upper80'> & { line: string }> = [];
  const hover: object[] = [...actual];
  result.models.forEach((m, i) => {
    const rows = forecastRows(result, m.forecast, `Forecast · ${labels[i]}`, i === best ? band : undefined);
    hover.push(...rows);
    if (last) lines.push({ t: last.t, value: last.value, line: labels[i], lower: last.value, upper: last.value, lower80: last.value, upper80: last.value });
    for (const r of rows) lines.push({ ...r, line: labels[i] });
  });
  const domain = ['Actual', ...labels];
  const range = [theme.series, ...result.models.map((_, i) => modelColor(theme, i))];
  const layers: LayerSpec[] = [...heldOutLayers(theme, x, false)];
  if (band && best >= 0) {
    for (const [lower, upper, opacity] of [['lower', 'upper', hc ? 0.25 : 0.14], ['lower80', 'upper80', hc ? 0.35 : 0.2]] as const) {
      layers.push({
        data: { name: 'lines' },
        transform: [{ filter: { field: 'line', equal: labels[best] } }],
        mark: { type: 'area', color: modelColor(theme, best), opacity, clip: true },
        encoding: { x, y: valueAxis(result, lower), y2: { field: upper } },
      });
    }
  }
  layers.push(
    {
      data: { name: 'actual' },
      params: [xZoom('forecastZoom')],
      mark: { type: 'line', strokeWidth: hc ? 2.5 : 1.75, clip: true, strokeJoin: 'round' },
      encoding: { x, y, color: { datum: 'Actual', type: 'nominal', scale: { domain, range }, title: null } },
    },
    {
      data: { name: 'lines' },
      mark: { type: 'line', clip: true, strokeJoin: 'round' },
      encoding: {
        x,
        y,
        color: { field: 'line', type: 'nominal', scale: { domain, range }, title: null },
        strokeWidth: { condition: { test: `datum.line === ${JSON.stringify(labels[best] ?? '')}`, value: hc ? 3 : 2.25 }, value: hc ? 2 : 1.5 },
      },
    },
    ...hoverLayers(theme, 'forecastHover', x, y, tooltipFields(result, band)),
  );
  return {
    ...frame(theme, 280),
    description: `The end of ${result.ingest.column}: the held-out part and each model's forecast`,
    datasets: { actual, lines, hover, split: [{ t: result.split.time, end: last ? last.t : result.split.time }] },
    layer: layers,
  };
}
