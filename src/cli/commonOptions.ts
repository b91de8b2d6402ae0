/**
 * What both subcommands' command lines share: the flags every command has, parsing them
 * strictly, and reading --backend.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BACKEND_CHOICES, type BackendChoice } from '../core/backendChoice';
import { UserError } from '../core/userError';

/** A command line that does not say what to do: exit status 2 with the usage. */
export class UsageError extends Error {}

export const STRING_FLAG = { type: 'string' } as const;

/** The flags of every subcommand. */
export const COMMON_OPTIONS = {
  seed: STRING_FLAG,
  save: STRING_FLAG,
  load: STRING_FLAG,
  backend: STRING_FLAG,
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `args` parsed against `options`, strictly; an unknown flag is a UsageError. */
export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** --backend's value (default auto), or a UsageError naming the choices. */
export function backendFrom(value: string | undefined): BackendChoice {
  const backend = value ?? 'auto';
  if (!BACKEND_CHOICES.includes(backend as BackendChoice)) {
    throw new UsageError(`--backend must be one of ${BACKEND_CHOICES.join(', ')}, not "${backend}".`);
  }
  return backend as BackendChoice;
}

/** The folder named by `flag` (--save, --load), undefined when not given; an empty one is a UserError (never silently ignored). */
export function folderFrom(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UserError(`${flag} needs a folder path, not an empty string.`);
  return value;
}
