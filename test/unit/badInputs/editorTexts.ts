/**
 * Bad texts from an editor (a selection or a whole document, already decoded by VS Code),
 * given to the core as the extension gives them (see badInput.ts): the controller and the
 * worker check them with trainingSymbols (trainTextModel).
 */
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
];
