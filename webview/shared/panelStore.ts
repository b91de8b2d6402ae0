/**
 * A panel's state loop, the same for both panels: the state is restored from
 * vscode.getState (so a hidden or reloaded panel shows its run at once), changed only by the
 * reducer, persisted (progress at most every 250 ms) and rendered by the views. Host messages
 * are parsed and malformed ones ignored; 'ready' is posted once the restored state is shown,
 * and the host replays what it buffered, which the idempotent reducers merge.
 */
import { parseHostMessage, type HostMessage, type WebviewMessage } from '../../src/protocol';
import type { View } from './view';
import { host } from './vscodeApi';

/** Progress can arrive many times a second: persist it at most this often. */
const PERSIST_PROGRESS_MS = 250;

export interface PanelStore<State, Action> {
  state(): State;
  dispatch(action: Action): void;
  post(message: WebviewMessage): void;
  /** Renders the views, listens to the host, and says 'ready'. */
  start(views: ReadonlyArray<View<State>>): void;
}

export function createPanelStore<State, Action extends { type: string }>(options: {
  restore(saved: unknown): State;
  reduce(state: State, action: Action): State;
  /** Actions persisted lazily (progress). */
  isProgress(action: Action): boolean;
  /** A host message as an action (the panels' actions include them). */
  fromHost(message: HostMessage): Action;
}): PanelStore<State, Action> {
  const connection = host();
  let state = options.restore(connection.getState());
  let views: ReadonlyArray<View<State>> = [];
  let persistTimer: ReturnType<typeof setTimeout> | undefined;

  const persistNow = () => {
    if (persistTimer !== undefined) clearTimeout(persistTimer);
    persistTimer = undefined;
    connection.setState(state);
  };
  const render = () => {
    for (const view of views) view.render(state);
  };
  const dispatch = (action: Action) => {
    const next = options.reduce(state, action);
    if (next === state) return;
    state = next;
    render();
    if (!options.isProgress(action)) persistNow();
    else if (persistTimer === undefined) persistTimer = setTimeout(persistNow, PERSIST_PROGRESS_MS);
  };
  const post = (message: WebviewMessage) => connection.post(message);

  return {
    state: () => state,
    dispatch,
    post,
    start(panelViews) {
      views = panelViews;
      window.addEventListener('message', (event: MessageEvent<unknown>) => {
        const message = parseHostMessage(event.data);
        if (message) dispatch(options.fromHost(message));
      });
      window.addEventListener('pagehide', () => {
        if (persistTimer !== undefined) persistNow();
      });
      render();
      post({ type: 'ready' });
    },
  };
}
