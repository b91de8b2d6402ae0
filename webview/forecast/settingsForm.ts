/**
 * The settings form of the forecast panel: prefilled with the settings of the run shown
 * (again whenever another run is shown; the user's edits stay until then, also when the
 * webview is recreated: they are kept as its draft, formDraft.ts), checked as typed
 * with the core's validator (a bad value is named under its field), and Run posts
 * `runForecast`. Run is off while a run reads or trains (Cancel stays in the run card) and
 * before any CSV was forecast (there is nothing to run again). Choosing a recipe fills in
 * its transform, window, epochs, seeds and covariates.
 */
import { DEFAULT_FORECAST_SETTINGS, TUTORIAL_FORECAST_SETTINGS } from '../../src/core/forecast/forecastSettings';
import { validateForecastSettings } from '../../src/core/forecast/forecastSettingsValidation';
import { PRESET_NAMES } from '../../src/core/forecast/forecasters';
import { UserError } from '../../src/core/userError';
import type { ForecastWebviewMessage as WebviewMessage } from '../../src/protocol/forecast';
import { RUN_SETTING_LABELS, runSettingsOf, type RunRequest, type RunSettings } from '../../src/protocol/forecastRunSettings';
import { byId, setDisabled, setHidden, setText } from '../shared/dom';
import type { VscodeButton, VscodeCheckbox, VscodeSingleSelect, VscodeTextfield } from '../shared/elements';
import type { View } from '../shared/view';
import { formBasis, type FormDraftAction } from './formDraft';
import { TEXT_FIELDS } from './settingsMarkup';
import { isRunning, type ForecastState } from './state';

type Key = keyof RunSettings;
const SELECTS = ['recipe', 'resample', 'transform'] as const;

/** What Run would post for `state`'s form, or why it cannot. */
interface FormCheck {
  request?: RunRequest;
  /** The field at fault and its message. */
  error?: { key: Key; message: string };
}

/** `values` checked as the host will check them; the message names the field as the form does. */
function check(values: RunRequest): FormCheck {
  try {
    validateForecastSettings(values, (key) => RUN_SETTING_LABELS[key as Key] ?? key);
    return { request: values };
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    const key = (Object.keys(RUN_SETTING_LABELS) as Key[]).find((k) => RUN_SETTING_LABELS[k] === err.field) ?? 'models';
    return { error: { key, message: err.message } };
  }
}

export function createSettingsForm(post: (m: WebviewMessage) => void, dispatch: (a: FormDraftAction) => void): View<ForecastState> {
  const form = byId<HTMLFormElement>('run-form');
  const run = byId<VscodeButton>('run-button');
  const status = byId('run-status');
  const models = PRESET_NAMES.map((name) => byId<VscodeCheckbox>(`run-model-${name}`));
  const selects = Object.fromEntries(SELECTS.map((k) => [k, byId<VscodeSingleSelect>(`run-${k}`)])) as Record<(typeof SELECTS)[number], VscodeSingleSelect>;
  const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f.key, byId<VscodeTextfield>(`run-${f.key}`)])) as Record<(typeof TEXT_FIELDS)[number]['key'], VscodeTextfield>;
  const errors = Object.fromEntries((Object.keys(RUN_SETTING_LABELS) as Key[]).map((k) => [k, byId(`run-${k}-error`)])) as Record<Key, HTMLElement>;
  /** formBasis() of what the form was last filled from (undefined: not yet), and the form's values last seen (JSON). */
  let filled: string | undefined;
  let seen = '';
  let last: ForecastState | undefined;
  let current: FormCheck = {};

  const read = (): RunRequest => ({
    models: models.filter((box) => box.checked).map((box) => box.dataset.model as string),
    recipe: selects.recipe.value,
    resample: selects.resample.value,
    transform: selects.transform.value,
    ...Object.fromEntries(TEXT_FIELDS.map((f) => [f.key, String(texts[f.key].value ?? '').trim()])),
  });

  /** `s`: a run's settings, or a draft (every field as typed). */
  const fill = (s: RunRequest) => {
    if (s.models) for (const box of models) box.checked = s.models.includes(box.dataset.model as string);
    for (const k of SELECTS) if (s[k] !== undefined) selects[k].value = String(s[k]);
    for (const f of TEXT_FIELDS) if (s[f.key] !== undefined) texts[f.key].value = String(s[f.key]);
    seen = JSON.stringify(read());
  };

  /** The user changed the form: its values become the draft of the run it was filled from (not a change that filling made). */
  const keepDraft = () => {
    const values = read();
    const json = JSON.stringify(values);
    if (json === seen || filled === undefined) return;
    seen = json;
    dispatch({ type: 'ui/formDraft', draft: { basis: filled, values } });
  };

  const update = () => {
    current = check(read());
    for (const k of Object.keys(errors) as Key[]) {
      const message = current.error?.key === k ? current.error.message : '';
      setText(errors[k], message);
      setHidden(errors[k], !message);
    }
    const state = last;
    const running = state ? isRunning(state) : false;
    const nothing = !state?.run?.settings;
    setDisabled(run, running || nothing || !current.request);
    run.title = running ? 'A forecast is running: cancel it first, or wait.' : nothing ? 'Forecast a CSV first ("RNN Studio: Forecast CSV").' : '';
    status.classList.toggle('has-errors', Boolean(current.error));
    setText(
      status,
      current.error
        ? `Fix ${RUN_SETTING_LABELS[current.error.key]} to run: ${current.error.message}`
        : running
          ? 'Running… the settings apply to the next run.'
          : nothing
            ? 'Forecast a CSV first: Run then trains again on the same column.'
            : `Run trains again on ${state?.run?.file ?? 'the same CSV'} with these settings.`,
    );
  };

  for (const control of [...models, ...Object.values(selects), ...Object.values(texts)]) {
    for (const event of ['input', 'change']) {
      control.addEventListener(event, () => {
        update();
        keepDraft();
      });
    }
  }
  // A recipe brings its own transform, window, epochs, seeds and covariates.
  selects.recipe.addEventListener('change', () => {
    const recipe = selects.recipe.value === 'tutorial' ? TUTORIAL_FORECAST_SETTINGS : DEFAULT_FORECAST_SETTINGS;
    const { transform, window, epochs, ensemble, covariates } = runSettingsOf(recipe);
    fill({ transform, window, epochs, ensemble, covariates });
    update();
    seen = '';
    keepDraft();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!run.disabled && current.request) post({ type: 'runForecast', settings: current.request });
  });

  return {
    render(state) {
      last = state;
      // Filled again only when another run (or its settings) is shown: the draft edited over it if any (restored with the UI state), else its settings.
      const key = formBasis(state);
      if (key !== filled) {
        filled = key;
        fill(state.draft?.basis === key ? state.draft.values : (state.run?.settings ?? runSettingsOf(DEFAULT_FORECAST_SETTINGS)));
      }
      update();
    },
  };
}
