import type { PanelState } from '../text/state';

/** A part of a panel: renders the state into its part of the page (cheaply, only changes). */
export interface View<S = PanelState> {
  render(state: S): void;
}
