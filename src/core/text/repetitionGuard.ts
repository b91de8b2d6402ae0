/**
 * The repetition guard: a character-level model that has fallen into a loop writes "the the
 * the"; the guard never lets a word be ended when it would be the third copy of the same word
 * in a row (compared case-insensitively; only non-word characters between them). While the
 * current word equals the two words before it, the characters that would end it (any
 * character that is not a letter, digit or apostrophe) are banned, so the model must go on
 * with the word ("the the then") or, when it cannot, the sampler ignores the ban.
 */
import type { Vocabulary } from './vocabulary';

const WORD_CHARACTER = /[\p{L}\p{N}'’]/u;

export class RepetitionGuard {
  /** The two words completed last, oldest first (lower case). */
  private readonly previous: string[] = [];
  /** The word being written (lower case; empty between words). */
  private current = '';
  /** Indices of the vocabulary's symbols that end a word. */
  private readonly enders: ReadonlySet<number>;

  constructor(vocabulary: Vocabulary) {
    this.enders = new Set(vocabulary.symbols.flatMap((symbol, index) => (WORD_CHARACTER.test(symbol) ? [] : [index])));
  }

  /** Takes the next character of the text (prompt characters included). */
  push(symbol: string): void {
    if (WORD_CHARACTER.test(symbol)) {
      this.current += symbol.toLowerCase();
      return;
    }
    if (this.current === '') return;
    this.previous.push(this.current);
    if (this.previous.length > 2) this.previous.shift();
    this.current = '';
  }

  /** The indices the sampler must not choose now: the word enders while the word would be a third copy; else none. */
  banned(): ReadonlySet<number> {
    const [first, second] = this.previous;
    return this.current !== '' && this.previous.length === 2 && first === second && second === this.current ? this.enders : NONE;
  }
}

const NONE: ReadonlySet<number> = new Set();
