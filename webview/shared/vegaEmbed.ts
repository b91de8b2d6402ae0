/**
 * How every chart of the panels is embedded: SVG, no actions menu, and nothing the strict
 * CSP forbids (Vega's expression interpreter instead of eval; no injected <style>:
 * media/panel.css styles the chart and its tooltip).
 */
import embed, { vega, type EmbedOptions, type Result } from 'vega-embed';
import type { TopLevelSpec } from './specTypes';

const EMBED_OPTIONS: EmbedOptions = {
  ast: true, // Vega's expression interpreter: no eval, so no 'unsafe-eval' in the CSP
  renderer: 'svg',
  actions: false,
  logLevel: vega.Error, // an empty chart is expected: no "infinite extent" warnings
  defaultStyle: false, // no injected <style>; panel.css styles the chart
  tooltip: { disableDefaultStyle: true, theme: 'custom', offsetX: 12, offsetY: 12 },
};

export function embedChart(el: HTMLElement, spec: TopLevelSpec): Promise<Result> {
  return embed(el, spec, EMBED_OPTIONS);
}
