import { rename, rm, writeFile } from 'node:fs/promises';
import { claimSiblingName, releaseSiblingName } from './siblingNames';

/**
 * Writes `data` to `file` atomically: into a sibling temporary file (named as the model
 * folders' temporaries are, see siblingNames.ts) that is then renamed over `file`. A reader
 * sees the old file or the whole new one, never a part; on failure the temporary file is
 * removed and the error is thrown as it came.
 */
export async function writeFileAtomically(file: string, data: string, write: (file: string, data: string) => Promise<void> = writeFile): Promise<void> {
  const temporary = claimSiblingName(file, 'saving');
  try {
    await write(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    releaseSiblingName(temporary);
  }
}
