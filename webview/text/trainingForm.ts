/**
 * The settings form (@vscode-elements controls): filled from the host's settings, or from
 * the user's unsent edits; validated inline, naming the field; Train, Generate and Save
 * model post their messages. Train is disabled while a field is invalid or a run trains.
 */
import { PROFILE_GENERATION, PROFILE_TRAINING } from '../../src/core/text/textProfiles';
import { DEFAULT_GENERATION, DEFAULT_TRAINING, TEXT_PROFILES, type TextProfile } from '../../src/core/text/textSettings';
import type { TextWebviewMessage as WebviewMessage } from '../../src/protocol/text';
import { byId, setDisabled, setHidden, setText } from '../shared/dom';
import type { VscodeButton, VscodeSingleSelect, VscodeTextarea, VscodeTextfield } from '../shared/elements';
import { FIELD_IDS, formValuesFrom, labelOf, validateForm, type FieldId, type FormResult, type FormValues } from './fields';
import { plural } from '../shared/format';
import { hasModel, isTraining, type Action, type PanelState } from './state';
import type { View } from '../shared/view';

type Control = VscodeTextfield | VscodeTextarea | VscodeSingleSelect;

/** The values the form shows for this state. */
function formValues(state: PanelState): FormValues {
  return (
    state.draft ??
    formValuesFrom(state.settings?.training ?? DEFAULT_TRAINING, state.settings?.generation ?? DEFAULT_GENERATION)
  );
}

function modelText(state: PanelState): string {
  const m = state.model;
  const saved = state.savedPath ? ` Saved to ${state.savedPath}.` : '';
  if (!m) return state.modelReleased ? 'No model: the trained one was released (see above).' : 'No model yet: train one to generate text.';
  if (m.origin === 'loaded') {
    return `Model “${m.name}” (${m.cell.toUpperCase()}, vocabulary of ${m.vocabularySize}) loaded.${saved}`;
  }
  const run = state.run;
  const on = run && run.runId === m.runId && run.source ? ` on ${run.source}` : '';
  return `Model trained${on}.${saved}`;
}

export function createTrainingForm(dispatch: (action: Action) => void, post: (m: WebviewMessage) => void): View {
  const form = byId<HTMLFormElement>('training-form');
  const controls = Object.fromEntries(FIELD_IDS.map((id) => [id, byId<Control>(id)])) as Record<FieldId, Control>;
  const errorEls = Object.fromEntries(FIELD_IDS.map((id) => [id, byId(`${id}-error`)])) as Record<FieldId, HTMLElement>;
  const train = byId<VscodeButton>('train');
  const generate = byId<VscodeButton>('generate');
  const saveModel = byId<VscodeButton>('save-model');
  const status = byId('form-status');
  const modelInfo = byId('model-info');
  let current: { state: PanelState; result: FormResult } | undefined;

  const read = (): FormValues =>
    Object.fromEntries(FIELD_IDS.map((id) => [id, String(controls[id].value ?? '')])) as FormValues;

  // Each control, not the form: vscode-single-select's change and input events do not bubble.
  const edited = () => dispatch({ type: 'ui/formEdited', values: read() });
  for (const [id, control] of Object.entries(controls)) {
    if (id === 'profile') continue;
    control.addEventListener('input', edited);
    control.addEventListener('change', edited);
  }
  // Picking a profile fills every field with its settings (the prompt stays).
  controls.profile.addEventListener('change', () => {
    const profile = String(controls.profile.value) as TextProfile;
    if (!TEXT_PROFILES.includes(profile) || profile === current?.result.training?.profile) return;
    const values = formValuesFrom(PROFILE_TRAINING[profile], PROFILE_GENERATION[profile]);
    dispatch({ type: 'ui/formEdited', values: { ...values, prompt: read().prompt } });
  });
  const profileReason = byId('profile-reason');

  const startTraining = () => {
    if (!current || train.disabled) return;
    const { training, generation } = current.result;
    if (training && generation) post({ type: 'train', training, generation });
  };
  // Train is the form's submit button: a click, or Enter in a number field, submits.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    startTraining();
  });
  // Ctrl/Cmd+Enter trains from anywhere in the form, the prompt included.
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      startTraining();
    }
  });
  generate.addEventListener('click', () => {
    const generation = current?.result.generation;
    if (!generate.disabled && generation) post({ type: 'generate', generation });
  });
  saveModel.addEventListener('click', () => {
    if (!saveModel.disabled) post({ type: 'saveModel' });
  });

  return {
    render(state) {
      const values = formValues(state);
      for (const id of FIELD_IDS) {
        const control = controls[id];
        if (control.value !== values[id]) control.value = values[id];
      }
      const result = validateForm(values);
      current = { state, result };
      for (const id of FIELD_IDS) {
        const message = result.errors[id];
        setText(errorEls[id], message ?? '');
        setHidden(errorEls[id], !message);
        if ('invalid' in controls[id] && controls[id].invalid !== Boolean(message)) {
          (controls[id] as VscodeTextfield).invalid = Boolean(message);
        }
      }
      const invalid = FIELD_IDS.filter((id) => result.errors[id]);
      const training = isTraining(state);
      const model = hasModel(state);
      setDisabled(train, !result.training || !result.generation || training);
      setDisabled(generate, !result.generation || !model || training);
      setDisabled(saveModel, !model || training);
      train.title = training ? 'A model is training: cancel it first, or wait.' : '';
      generate.title = !model ? 'Train a model first (or load a saved one).' : '';

      const fieldList = invalid.map(labelOf).join(', ');
      const text =
        invalid.length > 0
          ? `Fix ${plural(invalid.length, 'field')} to continue (${fieldList}): ${result.errors[invalid[0]]}`
          : training
            ? 'Training… the settings apply to the next run.'
            : '';
      setText(status, text);
      status.classList.toggle('has-errors', invalid.length > 0);
      setText(modelInfo, modelText(state));
      const reason = state.settings?.profileReason;
      const shownProfile = result.training?.profile;
      setText(profileReason, reason && shownProfile === state.settings?.training.profile ? `Chosen because ${reason}.` : 'Chosen in this form.');
    },
  };
}
