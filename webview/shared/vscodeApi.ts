/**
 * The one handle to VS Code's webview API (`acquireVsCodeApi` may be called only once), with
 * the panel's typed messages to the host. Outside VS Code (a plain browser) a stand-in keeps the state
 * in memory and logs what would be posted.
 */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare global {
  // Provided by VS Code inside webviews.
  function acquireVsCodeApi(): VsCodeApi;
}

export interface HostConnection<Posted> {
  post(message: Posted): void;
  getState(): unknown;
  setState(state: unknown): void;
}

function standIn(): VsCodeApi {
  let state: unknown;
  return {
    postMessage: (message) => console.info('[rnn-studio] would post', message),
    getState: () => state,
    setState: (s) => {
      state = s;
    },
  };
}

let connection: HostConnection<unknown> | undefined;

/** `Posted`: the panel's messages to the host (its protocol's webview messages). */
export function host<Posted>(): HostConnection<Posted> {
  if (!connection) {
    const api = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : standIn();
    connection = {
      post: (message) => api.postMessage(message),
      getState: () => api.getState(),
      setState: (state) => api.setState(state),
    };
  }
  return connection;
}
