/**
 * The text panel's state: the host's part (src/protocol/textState.ts: the run, the model, the
 * generated text, ...), which the host sends whole in a `snapshot` when the panel (re)loads
 * and the shared reducer keeps up to date from the host's messages, and the panel's own UI
 * part (the form draft, the log scale, the dismissed error). Both are persisted with
 * `vscode.setState`: VS Code hands that to the host after a reload; the panel itself restores
 * only its UI part from it. No DOM here: the module is unit-tested under Node.
 */
import * as v from 'valibot';
import { droppable } from '../../src/protocol/common';
import type { TextPanelMessage } from '../../src/protocol/text';
import { initialTextState, reduceText, SettingsSchema, type TextState } from '../../src/protocol/textState';
import { restoreUi, reduceSharedUi, SHARED_UI_ENTRIES, type SharedUiAction } from '../shared/uiState';
import { FIELD_IDS, type FormValues } from './fields';

export { hasModel, isTraining, type GeneratedState, type RunState } from '../../src/protocol/textState';

const FormValuesSchema = v.object(Object.fromEntries(FIELD_IDS.map((id) => [id, v.string()])) as Record<keyof FormValues, v.StringSchema<undefined>>);

const TextUiSchema = v.object({
  /** The form as the user left it, and the settings it was edited from (new settings replace it). */
  draft: droppable(FormValuesSchema),
  draftSettings: droppable(SettingsSchema),
  ...SHARED_UI_ENTRIES,
});
type TextUi = v.InferOutput<typeof TextUiSchema>;

export type PanelState = TextState & TextUi;

/** What the user does in the panel that changes its state. */
type UiAction = { type: 'ui/formEdited'; values: FormValues } | SharedUiAction;

export type Action = TextPanelMessage | UiAction;

export function initialState(): PanelState {
  return { ...initialTextState(), logScale: false };
}

/** The UI part of the state saved by `vscode.setState` (a bad part is dropped); the host's part comes in its snapshot. */
export function restoreState(saved: unknown): PanelState {
  return restoreUi(TextUiSchema, initialState(), saved);
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The draft stays only while the host's settings are the ones it was edited from. */
function keepDraft(state: PanelState): PanelState {
  return state.draft && !sameJson(state.draftSettings, state.settings) ? { ...state, draft: undefined, draftSettings: undefined } : state;
}

export function reduce(state: PanelState, action: Action): PanelState {
  switch (action.type) {
    case 'snapshot': {
      const { draft, draftSettings, dismissedError, logScale } = state;
      // The host's part is the snapshot's, whole: a part it lacks is gone.
      return keepDraft({ ...action.state, draft, draftSettings, dismissedError, logScale });
    }
    case 'ui/formEdited':
      return { ...state, draft: action.values, draftSettings: state.settings };
    case 'ui/dismissError':
    case 'ui/cancelRequested':
    case 'ui/logScale':
      return reduceSharedUi(state, action, reduceText);
    case 'settings':
      return keepDraft(reduceText(state, action));
    default:
      return reduceText(state, action);
  }
}
