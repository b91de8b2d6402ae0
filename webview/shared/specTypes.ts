/**
 * Vega-Lite's own spec types, by the names the panels' charts use. vega-lite's root exports
 * TopLevelSpec and Config; the parts of a layered spec (its layers, their encodings and
 * channels) are read off TopLevelSpec, so every chart is checked against vega-lite's types
 * and nothing imports vega-lite's unstable type paths.
 */
import type { TopLevelSpec } from 'vega-lite';

export type { Config, TopLevelSpec } from 'vega-lite';

/** A layered chart: TopLevel<LayerSpec>. */
type TopLevelLayerSpec = Extract<TopLevelSpec, { layer: unknown }>;
/** One of its layers: a UnitSpec (a mark and its encoding) or a nested LayerSpec. */
export type LayerSpec = TopLevelLayerSpec['layer'][number];
/** A layer with a mark. */
type UnitSpec = Extract<LayerSpec, { mark: unknown }>;
/** The encoding of a unit layer. */
export type Encoding = NonNullable<UnitSpec['encoding']>;
/** A parameter of a unit layer: a selection (zoom, hover). */
export type LayerParam = NonNullable<UnitSpec['params']>[number];
/** An x or y channel. */
export type PositionDef = NonNullable<Encoding['x']>;
/** One field of a tooltip list. */
export type TooltipField = Extract<NonNullable<Encoding['tooltip']>, readonly unknown[]>[number];
/** What every chart's frame sets: schema, size, autosize, background, padding and config. */
export type Frame = Pick<TopLevelLayerSpec, '$schema' | 'width' | 'height' | 'autosize' | 'background' | 'padding' | 'config'>;
