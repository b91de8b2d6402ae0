/**
 * How the forecast panel's charts zoom and pan: the time axis only (each chart's y axis keeps
 * its fit), dragging pans, and the wheel zooms only with Ctrl (or Cmd) held, so that scrolling
 * the panel scrolls the panel. One hint says so beside every zoomable chart (markup.ts).
 */
import type { LayerParam } from '../shared/specTypes';

/**
 * The wheel event that zooms a chart. Not Shift: Shift + wheel is a horizontal scroll in
 * Chromium, whose deltaY (what the zoom reads) is 0.
 */
export const ZOOM_WHEEL = 'wheel![event.ctrlKey || event.metaKey]';

/** The words beside a zoomable chart. */
export const ZOOM_HINT = 'Ctrl + scroll to zoom, drag to pan, double-click to reset; hover for values.';

/** A chart's zoom and pan: on the time axis only (the y axis keeps its fit), the wheel behind ZOOM_WHEEL. */
export function xZoom(name: string): LayerParam {
  return { name, select: { type: 'interval', encodings: ['x'], zoom: ZOOM_WHEEL }, bind: 'scales' };
}
