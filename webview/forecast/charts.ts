/**
 * The forecast panel's charts, each embedded with the panels' shared options (vegaEmbed.ts):
 *  - LiveLossChart: embedded once (again only for a theme or y-scale change, replaying its
 *    rows); new epochs are appended with changesets, never by re-embedding. It is told all the
 *    rows it should show and inserts / removes only the difference, so a replayed or restored
 *    run never duplicates a point and a new run clears the chart.
 *  - StaticChart: a chart of a finished result, embedded when its key (run, theme) changes.
 */
import { vega, type Result } from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';
import { embedChart } from '../vegaEmbed';
import type { ForecastTheme } from './palette';
import { LOSS_DATA, MAX_EPOCH_SIGNAL, lossSpec, type LossRow } from './lossSpec';

type View = Result['view'];

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class StaticChart {
  /** How many times the chart was embedded (also in data-embed-count). */
  embedCount = 0;
  private result: Result | undefined;
  private key: string | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly el: HTMLElement,
    private readonly name: string,
    private readonly onError: (message: string) => void,
  ) {}

  /** The Vega view shown (for exports), if any. */
  get view(): View | undefined {
    return this.result?.view;
  }

  /** Shows the spec `build` makes, embedding it only when `key` differs from the key shown; undefined clears. */
  show(key: string | undefined, build: () => TopLevelSpec): void {
    if (key === this.key) return;
    this.key = key;
    let spec: TopLevelSpec | undefined;
    try {
      spec = key === undefined ? undefined : build();
    } catch (err) {
      this.fail(err);
      return;
    }
    this.queue = this.queue.then(() => this.apply(key, spec));
  }

  async settled(): Promise<void> {
    await this.queue;
    await this.result?.view.runAsync();
  }

  private async apply(key: string | undefined, spec: TopLevelSpec | undefined): Promise<void> {
    if (key !== this.key) return; // superseded by a later request, which is queued
    this.result?.finalize();
    this.result = undefined;
    if (!spec) {
      this.el.replaceChildren();
      return;
    }
    try {
      this.embedCount += 1;
      this.el.dataset.embedCount = String(this.embedCount);
      this.result = await embedChart(this.el, spec);
    } catch (err) {
      this.fail(err);
    }
  }

  private fail(err: unknown): void {
    console.error(`RNN Studio: the ${this.name} chart failed:`, message(err));
    this.onError(message(err));
  }
}

export interface LossData {
  rows: readonly LossRow[];
  maxEpoch: number;
  logScale: boolean;
}

const rowKey = (r: LossRow) => `${r.slot}|${r.series}|${r.epoch}|${r.model}`;

export class LiveLossChart {
  embedCount = 0;
  private result: Result | undefined;
  private specStale = true;
  private embeddedLogScale = false;
  private busy = false;
  /** The rows in the chart's data: value by rowKey. */
  private readonly shown = new Map<string, number>();
  private desired: LossData = { rows: [], maxEpoch: 1, logScale: false };

  constructor(
    private readonly el: HTMLElement,
    private theme: ForecastTheme,
    private readonly onError: (message: string) => void,
  ) {}

  show(data: LossData): void {
    this.desired = data;
    this.pump();
  }

  setTheme(theme: ForecastTheme): void {
    this.theme = theme;
    this.specStale = true;
    this.pump();
  }

  async settled(): Promise<void> {
    while (this.busy) await new Promise((r) => setTimeout(r, 10));
    await this.result?.view.runAsync();
  }

  private pump(): void {
    if (this.busy) return; // the running loop picks up the latest request
    this.busy = true;
    void (async () => {
      try {
        while (this.specStale || this.desired.logScale !== this.embeddedLogScale || !this.result) await this.embed();
        this.applyData();
      } catch (err) {
        console.error('RNN Studio: the loss chart failed:', message(err));
        this.onError(message(err));
      } finally {
        this.busy = false;
      }
    })();
  }

  private async embed(): Promise<void> {
    this.result?.finalize();
    this.result = undefined;
    this.shown.clear();
    this.specStale = false;
    const logScale = this.desired.logScale;
    this.embedCount += 1;
    this.el.dataset.embedCount = String(this.embedCount);
    this.result = await embedChart(this.el, lossSpec(this.theme, this.desired.maxEpoch, logScale));
    this.embeddedLogScale = logScale;
  }

  private applyData(): void {
    const view = this.result?.view;
    if (!view) return;
    const want = this.desired;
    const rows = want.logScale ? want.rows.filter((r) => r.value > 0) : want.rows;
    const wanted = new Map(rows.map((r) => [rowKey(r), r]));
    const changes = vega.changeset();
    const gone = new Set([...this.shown].filter(([key, value]) => wanted.get(key)?.value !== value).map(([key]) => key));
    if (gone.size > 0) {
      changes.remove((t: LossRow) => gone.has(rowKey(t)));
      for (const key of gone) this.shown.delete(key);
    }
    const fresh = rows.filter((r) => this.shown.get(rowKey(r)) !== r.value).map((r) => ({ ...r }));
    if (fresh.length > 0) {
      changes.insert(fresh);
      for (const r of fresh) this.shown.set(rowKey(r), r.value);
    }
    const maxEpoch = Math.max(1, want.maxEpoch);
    const epochChanged = view.signal(MAX_EPOCH_SIGNAL) !== maxEpoch;
    if (epochChanged) view.signal(MAX_EPOCH_SIGNAL, maxEpoch);
    const dataChanged = gone.size > 0 || fresh.length > 0;
    if (dataChanged) view.change(LOSS_DATA, changes);
    if (dataChanged || epochChanged) view.run();
  }
}
