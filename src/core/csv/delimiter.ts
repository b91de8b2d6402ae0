/** The field separators RNN Studio reads. */
export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** Separators other programs write that RNN Studio does not read, recognised to say so. */
const OTHER_SEPARATORS = ['|', ':', '^', '~', ' '];

/** What a separator is called in messages. */
export function delimiterName(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : delimiter === ' ' ? 'space' : `"${delimiter}"`;
}

/** Fields of `line` split at `separator` outside double quotes. */
function countFields(line: string, separator: string): number {
  let fields = 1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) fields++;
  }
  return fields;
}

/** How consistently `separator` splits `lines`: the most common field count and the share of lines that have it. */
function consistency(lines: readonly string[], separator: string): { fields: number; share: number } {
  const counts = new Map<number, number>();
  for (const line of lines) {
    const fields = countFields(line, separator);
    counts.set(fields, (counts.get(fields) ?? 0) + 1);
  }
  let fields = 1;
  let most = 0;
  for (const [count, lineCount] of counts) {
    if (lineCount > most || (lineCount === most && count > fields)) {
      fields = count;
      most = lineCount;
    }
  }
  return { fields, share: lines.length ? most / lines.length : 0 };
}

/** Share of lines that must agree on a field count for a separator to be the delimiter. */
const AGREEMENT = 0.6;

/**
 * The delimiter of the non-blank `lines` (the file's first lines): the one of `,` `;` tab that
 * splits most lines into the same number (≥ 2) of fields, the one giving more fields on a
 * tie. 'single' when no separator splits the lines, and `unknown` names a separator RNN Studio
 * does not read (e.g. `|`) when that one splits them consistently.
 */
export function detectDelimiter(lines: readonly string[]): { delimiter: Delimiter | 'single'; unknown?: string } {
  let best: { delimiter: Delimiter; fields: number; share: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const { fields, share } = consistency(lines, delimiter);
    if (fields < 2 || share < AGREEMENT) continue;
    if (!best || share > best.share || (share === best.share && fields > best.fields)) best = { delimiter, fields, share };
  }
  if (best) return { delimiter: best.delimiter };
  const unknown = OTHER_SEPARATORS.find((separator) => {
    const { fields, share } = consistency(lines, separator);
    return fields >= 2 && share >= AGREEMENT && lines.every((line) => line.includes(separator));
  });
  return unknown === undefined ? { delimiter: 'single' } : { delimiter: 'single', unknown };
}
