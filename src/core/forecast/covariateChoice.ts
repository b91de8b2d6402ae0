/**
 * The covariates setting: what the models see beside the target. Written as text on the
 * command line, in VS Code's settings and in the panel's form — 'auto', 'none', 'calendar',
 * column names, or 'calendar' and column names, comma-separated ("calendar, Volume") — and
 * held as a CovariateChoice. 'auto' gives the calendar's cycles where they help on the
 * validation part (see dataShape.ts); columns are only ever used when named.
 */
import { UserError } from '../userError';

interface CovariateSpec {
  /** The calendar's cycles of the series' interval (see calendarCycles.ts). */
  calendar: boolean;
  /** Other numeric columns of the CSV, by name. */
  columns: string[];
}

export type CovariateChoice = 'auto' | CovariateSpec;

const CALENDAR = 'calendar';
const NONE = 'none';

/** The choice `value` says (text as above, or a CovariateSpec); UserError naming `setting`. */
export function parseCovariates(value: unknown, setting: string): CovariateChoice {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { calendar, columns } = value as Partial<CovariateSpec>;
    if (typeof calendar === 'boolean' && Array.isArray(columns) && columns.every((name) => typeof name === 'string' && name.trim() !== '')) return { calendar, columns: [...columns] };
  }
  const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
  if (parts === undefined || !parts.every((part) => typeof part === 'string')) {
    throw new UserError(`${setting} must be auto, none, calendar, or column names (comma-separated), not ${JSON.stringify(value)}.`, setting);
  }
  const names = parts.map((part) => part.trim()).filter((part) => part !== '');
  if (names.length === 1 && names[0] === 'auto') return 'auto';
  if (names.length === 0 || (names.length === 1 && names[0] === NONE)) return { calendar: false, columns: [] };
  if (names.includes('auto') || names.includes(NONE)) throw new UserError(`${setting}: auto and none stand alone, not in a list (${JSON.stringify(value)}).`, setting);
  return { calendar: names.includes(CALENDAR), columns: [...new Set(names.filter((name) => name !== CALENDAR))] };
}

/** The choice as the text parseCovariates reads. */
export function covariatesText(choice: CovariateChoice): string {
  if (choice === 'auto') return 'auto';
  const names = [...(choice.calendar ? [CALENDAR] : []), ...choice.columns];
  return names.length > 0 ? names.join(', ') : NONE;
}
