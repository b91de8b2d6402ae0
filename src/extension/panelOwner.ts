/**
 * Owns the one panel of a kind for a job controller: creates or reveals it, adopts the one
 * VS Code restores after a reload, routes its messages to the job, and posts to it — and to
 * the job's listeners (the extension's API), whether or not a panel is open.
 */
import * as vscode from 'vscode';
import type { CommonHostMessage } from '../protocol/common';
import { showError } from './errors';
import { StudioPanel, type PanelKind } from './studioPanel';

export class PanelOwner<HostMessage extends CommonHostMessage | { type: string }, WebviewMessage extends { type: string }, State> implements vscode.Disposable {
  private panel: StudioPanel<HostMessage, WebviewMessage, State> | undefined;
  private readonly posted = new vscode.EventEmitter<HostMessage>();
  /** Every message meant for the panel. */
  readonly onDidPost = this.posted.event;

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

  private adopt(panel: StudioPanel<HostMessage, WebviewMessage, State>): StudioPanel<HostMessage, WebviewMessage, State> {
    this.panel = panel;
    panel.onMessage((message) => void this.onMessage(message).catch((e) => this.fail(e)));
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
    return panel;
  }

  post(message: HostMessage): void {
    this.panel?.post(message);
    this.posted.fire(message);
  }

  /** Shows a failure as a notification and in the panel (nothing for a cancelled request). */
  fail(error: unknown): void {
    const message = showError(error, this.log);
    if (message === undefined) return;
    // Every panel's messages include the common ones (src/protocol/common.ts), `error` among them.
    const shown: CommonHostMessage = { type: 'error', message };
    this.post(shown as HostMessage);
  }

  dispose(): void {
    this.panel?.dispose();
    this.posted.dispose();
  }
}
