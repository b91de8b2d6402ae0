/**
 * Owns the one panel of a kind for a job controller: creates or reveals it, adopts the one
 * VS Code restores after a reload, routes its messages to the job, and posts to it — and to
 * the job's listeners (the extension's API), whether or not a panel is open.
 */
import * as vscode from 'vscode';
import type { CommonHostMessage } from '../protocol/common';
import { failureMessage } from './errors';
import { StudioPanel, type PanelKind } from './studioPanel';

export class PanelOwner<HostMessage extends CommonHostMessage | { type: string }, WebviewMessage extends { type: string }, State> implements vscode.Disposable {
  private panel: StudioPanel<HostMessage, WebviewMessage, State> | undefined;
  private readonly posted = new vscode.EventEmitter<HostMessage>();
  /** Every message meant for the panel. */
  readonly onDidPost = this.posted.event;
  private readonly visibility = new vscode.EventEmitter<boolean>();
  /** Fires when the panel shows, hides, opens or closes. */
  readonly onDidChangeVisibility = this.visibility.event;

  constructor(
    private readonly kind: PanelKind<HostMessage, WebviewMessage, State>,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly onMessage: (message: WebviewMessage) => Promise<void>,
  ) {}

  /** The panel, created (or revealed) on demand. */
  show(): StudioPanel<HostMessage, WebviewMessage, State> {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    return this.adopt(StudioPanel.create(this.kind, this.extensionUri, this.log));
  }

  /** Takes over a panel VS Code restored after a reload, with the state its webview last persisted. */
  restore(webviewPanel: vscode.WebviewPanel, saved: unknown): void {
    this.panel?.dispose();
    this.adopt(new StudioPanel(this.kind, webviewPanel, this.extensionUri, this.log, saved));
  }

  /** The open panel's state; undefined without a panel. */
  get state(): State | undefined {
    return this.panel?.state;
  }

  /** Whether the panel is open and on screen. */
  get visible(): boolean {
    return this.panel?.visible ?? false;
  }

  private adopt(panel: StudioPanel<HostMessage, WebviewMessage, State>): StudioPanel<HostMessage, WebviewMessage, State> {
    this.panel = panel;
    panel.onMessage((message) => void this.onMessage(message).catch((e) => this.fail(e)));
    panel.onDidChangeVisibility((visible) => this.visibility.fire(visible));
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      this.panel = undefined;
      this.visibility.fire(false);
    });
    this.visibility.fire(panel.visible);
    return panel;
  }

  post(message: HostMessage): void {
    this.panel?.post(message);
    this.posted.fire(message);
  }

  /**
   * Shows a failure once: as the banner of the panel when it is on screen, else as a
   * notification (nothing for a cancelled request). The API is told either way.
   */
  fail(error: unknown): void {
    const message = failureMessage(error, this.log);
    if (message === undefined) return;
    // Every panel's messages include the common ones (src/protocol/common.ts), `error` among them.
    const banner: CommonHostMessage = { type: 'error', message };
    const shown = banner as HostMessage;
    if (this.visible) {
      this.post(shown);
      return;
    }
    void vscode.window.showErrorMessage(`RNN Studio: ${message}`);
    this.posted.fire(shown);
  }

  dispose(): void {
    this.panel?.dispose();
    this.posted.dispose();
    this.visibility.dispose();
  }
}
