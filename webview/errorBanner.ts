/** The dismissible error banner: shows the host's last error until the user dismisses it. */
import { byId, setHidden, setText } from './dom';
import type { View } from './view';
import type { Action } from './state';

export function createErrorBanner(dispatch: (action: Action) => void): View {
  const banner = byId('error');
  const message = byId('error-message');
  const dismiss = byId('error-dismiss');
  const close = () => {
    const hadFocus = banner.contains(document.activeElement);
    dispatch({ type: 'ui/dismissError' });
    if (hadFocus) byId('training-status').focus({ preventScroll: true });
  };
  dismiss.addEventListener('click', close);
  banner.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  return {
    render(state) {
      setText(message, state.error?.message ?? '');
      setHidden(banner, !state.error);
    },
  };
}
