/**
 * One finished forecast run as kept in the workspace (`.rnn-studio/runs/<id>.json`): which
 * CSV, the settings it ran with, and its result bounded (keptResult.ts: ingest summary,
 * split, baselines, each model's label, fit and metrics, the leaderboard, the forecast, the
 * warnings). Read back through RunRecordSchema, so a file edited by hand or written by a
 * newer version is refused as a whole, never half-read.
 */
import * as v from 'valibot';
import { ForecastJobResultSchema, type ForecastJobResult } from '../forecast/forecastResult';
import { keptResult } from './keptResult';

const RUN_FORMAT = 'rnn-studio-forecast-run';
const RUN_VERSION = 1;

/**
 * A run's id, also its file's name without `.json`: the finish time (UTC, to the ms), the CSV's
 * base name (letters, digits, `_` and `-`, at most 40) and 6 random characters, e.g.
 * `20261203T141137512Z-prices-k3x9q2`. Ids sort as the runs finished. Nothing else (no `/`,
 * no `..`) can be one, so an id names a file inside the runs folder only.
 */
export const RunIdSchema = v.pipe(v.string(), v.regex(/^\d{8}T\d{9}Z-[A-Za-z0-9_-]{1,40}-[a-z0-9]{6}$/, 'not a run id'));

/** A setting's value as kept: what ForecastSettings' fields hold (a list: `models`). */
const SettingValueSchema = v.union([v.string(), v.number(), v.boolean(), v.null(), v.array(v.union([v.string(), v.number()]))]);
export type SettingValue = v.InferOutput<typeof SettingValueSchema>;
/** Settings by name, as asked for (a setting left out took its default). */
export const KeptSettingsSchema = v.record(v.pipe(v.string(), v.maxLength(60)), SettingValueSchema);
type KeptSettings = v.InferOutput<typeof KeptSettingsSchema>;

export const RunRecordSchema = v.object({
  format: v.literal(RUN_FORMAT),
  version: v.literal(RUN_VERSION),
  id: RunIdSchema,
  /** ISO 8601 UTC. */
  startedAt: v.pipe(v.string(), v.isoTimestamp()),
  finishedAt: v.pipe(v.string(), v.isoTimestamp()),
  /** The CSV: relative to the workspace folder with `/` when inside it, else absolute. */
  csv: v.string(),
  settings: KeptSettingsSchema,
  /** Set when a saved model was applied (nothing trained), to its folder. */
  loadedFrom: v.optional(v.string()),
  result: ForecastJobResultSchema,
});
export type RunRecord = v.InferOutput<typeof RunRecordSchema>;

/** `name` as the id's middle part: `prices` for prices.csv ('data' when nothing is left). */
function idPart(name: string): string {
  const part = name
    .replace(/\.[^.]*$/, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return part || 'data';
}

/** A new id for a run of the CSV named `csvName` that finished at `finished`. */
export function newRunId(finished: Date, csvName: string, random: () => number = Math.random): string {
  const stamp = finished.toISOString().replace(/[-:.]/g, '');
  const suffix = Array.from({ length: 6 }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 36)]).join('');
  return `${stamp}-${idPart(csvName)}-${suffix}`;
}

/** Settings as kept: the entries with a value of a kept kind (undefined ones left out). */
function keptSettings(settings: object): KeptSettings {
  const kept: KeptSettings = {};
  for (const [name, value] of Object.entries(settings)) {
    if (v.is(SettingValueSchema, value)) kept[name] = value;
  }
  return kept;
}

export interface RunToKeep {
  /** The CSV as the record names it (see RunRecord.csv). */
  csv: string;
  settings: object;
  loadedFrom?: string;
  result: ForecastJobResult;
  startedAt: Date;
  finishedAt: Date;
}

/** The record of a finished run, its result bounded. */
export function runRecord(run: RunToKeep, random?: () => number): RunRecord {
  return {
    format: RUN_FORMAT,
    version: RUN_VERSION,
    id: newRunId(run.finishedAt, run.csv.split(/[\\/]/).pop() ?? run.csv, random),
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    csv: run.csv,
    settings: keptSettings(run.settings),
    ...(run.loadedFrom !== undefined ? { loadedFrom: run.loadedFrom } : {}),
    result: keptResult(run.result),
  };
}
