/** The status bar item: the backend in use, or the epoch while training. Click: show the panel. */
import * as vscode from 'vscode';
import type { BackendStatus } from '../core/backendChoice';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rnnStudio.status', vscode.StatusBarAlignment.Right, 100);
  private backend: BackendStatus | undefined;

  constructor() {
    this.item.name = 'RNN Studio';
    this.item.command = 'rnnStudio.showPanel';
    this.showIdle();
    this.item.show();
  }

  showBackend(backend: BackendStatus | undefined): void {
    this.backend = backend;
    this.showIdle();
  }

  showIdle(): void {
    const backend = this.backend;
    this.item.text = `$(pulse) RNN ${backend?.name ?? ''}`.trimEnd();
    this.item.backgroundColor = backend?.fallbackReason ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.tooltip = backend
      ? `RNN Studio trains on the ${backend.name} backend (setting: ${backend.requested}).${backend.fallbackReason ? `\n${backend.fallbackReason}` : ''}`
      : 'RNN Studio: no model trained yet in this window.';
  }

  showEpoch(epoch: number, epochs: number): void {
    this.item.text = `$(sync~spin) RNN ${epoch}/${epochs}`;
    this.item.tooltip = 'RNN Studio is training. Click to show the panel.';
  }

  dispose(): void {
    this.item.dispose();
  }
}
