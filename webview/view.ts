import type { PanelState } from './state';

/** A part of the panel: renders the state into its part of the page (cheaply, only changes). */
export interface View {
  render(state: PanelState): void;
}
