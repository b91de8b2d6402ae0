/**
 * The one way a panel survives being hidden or reloaded: the host keeps the panel's state by
 * running the panel's pure reducer over every message it posts (and the panel's Cancel), and
 * sends it whole as a `snapshot` whenever the webview (re)loads and says `ready`. After a VS
 * Code reload, the state starts from what the webview last persisted (VS Code hands it to the
 * panel serializer), checked by the panel's schema. No VS Code here: the webview tests' fake
 * host runs the same session.
 */
import * as v from 'valibot';
import { COMMON_HOST_MESSAGES, COMMON_WEBVIEW_MESSAGES, parseWith, type CancelMessage } from './common';

/** A panel's messages and state, as the host's generic panel runs them. */
export interface PanelProtocol<HostMessage, WebviewMessage extends { type: string }, State> {
  /** The webview's message if `data` is a well-formed one, else undefined. */
  parseWebviewMessage: (data: unknown) => WebviewMessage | undefined;
  initialState(): State;
  /** The state VS Code kept across a reload, checked; what the worker lost is marked released. */
  restoreState(saved: unknown): State;
  reduce(state: State, action: HostMessage | CancelMessage): State;
  /** The message that hands the whole state to a (re)loaded webview. */
  snapshot(state: State): Snapshot<State>;
}

/** The host's whole state of a panel, sent when the webview says `ready`. */
export interface Snapshot<State> {
  type: 'snapshot';
  state: State;
}

export class PanelSession<HostMessage, WebviewMessage extends { type: string }, State> {
  private current: State;

  /** `saved`: the state VS Code restored the panel with, if any. */
  constructor(
    private readonly protocol: PanelProtocol<HostMessage, WebviewMessage, State>,
    saved?: unknown,
  ) {
    const usable = typeof saved === 'object' && saved !== null && !Array.isArray(saved);
    this.current = usable ? protocol.restoreState(saved) : protocol.initialState();
  }

  get state(): State {
    return this.current;
  }

  /** Records a message the host posts to the panel. */
  post(message: HostMessage): void {
    this.current = this.protocol.reduce(this.current, message);
  }

  /** The webview's message if well-formed (its Cancel is recorded), else undefined. */
  receive(data: unknown): WebviewMessage | undefined {
    const message = this.protocol.parseWebviewMessage(data);
    if (message?.type === 'cancel') this.current = this.protocol.reduce(this.current, { type: 'cancel' });
    return message;
  }

  snapshot(): Snapshot<State> {
    return this.protocol.snapshot(this.current);
  }
}

type MessageSchemas = v.VariantOptions<'type'>;
type Out<S extends v.GenericSchema | MessageSchemas> = S extends MessageSchemas ? v.InferOutput<S[number]> : S extends v.GenericSchema ? v.InferOutput<S> : never;

/**
 * A panel's protocol from its own message schemas (the common ones are added) and its state:
 * how the webview reads what it receives (the panel's messages, and the snapshot), and what
 * the host's generic panel runs.
 */
export function definePanelProtocol<Host extends MessageSchemas, Webview extends MessageSchemas, StateSchema extends v.GenericSchema>(panel: {
  host: Host;
  webview: Webview;
  state: StateSchema;
  initialState: () => Out<StateSchema>;
  restoreState: (saved: unknown) => Out<StateSchema>;
  reduce: (state: Out<StateSchema>, action: Out<Host> | Out<typeof COMMON_HOST_MESSAGES> | CancelMessage) => Out<StateSchema>;
}) {
  type State = Out<StateSchema>;
  type HostMessage = Out<Host> | Out<typeof COMMON_HOST_MESSAGES>;
  type WebviewMessage = (Out<Webview> | Out<typeof COMMON_WEBVIEW_MESSAGES>) & { type: string };
  const snapshotSchema = v.object({ type: v.literal('snapshot'), state: panel.state });
  const received = v.variant('type', [...COMMON_HOST_MESSAGES, ...panel.host, snapshotSchema]);
  const sent = v.variant('type', [...COMMON_WEBVIEW_MESSAGES, ...panel.webview]);
  const protocol: PanelProtocol<HostMessage, WebviewMessage, State> = {
    parseWebviewMessage: (data) => parseWith(sent, data) as WebviewMessage | undefined,
    initialState: panel.initialState,
    restoreState: panel.restoreState,
    reduce: panel.reduce,
    snapshot: (state) => ({ type: 'snapshot', state }),
  };
  return {
    protocol,
    /** The host's message (or snapshot) if `data` is a well-formed one, else undefined. */
    parsePanelMessage: (data: unknown) => parseWith(received, data) as HostMessage | Snapshot<State> | undefined,
    /** The webview's message if `data` is a well-formed one (extra fields dropped), else undefined. */
    parseWebviewMessage: protocol.parseWebviewMessage,
  };
}
