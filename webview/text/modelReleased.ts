/**
 * The note of a released model (#model-released in the settings form): when the worker no
 * longer holds the trained model (VS Code reloaded, the worker restarted), the panel says why
 * and offers Load model and Train again (Generate and Save are off meanwhile, see
 * trainingForm.ts). It goes once a model is trained or loaded.
 */
import type { TextWebviewMessage } from '../../src/protocol/text';
import { byId, setHidden, setText } from '../shared/dom';
import type { View } from '../shared/view';
import type { PanelState } from './state';

export function createModelReleased(post: (m: TextWebviewMessage) => void): View<PanelState> {
  const note = byId('model-released');
  const text = byId('model-released-text');
  byId('load-model').addEventListener('click', () => post({ type: 'loadModel' }));
  // Train is the form's submit button: Train again trains with the form's settings, as it does.
  byId('train-again').addEventListener('click', () => byId<HTMLFormElement>('training-form').requestSubmit());
  return {
    render(state) {
      setText(text, state.modelReleased ?? '');
      setHidden(note, state.modelReleased === undefined);
    },
  };
}
