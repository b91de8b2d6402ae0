/**
 * Where the text job's text comes from: the selection, or the whole document when nothing
 * is selected (the user is told). Empty and oversized text, and text holding NUL or U+FFFD
 * (a binary file, or one decoded with the wrong encoding: checkDecodedText), is refused before
 * any training.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkDecodedText } from '../core/text/decodedText';
import { checkTextSize } from '../core/text/textSize';
import { UserError } from '../core/userError';

export interface TextSource {
  text: string;
  /** For the panel: 'notes.txt (selection)' or 'notes.txt (whole document)'. */
  label: string;
  /** The editor the text came from, for Insert at cursor / Replace selection. */
  editor: vscode.TextEditor;
  /** Whether the whole document was used because nothing was selected. */
  wholeDocument: boolean;
}

export function readTextSource(editor: vscode.TextEditor | undefined, maxBytes: number): TextSource {
  if (!editor) {
    throw new UserError('Open a text file and select the text to train on, then run "RNN Studio: Generate Text from Selection".');
  }
  const name = path.basename(editor.document.uri.path) || editor.document.uri.toString();
  const selected = editor.selections
    .filter((s) => !s.isEmpty)
    .map((s) => editor.document.getText(s))
    .join('\n');
  const wholeDocument = selected.length === 0;
  const text = wholeDocument ? editor.document.getText() : selected;
  if (text.trim().length === 0) {
    throw new UserError(
      wholeDocument
        ? `${name} is empty: type or paste some text, select it, and run the command again.`
        : `The selection in ${name} holds only whitespace: select the text to train on.`,
    );
  }
  const label = `${name} (${wholeDocument ? 'whole document' : 'selection'})`;
  checkTextSize(text, maxBytes, label);
  checkDecodedText(text, label);
  return { text, label, editor, wholeDocument };
}
