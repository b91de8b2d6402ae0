import { UserError } from '../userError';
import { trainingSymbols, type DatasetMode } from './trainingSymbols';
import type { Vocabulary } from './vocabulary';

/**
 * Training sequences of a text: `count` pairs of `steps` symbol indices, the target being
 * the input shifted one character ahead (the model learns to predict the next character).
 */
export interface TextDataset {
  mode: DatasetMode;
  /** Code points in the whole text. */
  characters: number;
  /** Time steps per sequence. Seed: 14 (sentences padded to 15, minus one). */
  steps: number;
  /** Number of sequences. Seed: 3. */
  count: number;
  /** Input indices, row-major [count, steps], each in 0..vocabulary.size-1. */
  inputs: Int32Array;
  /** Target indices, row-major [count, steps]: inputs shifted one character ahead. */
  targets: Int32Array;
  /** The symbols of the training sequences (padding space included). */
  vocabulary: Vocabulary;
  /** First character of the training text: where generation starts from an empty prompt. */
  firstSymbol: string;
  /**
   * The held-out part (windows mode, validationSplit > 0): the last characters of the text,
   * never trained on, cut into consecutive windows of `steps` [count, steps] (each character
   * predicted once); absent in lines mode or when the split leaves less than one window.
   */
  validation?: {
    /** Characters predicted (count × steps). */
    characters: number;
    count: number;
    inputs: Int32Array;
    targets: Int32Array;
  };
}

/** Index arrays of `rows` ([count, steps + 1] code points): input = first `steps`, target = last `steps`. */
function pairsOf(rows: string[][], steps: number, vocabulary: Vocabulary): Pick<TextDataset, 'inputs' | 'targets'> {
  const inputs = new Int32Array(rows.length * steps);
  const targets = new Int32Array(rows.length * steps);
  rows.forEach((row, r) => {
    for (let t = 0; t < steps; t++) {
      inputs[r * steps + t] = vocabulary.indexOf(row[t]);
      targets[r * steps + t] = vocabulary.indexOf(row[t + 1]);
    }
  });
  return { inputs, targets };
}

/**
 * The tutorial's pipeline: pad every line with spaces to the longest, input = line without its
 * last character, target = line without its first. Seed: 3 lines of up to 15 characters ->
 * 3 sequences of 14 steps over 17 symbols.
 */
function linesDataset(lines: string[][], vocabulary: Vocabulary): Omit<TextDataset, 'characters'> {
  const width = Math.max(...lines.map((line) => line.length));
  const padded = lines.map((line) => [...line, ...Array<string>(width - line.length).fill(' ')]);
  const steps = width - 1;
  return { mode: 'lines', steps, count: padded.length, ...pairsOf(padded, steps, vocabulary), vocabulary, firstSymbol: lines[0][0] };
}

/**
 * Prose: windows of `sequenceLength + 1` code points (newlines included), input = the first
 * `sequenceLength`, target = the last `sequenceLength`. Windows start every
 * ceil(sequenceLength / 2) characters, so an epoch reads each character about twice, at two
 * context depths, and the arrays stay about twice the text's size whatever the length; one
 * more window is aligned to the end so the tail of the text is trained on too.
 */
function windowsDataset(symbols: string[], sequenceLength: number, vocabulary: Vocabulary, source: string): Omit<TextDataset, 'characters'> {
  if (symbols.length - 1 < sequenceLength) {
    throw new UserError(
      `${source} has ${symbols.length} characters, too few for sequence length ${sequenceLength} ` +
        `(it needs at least ${sequenceLength + 1}). Lower the sequence length or use more text.`,
      'sequenceLength',
    );
  }
  const stride = Math.ceil(sequenceLength / 2);
  const lastStart = symbols.length - 1 - sequenceLength;
  const starts: number[] = [];
  for (let start = 0; start <= lastStart; start += stride) starts.push(start);
  if (starts[starts.length - 1] !== lastStart) starts.push(lastStart);
  const rows = starts.map((start) => symbols.slice(start, start + sequenceLength + 1));
  return {
    mode: 'windows',
    steps: sequenceLength,
    count: rows.length,
    ...pairsOf(rows, sequenceLength, vocabulary),
    vocabulary,
    firstSymbol: symbols[0],
  };
}

/** Consecutive windows of `steps` + 1 symbols over `symbols` (overlapping by one: each target once). */
function heldOutWindows(symbols: readonly string[], steps: number, vocabulary: Vocabulary): NonNullable<TextDataset['validation']> {
  const rows: string[][] = [];
  for (let start = 0; start + steps < symbols.length; start += steps) rows.push(symbols.slice(start, start + steps + 1));
  return { characters: rows.length * steps, count: rows.length, ...pairsOf(rows, steps, vocabulary) };
}

/**
 * Training sequences of `text`, cut as trainingSymbols decides: 'lines' mode when it is a few
 * short lines, else 'windows' of `sequenceLength` characters over the text but its last
 * `validationSplit` (0..0.5), which becomes the held-out `validation` part when it holds at
 * least one window (the vocabulary is the whole text's, so every held-out character is known).
 * Throws a UserError naming `source` when the text is empty, has fewer than two distinct
 * symbols (trainingSymbols) or is too short to make one sequence.
 */
export function buildTextDataset(text: string, sequenceLength: number, validationSplit = 0, source = 'The text'): TextDataset {
  const { lines, vocabulary } = trainingSymbols(text, source);
  const symbols = Array.from(text);
  if (lines) return { ...linesDataset(lines, vocabulary), characters: symbols.length };
  const cut = symbols.length - Math.floor(symbols.length * validationSplit);
  const heldOut = symbols.length - cut > sequenceLength && cut > sequenceLength ? heldOutWindows(symbols.slice(cut - 1), sequenceLength, vocabulary) : undefined;
  const dataset = windowsDataset(heldOut ? symbols.slice(0, cut) : symbols, sequenceLength, vocabulary, source);
  return { ...dataset, characters: symbols.length, ...(heldOut ? { validation: heldOut } : {}) };
}
