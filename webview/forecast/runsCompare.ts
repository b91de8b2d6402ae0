/**
 * What the Runs card writes, as text and DOM rows: a run's line (when, as a local relative
 * date; its best model's MAE against the best baseline's; its key settings), and the
 * comparison of two runs (the settings that differ, each model's MAE and MASE side by side).
 */
import type { SettingValue } from '../../src/core/runs/runRecord';
import type { RunScore, RunSummary } from '../../src/core/runs/runSummary';
import { formatChange, formatMase, formatValue, NOT_AVAILABLE } from './format';

/** Settings shown in a run's line, in this order (when the run set them). */
const KEY_SETTINGS = ['recipe', 'transform', 'window', 'test', 'horizon', 'epochs'] as const;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "5 minutes ago", "yesterday", "just now" (in the panel's language). */
export function relativeTime(at: number, now: number): string {
  const ago = now - at;
  if (ago < 45_000) return 'just now';
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const [unit, ms] = UNITS.find(([, size]) => ago >= size) ?? UNITS[UNITS.length - 1];
  return format.format(-Math.round(ago / ms), unit);
}

/** A setting's value as shown ('—': not set, the default). */
function settingText(value: SettingValue | undefined): string {
  if (value === undefined) return '—';
  if (value === null) return 'none';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** "MLP, LSTM · day · auto recipe · transform auto · window auto · test 60 · epochs 50" (led by "cancelled" or "a saved model" when so). */
export function keySettings(run: RunSummary): string {
  const s = run.settings;
  const parts = [run.cancelled ? 'cancelled' : undefined, run.loaded ? 'a saved model' : undefined, s.models !== undefined ? settingText(s.models).toUpperCase() : undefined, run.interval];
  for (const name of KEY_SETTINGS) if (s[name] !== undefined) parts.push(name === 'recipe' ? `${settingText(s[name])} recipe` : `${name} ${settingText(s[name])}`);
  return parts.filter((p) => p !== undefined).join(' · ');
}

/** "−12.3 % MAE" (against the best baseline, named in the cell's title), or why it is not known. */
export function againstBaseline(run: RunSummary): string {
  const a = run.best?.mae;
  const b = run.bestBaseline.mae;
  if (!run.best) return 'no model ran';
  if (a === null || a === undefined || b === null) return NOT_AVAILABLE;
  const change = b !== 0 ? (a - b) / b : a === 0 ? 0 : Infinity;
  return `${formatChange(change)} MAE`;
}

/** The file's name of a run's CSV path. */
export const fileName = (run: RunSummary): string => run.csv.split(/[\\/]/).pop() ?? run.csv;

/** Rows "setting | A | B" for the settings (and file, column, interval) that differ. */
export function settingRows(a: RunSummary, b: RunSummary): HTMLTableRowElement[] {
  const own = (r: RunSummary): Record<string, SettingValue | undefined> => ({ file: r.csv, column: r.column, interval: r.interval, ...r.settings });
  const sa = own(a);
  const sb = own(b);
  const names = [...new Set([...Object.keys(sa), ...Object.keys(sb)])];
  const rows = names
    .filter((n) => JSON.stringify(sa[n]) !== JSON.stringify(sb[n]))
    .map((n) => {
      const tr = el('tr');
      const th = el('th', 'model-cell', n);
      th.scope = 'row';
      tr.append(th, el('td', '', settingText(sa[n])), el('td', '', settingText(sb[n])));
      return tr;
    });
  if (rows.length > 0) return rows;
  const tr = el('tr');
  const td = el('td', 'meta', 'The same settings (the runs differ only by chance: the seed, or training time).');
  td.colSpan = 3;
  tr.append(td);
  return [tr];
}

/** Rows "model | A MAE | A MASE | B MAE | B MASE": every model and baseline of either run. */
export function modelRows(a: RunSummary, b: RunSummary): HTMLTableRowElement[] {
  const key = (s: RunScore) => `${s.name}|${s.label}`;
  const scores = (r: RunSummary) => new Map([...r.models, ...r.baselines].map((s) => [key(s), s]));
  const ma = scores(a);
  const mb = scores(b);
  const all = [...new Map([...a.models, ...b.models, ...a.baselines, ...b.baselines].map((s) => [key(s), s])).values()];
  const baselineNames = new Set([...a.baselines, ...b.baselines].map(key));
  return all.map((s) => {
    const tr = el('tr', baselineNames.has(key(s)) ? 'is-baseline' : '');
    const th = el('th', 'model-cell', s.label);
    th.scope = 'row';
    const cells = [ma.get(key(s)), mb.get(key(s))].flatMap((x) =>
      x ? [el('td', 'num', formatValue(x.mae)), el('td', 'num', formatMase(x.mase))] : [el('td', 'num is-na', '—'), el('td', 'num is-na', '—')],
    );
    tr.append(th, ...cells);
    return tr;
  });
}
