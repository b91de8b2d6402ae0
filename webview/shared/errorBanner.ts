/** The dismissible error banner: shows the host's last error until the user dismisses it, or the host clears it (a new run). */
import { byId, setHidden, setText } from './dom';
import type { View } from './view';

/**
 * `focusAfter`: the element (tabindex -1) that takes the focus when the banner closes while
 * focused. Shared by the text panel and the forecast panel.
 */
export function createErrorBanner<S extends { error?: { message: string; seq: number }; dismissedError?: number }>(
  dispatch: (action: { type: 'ui/dismissError' }) => void,
  focusAfter = 'training-status',
): View<S> {
  const banner = byId('error');
  const message = byId('error-message');
  const dismiss = byId('error-dismiss');
  const close = () => {
    const hadFocus = banner.contains(document.activeElement);
    dispatch({ type: 'ui/dismissError' });
    if (hadFocus) byId(focusAfter).focus({ preventScroll: true });
  };
  dismiss.addEventListener('click', close);
  banner.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  return {
    render(state) {
      const shown = state.error && state.error.seq !== state.dismissedError ? state.error : undefined;
      setText(message, shown?.message ?? '');
      setHidden(banner, !shown);
    },
  };
}
