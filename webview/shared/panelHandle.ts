/**
 * `window.rnnStudio`: what a panel shows of itself to the webview tests (test/webview/) and
 * to someone debugging it in the webview's developer tools.
 */

export interface PanelHandle {
  /** The panel's state (the text panel's PanelState, the forecast panel's ForecastState). */
  state(): unknown;
  /** Resolves once every chart has drawn what it was last told. */
  chartSettled(): Promise<void>;
  /** How many times the live loss chart was embedded. */
  embedCount(): number;
  /** The same, per chart (the forecast panel's several charts). */
  embedCounts?(): Record<string, number>;
}

declare global {
  interface Window {
    rnnStudio?: PanelHandle;
  }
}

export function exposePanel(handle: PanelHandle): void {
  window.rnnStudio = handle;
}
