/**
 * Where `rnnStudio.modelsFolder` may put saved models: inside the workspace folder only (a
 * cloned repository's settings can name any path). A folder outside it is used only when the
 * user picks it in a dialog (which does not go through here). No `vscode`: unit-tested.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../core/userError';

const SETTING = 'rnnStudio.modelsFolder';

/** True when the absolute path `inner` is `outer` or lies inside it (compared as written). */
function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * The models folder the setting's `value` names in the workspace folder `root` (absolute):
 * `value` resolved against `root`. UserError naming the setting when `value` is not text, is
 * empty, is an absolute path, or leads out of `root` (`../x`, `a/../../x`). Lexical only: see
 * modelsFolderIn for symbolic links.
 */
export function modelsFolderPath(root: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UserError(`Setting ${SETTING} must name a folder inside the workspace folder, such as ".rnn-studio/models", not ${JSON.stringify(value) ?? String(value)}.`, SETTING);
  }
  if (path.isAbsolute(value)) {
    throw new UserError(
      `Setting ${SETTING} must be a folder relative to the workspace folder, such as ".rnn-studio/models", not the absolute path "${value}": models are saved inside the workspace.`,
      SETTING,
    );
  }
  const dir = path.resolve(root, value);
  if (!isInside(root, dir)) {
    throw new UserError(`Setting ${SETTING} must be a folder inside the workspace folder ${root}, not "${value}", which is ${dir}.`, SETTING);
  }
  return dir;
}

/** The real path of `dir`'s nearest part that exists (`dir` itself, a parent, ... up to the root). */
async function realExisting(dir: string): Promise<string> {
  for (let part = dir; ; part = path.dirname(part)) {
    const real = await realpath(part).catch(() => undefined);
    if (real !== undefined) return path.join(real, path.relative(part, dir));
    if (path.dirname(part) === part) return dir;
  }
}

/**
 * modelsFolderPath, and then the same rule through symbolic links: a `.rnn-studio` (or any
 * part of the path that exists) that links out of the workspace folder is refused as well.
 */
export async function modelsFolderIn(root: string, value: unknown): Promise<string> {
  const dir = modelsFolderPath(root, value);
  const [realRoot, realDir] = [await realExisting(root), await realExisting(dir)];
  if (!isInside(realRoot, realDir)) {
    throw new UserError(`Setting ${SETTING} must be a folder inside the workspace folder ${root}, but "${value as string}" leads through a symbolic link to ${realDir}.`, SETTING);
  }
  return dir;
}
