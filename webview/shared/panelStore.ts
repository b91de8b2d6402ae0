/**
 * A panel's state loop, the same for both panels: the panel restores its own UI part of the
 * state from vscode.getState, says 'ready', and the host answers with a `snapshot` of its
 * part; the state then changes only by the reducer (the host's messages, the user's actions),
 * is persisted whole (progress at most every 250 ms: VS Code hands it to the host after a
 * reload) and rendered by the views. Host messages are checked with the panel's schemas and
 * malformed ones ignored.
 */
import type { View } from './view';
import { host } from './vscodeApi';

/** Progress can arrive many times a second: persist it at most this often. */
const PERSIST_PROGRESS_MS = 250;

export interface PanelStore<State, Action, Posted> {
  state: () => State;
  dispatch: (action: Action) => void;
  post: (message: Posted) => void;
  /** Renders the views, listens to the host, and says 'ready'. */
  start: (views: ReadonlyArray<View<State>>) => void;
}

export function createPanelStore<State, Action extends { type: string }, Received extends Action, Posted extends { type: string }>(options: {
  /** The state with its UI part from what `vscode.setState` kept. */
  restore: (saved: unknown) => State;
  reduce: (state: State, action: Action) => State;
  /** The host's message if well-formed (the panel's protocol), else undefined. */
  parse: (data: unknown) => Received | undefined;
  /** Actions persisted lazily (progress). */
  isProgress: (action: Action) => boolean;
}): PanelStore<State, Action, Posted> {
  const connection = host<Posted>();
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
  const post = (message: Posted) => connection.post(message);

  return {
    state: () => state,
    dispatch,
    post,
    start(panelViews) {
      views = panelViews;
      window.addEventListener('message', (event: MessageEvent<unknown>) => {
        const message = options.parse(event.data);
        if (message) dispatch(message);
      });
      window.addEventListener('pagehide', () => {
        if (persistTimer !== undefined) persistNow();
      });
      render();
      post({ type: 'ready' } as Posted);
    },
  };
}
