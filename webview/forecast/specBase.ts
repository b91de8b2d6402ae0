/** What every forecast chart shares: the schema, the themed config and the frame. */
import { chartConfig } from '../shared/chartSpec';
import type { Config, Frame } from '../shared/specTypes';
import type { ForecastTheme } from './palette';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export const highContrast = (theme: ForecastTheme) => theme.kind === 'high-contrast' || theme.kind === 'high-contrast-light';

function config(theme: ForecastTheme): Config {
  const small = Math.max(10, Math.round(theme.fontSize * 0.85));
  return {
    ...chartConfig(theme),
    legend: {
      orient: 'top',
      direction: 'horizontal',
      labelColor: theme.foreground,
      labelFont: theme.font,
      labelFontSize: small,
      labelLimit: 260,
      titleColor: theme.muted,
      symbolType: 'stroke',
      symbolStrokeWidth: 2.5,
      symbolSize: 220,
      symbolOpacity: 1,
      columnPadding: 14,
      padding: 0,
      offset: 6,
    },
    text: { font: theme.font, fontSize: small, color: theme.muted },
  };
}

/** Full width, `height` px high, the themed config. */
export function frame(theme: ForecastTheme, height: number): Frame {
  return {
    $schema: SCHEMA,
    width: 'container',
    height,
    autosize: { type: 'fit-x', contains: 'padding', resize: true },
    background: theme.background,
    padding: { left: 4, right: 12, top: 6, bottom: 4 },
    config: config(theme),
  };
}

