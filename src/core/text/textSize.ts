import { UserError } from '../userError';

/** Largest text trained on unless the user raises the limit: 5 MiB of UTF-8. */
export const DEFAULT_MAX_TEXT_BYTES = 5 * 1024 * 1024;

/** Bytes as a person reads them: "812 bytes", "4.2 MB". */
function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Throws a UserError naming `sourceName` when `bytes` (a text's size in UTF-8, or a file's
 * from stat, before it is read) is more than `maxBytes`: a character model over a huge text
 * would run for hours and hold it all in memory.
 */
export function checkByteCount(bytes: number, maxBytes: number, sourceName: string): void {
  if (bytes > maxBytes) {
    throw new UserError(
      `${sourceName} is ${formatBytes(bytes)}, more than the limit of ${formatBytes(maxBytes)}. ` +
        'Train on a selection or a smaller file.',
    );
  }
}

/** checkByteCount for a text already in memory (an editor's selection or document). */
export function checkTextSize(text: string, maxBytes: number, sourceName: string): void {
  checkByteCount(Buffer.byteLength(text, 'utf8'), maxBytes, sourceName);
}
