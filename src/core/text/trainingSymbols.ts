import { UserError } from '../userError';
import { quoteSymbol, Vocabulary } from './vocabulary';

/**
 * 'lines': the tutorial's pipeline — each line is one sequence, padded with spaces to the longest.
 * 'windows': prose — overlapping windows of `sequenceLength` characters.
 */
export type DatasetMode = 'lines' | 'windows';

/** Limits under which a text counts as "a few short lines" and is trained line by line. */
const LINES_MODE_LIMITS = {
  /** At least this many non-blank lines. */
  minLines: 2,
  /** At most this many non-blank lines. */
  maxLines: 10_000,
  /** Longest line, in code points. */
  maxLineLength: 200,
} as const;

/**
 * How a text is cut into training sequences and the symbols its model knows, decided before
 * any array or tensor is built (cheap enough for the extension host to check a text with).
 */
export interface TrainingSymbols {
  /** Lines mode (when set): the non-blank lines, as code points (padded to the longest when the dataset is built). */
  lines?: string[][];
  /** Lines mode: the lines' symbols and the padding space (when the lines differ in length); windows: the text's. */
  vocabulary: Vocabulary;
}

/** Splits into lines (any line ending) and keeps those with more than whitespace. */
function nonBlankLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}

/** `lines` as code points when the tutorial's padded-lines pipeline fits them, else undefined (prose is never split into code points here). */
function linesModeLines(lines: string[]): string[][] | undefined {
  const { minLines, maxLines, maxLineLength } = LINES_MODE_LIMITS;
  // A line of more than 2 × maxLineLength UTF-16 units has more than maxLineLength code points.
  if (lines.length < minLines || lines.length > maxLines || lines.some((line) => line.length > 2 * maxLineLength)) return undefined;
  const points = lines.map((line) => Array.from(line));
  const longest = Math.max(...points.map((line) => line.length));
  return longest >= 2 && longest <= maxLineLength ? points : undefined;
}

/** How `text` trains, without checking it can (see trainingSymbols): 'lines' when it is a few short lines, else 'windows'. */
export function datasetMode(text: string): DatasetMode {
  return linesModeLines(nonBlankLines(text)) ? 'lines' : 'windows';
}

/** The symbols of `lines` once padded with spaces to the longest. */
function paddedLinesVocabulary(lines: string[][]): Vocabulary {
  const width = Math.max(...lines.map((line) => line.length));
  const padding = lines.some((line) => line.length < width) ? ' ' : '';
  return Vocabulary.fromText(lines.map((line) => line.join('')).join('') + padding);
}

/**
 * How `text` trains: 'lines' mode when it is a few short lines (see LINES_MODE_LIMITS), else
 * 'windows'; and the vocabulary of that mode. Throws a UserError naming `source` (a file, "notes.txt
 * (selection)") when the text is empty or its model would know fewer than two symbols: a
 * character model predicts one symbol out of several (a one-hot of depth 1 cannot train).
 */
export function trainingSymbols(text: string, source = 'The text'): TrainingSymbols {
  if (text.length === 0) throw new UserError(`${source} is empty: there is nothing to train on.`);
  const lines = linesModeLines(nonBlankLines(text));
  const vocabulary = lines ? paddedLinesVocabulary(lines) : Vocabulary.fromText(text);
  if (vocabulary.size < 2) {
    const besides = lines ? ' besides its line breaks' : '';
    throw new UserError(`${source} has only one distinct character (${quoteSymbol(vocabulary.symbols[0])})${besides}: a character model needs at least two.`);
  }
  return lines ? { lines, vocabulary } : { vocabulary };
}
