/**
 * The banner of a released model: when the worker no longer holds the trained model (VS Code
 * reloaded, the worker restarted), the panel says why and offers Load Model and Train again
 * (Generate and Save are disabled meanwhile, see trainingForm.ts). It goes once a model is
 * trained or loaded. Built here, after the error banner, so the page's markup needs no part.
 */
import type { TextWebviewMessage } from '../../src/protocol/text';
import { byId, setHidden, setText } from '../shared/dom';
import type { VscodeButton } from '../shared/elements';
import type { View } from '../shared/view';
import type { PanelState } from './state';

function button(id: string, label: string, icon: string, secondary: boolean): VscodeButton {
  const el = document.createElement('vscode-button') as VscodeButton;
  el.id = id;
  el.textContent = label;
  el.setAttribute('icon', icon);
  if (secondary) el.setAttribute('secondary', '');
  return el;
}

export function createModelReleased(post: (m: TextWebviewMessage) => void): View<PanelState> {
  const banner = document.createElement('div');
  banner.id = 'model-released';
  banner.className = 'banner banner-warning';
  banner.setAttribute('role', 'status');
  banner.hidden = true;
  const icon = document.createElement('span');
  icon.className = 'codicon codicon-warning';
  icon.setAttribute('aria-hidden', 'true');
  const message = document.createElement('span');
  message.id = 'model-released-message';
  message.className = 'banner-text';
  const load = button('load-model', 'Load Model', 'folder-opened', false);
  const train = button('train-again', 'Train again', 'play', true);
  banner.append(icon, message, load, train);
  byId('error').after(banner);

  load.addEventListener('click', () => post({ type: 'loadModel' }));
  // Train is the form's submit button: Train again trains with the form's settings, as it does.
  train.addEventListener('click', () => byId<HTMLFormElement>('training-form').requestSubmit());

  return {
    render(state) {
      setText(message, state.modelReleased ?? '');
      setHidden(banner, state.modelReleased === undefined);
    },
  };
}
