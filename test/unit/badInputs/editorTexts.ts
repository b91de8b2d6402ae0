/**
 * Bad texts from an editor (a selection or a whole document, already decoded by VS Code),
 * given to the core as the extension gives them (see badInput.ts): readTextSource checks them
 * with checkDecodedText, the controller and the worker with trainingSymbols (trainTextModel).
 */
import { checkDecodedText } from '../../../src/core/text/decodedText';
import { DEFAULT_TRAINING } from '../../../src/core/text/textSettings';
import { trainTextModel } from '../../../src/core/text/textTraining';
import { thrownBy, type BadInput } from './badInput';

/** The editor's text is the input itself: nothing is written. */
const text = (content: string) => () => Promise.resolve(content);

/** What the worker does with a `train` request from the panel on `content`. */
const train = (content: string) => thrownBy(() => trainTextModel(content, { ...DEFAULT_TRAINING, epochs: 1 }, {}, 'notes.txt (selection)'));

export const EDITOR_TEXTS: readonly BadInput[] = [
  {
    name: '10: a selection of one distinct character',
    make: text('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
    run: train,
    message: /^notes\.txt \(selection\) has only one distinct character \("a"\): a character model needs at least two\.$/,
  },
  {
    name: '10: a selection of a single character',
    make: text('x'),
    run: train,
    message: /^notes\.txt \(selection\) has only one distinct character \("x"\): a character model needs at least two\.$/,
  },
  {
    name: '10: a NUL character in a selection (a binary file opened as text)',
    make: text('hello\nwor\0ld'),
    run: (content) => thrownBy(() => Promise.resolve(checkDecodedText(content, 'image.png (selection)'))),
    message: /^image\.png \(selection\) has a NUL character \(line 2, character 4 of it\): it looks like a binary file opened as text, not text to train on\.$/,
  },
  {
    name: '10: U+FFFD in a document VS Code decoded with the wrong encoding',
    make: text('un caf\uFFFD au lait\n'),
    run: (content) => thrownBy(() => Promise.resolve(checkDecodedText(content, 'menu.txt (whole document)'))),
    message: /^menu\.txt \(whole document\) has U\+FFFD \(\uFFFD\), the character that stands for bytes that could not be decoded \(line 1, character 7 of it\): reopen the file with its encoding/,
  },
];
