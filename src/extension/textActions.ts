/**
 * What the user can do with a generated text: insert it at the cursor or replace the
 * selection of the editor the training text came from, copy it, or open it in a new editor.
 */
import * as vscode from 'vscode';
import type { TextAction } from '../protocol/text';
import { UserError } from '../core/userError';

/** The editor to write into: the source editor while its document is open, else the last text editor. */
function targetEditor(source: vscode.TextEditor | undefined): vscode.TextEditor {
  const visible = vscode.window.visibleTextEditors;
  const editor =
    visible.find((e) => e.document === source?.document) ?? vscode.window.activeTextEditor ?? visible[0];
  if (!editor) throw new UserError('No open text editor to put the generated text into: open one, or use Copy.');
  return editor;
}

export async function applyTextAction(action: TextAction, text: string, source: vscode.TextEditor | undefined): Promise<void> {
  switch (action) {
    case 'copy':
      await vscode.env.clipboard.writeText(text);
      void vscode.window.setStatusBarMessage('RNN Studio: generated text copied', 3000);
      return;
    case 'openEditor': {
      const document = await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' });
      await vscode.window.showTextDocument(document, { preview: false });
      return;
    }
    case 'insert':
    case 'replace': {
      const editor = targetEditor(source);
      const applied = await editor.edit((edit) => {
        for (const selection of editor.selections) {
          if (action === 'insert') edit.insert(selection.active, text);
          else edit.replace(selection, text);
        }
      });
      if (!applied) throw new UserError(`Could not edit ${editor.document.fileName}: it may be read-only.`);
      await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    }
  }
}
