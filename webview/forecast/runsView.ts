/**
 * The Runs card: the forecast runs kept in the workspace (.rnn-studio/runs/), newest first,
 * each in a line (runsCompare.ts). Open asks the host to show that run's results (by its id
 * only; the host reads the file); ticking Compare on two runs shows them side by side
 * (the settings that differ, each model's MAE and MASE). The ticks are the panel's own and
 * are not kept. Open is off while a run trains.
 */
import type { ForecastWebviewMessage as WebviewMessage } from '../../src/protocol/forecast';
import type { RunSummary } from '../../src/core/runs/runSummary';
import { byId, setHidden, setText } from '../shared/dom';
import { plural } from '../shared/format';
import type { View } from '../shared/view';
import { formatValue } from './format';
import { againstBaseline, fileName, keySettings, modelRows, relativeTime, settingRows } from './runsCompare';
import { isRunning, type ForecastState } from './state';

/** Runs compared at once. */
const COMPARED = 2;

export function createRunsView(post: (m: WebviewMessage) => void, now: () => number = Date.now): View<ForecastState> {
  const card = byId('runs');
  const note = byId('runs-note');
  const body = byId('runs-table').querySelector('tbody') as HTMLTableSectionElement;
  const compare = byId('runs-compare');
  const compareHeading = byId('runs-compare-heading');
  const settingsBody = byId('compare-settings').querySelector('tbody') as HTMLTableSectionElement;
  const modelsBody = byId('compare-models').querySelector('tbody') as HTMLTableSectionElement;
  const headA = byId('compare-a-settings');
  const headB = byId('compare-b-settings');

  /** The ids ticked for comparing, oldest tick first. */
  let ticked: string[] = [];
  let runs: readonly RunSummary[] = [];
  let key = '';

  function renderCompare(): void {
    const pair = ticked.map((id) => runs.find((r) => r.id === id)).filter((r): r is RunSummary => r !== undefined);
    setHidden(compare, pair.length !== COMPARED);
    if (pair.length !== COMPARED) return;
    // A is the older run, B the newer.
    const [a, b] = [...pair].sort((x, y) => x.finishedAt - y.finishedAt);
    const when = (r: RunSummary) => `${fileName(r)}, ${new Date(r.finishedAt).toLocaleString()}`;
    setText(compareHeading, `A: ${when(a)} — B: ${when(b)}`);
    setText(headA, 'A');
    setText(headB, 'B');
    settingsBody.replaceChildren(...settingRows(a, b));
    modelsBody.replaceChildren(...modelRows(a, b));
  }

  function row(run: RunSummary, shown: boolean, running: boolean): HTMLTableRowElement {
    const tr = document.createElement('tr');
    tr.dataset.id = run.id;
    if (shown) tr.className = 'is-shown';
    const cell = (text: string, className = '') => {
      const td = document.createElement('td');
      td.textContent = text;
      if (className) td.className = className;
      return td;
    };
    const when = cell(relativeTime(run.finishedAt, now()));
    when.title = new Date(run.finishedAt).toLocaleString();
    const file = cell(fileName(run));
    file.title = `${run.csv}, column ${run.column}`;
    const best = cell(run.best ? run.best.label : '—');
    if (shown) {
      const tag = document.createElement('span');
      tag.className = 'tag tag-forecast';
      tag.textContent = 'shown';
      best.append(' ', tag);
    }
    const open = document.createElement('vscode-button');
    open.setAttribute('secondary', '');
    open.className = 'run-open';
    open.textContent = 'Open';
    open.title = running ? 'A run is training: Open is off until it ends.' : `Show the results of this run (${run.id})`;
    if (running) open.setAttribute('disabled', '');
    open.addEventListener('click', () => {
      if (!open.hasAttribute('disabled')) post({ type: 'openRun', id: run.id });
    });
    const tick = document.createElement('input');
    tick.type = 'checkbox';
    tick.className = 'run-compare';
    tick.checked = ticked.includes(run.id);
    tick.setAttribute('aria-label', `Compare the run of ${fileName(run)}, ${when.title}`);
    tick.addEventListener('change', () => {
      ticked = tick.checked ? [...ticked.filter((id) => id !== run.id), run.id].slice(-COMPARED) : ticked.filter((id) => id !== run.id);
      for (const box of body.querySelectorAll<HTMLInputElement>('input.run-compare')) box.checked = ticked.includes(box.closest('tr')?.dataset.id ?? '');
      renderCompare();
    });
    const openCell = cell('');
    openCell.append(open);
    const tickCell = cell('');
    tickCell.append(tick);
    const against = cell(againstBaseline(run));
    against.title = `Held-out MAE of ${run.best?.label ?? 'no model'} against the best baseline, ${run.bestBaseline.label} (${formatValue(run.bestBaseline.mae)})`;
    tr.append(when, file, best, cell(formatValue(run.best?.mae ?? null), 'num'), against, cell(keySettings(run), 'meta'), openCell, tickCell);
    return tr;
  }

  return {
    render(state) {
      const list = state.runs;
      const shown = list?.shown && state.result?.runId === list.shown.runId ? list.shown.id : undefined;
      const running = isRunning(state);
      const next = JSON.stringify([list, shown, running]);
      if (next === key) return;
      key = next;
      runs = list?.runs ?? [];
      setHidden(card, !list || (runs.length === 0 && list.skipped === 0));
      ticked = ticked.filter((id) => runs.some((r) => r.id === id));
      const skipped = list && list.skipped > 0 ? ` ${plural(list.skipped, 'file')} in .rnn-studio/runs/ could not be read (${list.skippedReason ?? 'malformed'}).` : '';
      setText(note, `${plural(runs.length, 'run')} kept in .rnn-studio/runs/, newest first; tick two to compare.${skipped}`);
      body.replaceChildren(...runs.map((r) => row(r, r.id === shown, running)));
      renderCompare();
    },
  };
}
