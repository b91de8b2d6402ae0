/**
 * An RNN Studio webview panel, generic over its protocol (the text job's, or the forecast
 * job's): one of each kind per window, created on demand or restored by VS Code after a
 * reload. Its session (src/protocol/panelSession.ts) keeps the panel's state from every
 * message posted, and hands it whole to the webview in a `snapshot` whenever the webview
 * (re)loads and says `ready`: a hidden or reloaded panel shows the whole run again.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { PanelSession, type PanelProtocol } from '../protocol/panelSession';
import type { PanelHtmlOptions } from './panelHtml';

/** What tells the panels apart. */
export interface PanelKind<HostMessage, WebviewMessage extends { type: string }, State> {
  viewType: string;
  title: string;
  /** The bundle in dist/ the page runs. */
  script: string;
  /** The page; `asset` gives the webview URI of an extension file, e.g. ('media', 'x.css'). */
  render(options: PanelHtmlOptions, asset: (...parts: string[]) => string): string;
  /** Its messages, state and reducer. */
  protocol: PanelProtocol<HostMessage, WebviewMessage, State>;
}

export class StudioPanel<HostMessage, WebviewMessage extends { type: string }, State> implements vscode.Disposable {
  private readonly session: PanelSession<HostMessage, WebviewMessage, State>;
  private ready = false;
  private isDisposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly received = new vscode.EventEmitter<WebviewMessage>();
  private readonly disposed = new vscode.EventEmitter<void>();
  private readonly visibility = new vscode.EventEmitter<boolean>();
  /** Each valid message from the webview (invalid ones are dropped and logged). */
  readonly onMessage = this.received.event;
  readonly onDidDispose = this.disposed.event;
  /** Fires with `visible` when the panel is shown or hidden. */
  readonly onDidChangeVisibility = this.visibility.event;

  /** Opens a new panel beside the active editor. */
  static create<H, W extends { type: string }, S>(kind: PanelKind<H, W, S>, extensionUri: vscode.Uri, log: vscode.LogOutputChannel): StudioPanel<H, W, S> {
    const panel = vscode.window.createWebviewPanel(
      kind.viewType,
      kind.title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      StudioPanel.options(extensionUri),
    );
    return new StudioPanel(kind, panel, extensionUri, log);
  }

  static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
  }

  /** Adopts a panel: a new one, or one VS Code restored after a reload with the state its webview last persisted (`saved`). */
  constructor(
    kind: PanelKind<HostMessage, WebviewMessage, State>,
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    saved?: unknown,
  ) {
    this.session = new PanelSession(kind.protocol, saved);
    panel.webview.options = StudioPanel.options(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    panel.webview.html = StudioPanel.html(kind, panel.webview, extensionUri);
    let visible = panel.visible;
    this.disposables.push(
      panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data)),
      panel.onDidChangeViewState(() => {
        // A hidden webview is torn down; it says `ready` again when shown.
        if (!panel.visible) this.ready = false;
        if (panel.visible !== visible) this.visibility.fire((visible = panel.visible));
      }),
      panel.onDidDispose(() => this.dispose()),
      this.received,
      this.disposed,
      this.visibility,
    );
  }

  private static html(kind: PanelKind<unknown, { type: string }, unknown>, webview: vscode.Webview, extensionUri: vscode.Uri): string {
    const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
    const options: PanelHtmlOptions = {
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: asset('dist', kind.script),
      styleUri: asset('media', 'panel.css'),
      codiconsUri: asset('dist', 'codicons', 'codicon.css'),
      title: kind.title,
    };
    return kind.render(options, asset);
  }

  get visible(): boolean {
    return !this.isDisposed && this.panel.visible;
  }

  /** The panel's state as the host keeps it (after a reload: from what the webview persisted). */
  get state(): State {
    return this.session.state;
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  post(message: HostMessage): void {
    this.session.post(message);
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private receive(data: unknown): void {
    const message = this.session.receive(data);
    if (!message) {
      this.log.warn('Dropped a malformed message from the panel:', JSON.stringify(data));
      return;
    }
    if (message.type === 'ready') {
      this.ready = true;
      void this.panel.webview.postMessage(this.session.snapshot());
    }
    this.received.fire(message);
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.disposed.fire();
    this.panel.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
    this.disposables.length = 0;
  }
}
