/**
 * The forecast charts' colours, all from VS Code's theme: the chart colours VS Code defines
 * for extensions (--vscode-charts-red/blue/green/orange/purple/yellow) on top of the panel's
 * ChartTheme (background, text, grid, font). The tutorial's plot colours hold: true values
 * red-ish, predictions blue-ish.
 */
import { readChartTheme, themeKind, type ChartTheme, type ThemeKind } from '../shared/theme';

export interface ForecastTheme extends ChartTheme {
  /** True values of the held-out part (the tutorial's red). */
  actual: string;
  /** The whole series. */
  series: string;
  /** The forecast and its band. */
  forecast: string;
  /** One colour per model, in training order (the first the tutorial's blue). */
  models: string[];
  /** The last-value baseline. */
  baseline: string;
  /** The seasonal-naive baseline (muted too, drawn dashed). */
  seasonalBaseline: string;
  /** Held-out shading and labels. */
  heldOut: string;
  /** Worse than the baseline / beats it. */
  worse: string;
  better: string;
}

type Chart = 'red' | 'blue' | 'green' | 'orange' | 'purple' | 'yellow';

/** VS Code's defaults, for a page outside VS Code. */
const FALLBACK: Record<ThemeKind, Record<Chart, string>> = {
  dark: { red: '#f14c4c', blue: '#3794ff', green: '#89d185', orange: '#d18616', purple: '#b180d7', yellow: '#cca700' },
  light: { red: '#e51400', blue: '#1a85ff', green: '#388a34', orange: '#d18616', purple: '#652d90', yellow: '#bf8803' },
  'high-contrast': { red: '#f48771', blue: '#3794ff', green: '#89d185', orange: '#d18616', purple: '#b180d7', yellow: '#ffd370' },
  'high-contrast-light': { red: '#b5200d', blue: '#0f4a85', green: '#374e06', orange: '#b5200d', purple: '#652d90', yellow: '#895503' },
};

export function readForecastTheme(): ForecastTheme {
  const base = readChartTheme();
  const kind = themeKind();
  const style = getComputedStyle(document.body);
  const chart = (name: Chart) => style.getPropertyValue(`--vscode-charts-${name}`).trim() || FALLBACK[kind][name];
  const blue = chart('blue');
  return {
    ...base,
    actual: chart('red'),
    series: base.foreground,
    forecast: blue,
    models: [blue, chart('purple'), chart('green'), chart('orange'), chart('yellow')],
    baseline: base.muted,
    // VS Code's muted chart line colour (a translucent foreground), else the muted text colour.
    seasonalBaseline: style.getPropertyValue('--vscode-charts-lines').trim() || base.muted,
    heldOut: chart('orange'),
    worse: chart('orange'),
    better: chart('green'),
  };
}

/** A baseline's colour, by its name ('persistence', 'seasonalNaive'). */
export function baselineColor(theme: ForecastTheme, name: string): string {
  return name === 'seasonalNaive' ? theme.seasonalBaseline : theme.baseline;
}

/** Model `index`'s colour (the palette repeats past five models). */
export function modelColor(theme: ForecastTheme, index: number): string {
  return theme.models[((index % theme.models.length) + theme.models.length) % theme.models.length];
}
