import { UserError } from '../userError';

/** A UserError about the CSV `file`: "Cannot read FILE: <problem>", the problem naming line and column where it applies. */
export function csvError(file: string, problem: string, field?: string): UserError {
  return new UserError(`Cannot read ${file}: ${problem}`, field);
}

/** How a column is named in messages: `column 5 ("Close")`, or `column 5` when it has no header name. */
export function columnLabel(index: number, name: string): string {
  return name === `column ${index + 1}` ? name : `column ${index + 1} ("${name}")`;
}
