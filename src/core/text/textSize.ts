import { UserError } from '../userError';

/** Largest text trained on unless the user raises the limit: 5 MiB of UTF-8. */
export const DEFAULT_MAX_TEXT_BYTES = 5 * 1024 * 1024;

/** Bytes as a person reads them: "812 bytes", "4.2 MB". */
function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Throws a UserError naming `sourceName` when `text` is larger than `maxBytes` of UTF-8:
 * a character model over a huge text would run for hours and hold it all in memory.
 */
export function checkTextSize(text: string, maxBytes: number, sourceName: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    throw new UserError(
      `${sourceName} is ${formatBytes(bytes)}, more than the limit of ${formatBytes(maxBytes)}. ` +
        'Train on a selection or a smaller file.',
    );
  }
}
