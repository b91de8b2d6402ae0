import { UserError } from '../userError';

/** How many unknown characters an error message lists before "and N more". */
const NAMED_IN_ERRORS = 10;

/** Code point order, so astral characters (emoji) sort by their value, not by surrogate halves. */
function byCodePoint(a: string, b: string): number {
  return (a.codePointAt(0) as number) - (b.codePointAt(0) as number);
}

/** A character as a message shows it: quoted, with newlines and tabs escaped. */
export function quoteSymbol(symbol: string): string {
  return JSON.stringify(symbol);
}

/** `"x", "🙂"` — the first few symbols, quoted, and how many more there are. */
function listSymbols(symbols: readonly string[]): string {
  const named = symbols.slice(0, NAMED_IN_ERRORS).map(quoteSymbol).join(', ');
  const more = symbols.length - NAMED_IN_ERRORS;
  return more > 0 ? `${named} and ${more} more` : named;
}

/**
 * The characters a model knows, indexed 0..size-1. A symbol is one Unicode code point (an
 * emoji is one symbol, not two UTF-16 halves), and the symbols are sorted by code point, so
 * the same text always gives the same indices (the tutorial used a Python set: arbitrary order).
 */
export class Vocabulary {
  /** The symbols, in index order. */
  readonly symbols: readonly string[];
  private readonly indexBySymbol: ReadonlyMap<string, number>;

  private constructor(symbols: readonly string[]) {
    this.symbols = symbols;
    this.indexBySymbol = new Map(symbols.map((symbol, index) => [symbol, index]));
  }

  /** The distinct code points of `text`, sorted. */
  static fromText(text: string): Vocabulary {
    return new Vocabulary([...new Set(text)].sort(byCodePoint));
  }

  /**
   * Rebuilds a saved vocabulary (what `toJSON` returned), keeping its order: the indices are
   * what the model was trained with. Throws a UserError when it is not a non-empty list of
   * distinct single characters.
   */
  static fromJSON(symbols: unknown): Vocabulary {
    if (!Array.isArray(symbols) || symbols.length === 0) {
      throw new UserError('The vocabulary must be a non-empty list of characters.');
    }
    const seen = new Set<string>();
    for (const [index, symbol] of symbols.entries()) {
      if (typeof symbol !== 'string' || [...symbol].length !== 1) {
        throw new UserError(`Vocabulary entry ${index} is not a single character: ${JSON.stringify(symbol)}.`);
      }
      if (seen.has(symbol)) {
        throw new UserError(`The vocabulary lists ${quoteSymbol(symbol)} twice.`);
      }
      seen.add(symbol);
    }
    return new Vocabulary([...(symbols as string[])]);
  }

  /** Number of symbols: the width of the model's one-hot input and of its logits. */
  get size(): number {
    return this.symbols.length;
  }

  /** Index of `symbol`, or -1 when the vocabulary lacks it. */
  indexOf(symbol: string): number {
    return this.indexBySymbol.get(symbol) ?? -1;
  }

  /** The distinct characters of `text` the vocabulary lacks, in order of appearance. */
  missing(text: string): string[] {
    return [...new Set(text)].filter((symbol) => !this.indexBySymbol.has(symbol));
  }

  /**
   * Indices of the characters of `text`, one per code point. Throws a UserError naming the
   * characters the vocabulary lacks.
   */
  encode(text: string, what = 'The prompt'): number[] {
    const unknown = this.missing(text);
    if (unknown.length > 0) {
      throw new UserError(`${what} has characters the model never saw: ${listSymbols(unknown)}.`);
    }
    return Array.from(text, (symbol) => this.indexBySymbol.get(symbol) as number);
  }

  /** The text of `ids`; each id must be in 0..size-1. */
  decode(ids: Iterable<number>): string {
    let text = '';
    for (const id of ids) {
      const symbol = this.symbols[id];
      if (symbol === undefined) throw new RangeError(`Symbol index ${id} is outside 0..${this.size - 1}.`);
      text += symbol;
    }
    return text;
  }

  /** The symbols in index order, for meta.json. */
  toJSON(): string[] {
    return [...this.symbols];
  }
}
