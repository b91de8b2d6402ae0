import { UserError } from '../userError';

/** The characters refused in a text an editor decoded: NUL, and U+FFFD (what a decoder writes for bytes it could not read). */
const UNDECODED = /[\0\uFFFD]/;

/**
 * Refuses (UserError naming `source`, "notes.txt (selection)", and where in the text) a text
 * already decoded by an editor that holds a NUL character (a binary file opened as text anyway)
 * or U+FFFD (a file decoded with the wrong encoding: each byte it could not read became U+FFFD),
 * as a text file's bytes are refused (textFile.ts): a model trained on them learns the garbage.
 * Line and character count from 1 in `text` (UTF-16 code units, as the editor counts them).
 */
export function checkDecodedText(text: string, source: string): void {
  const index = text.search(UNDECODED);
  if (index < 0) return;
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  const where = `line ${before.split('\n').length}, character ${index - lineStart + 1} of it`;
  if (text[index] === '\0') {
    throw new UserError(`${source} has a NUL character (${where}): it looks like a binary file opened as text, not text to train on.`);
  }
  throw new UserError(
    `${source} has U+FFFD (\uFFFD), the character that stands for bytes that could not be decoded (${where}): ` +
      'reopen the file with its encoding ("Reopen with Encoding", in the status bar) or remove the character, then train again.',
  );
}
