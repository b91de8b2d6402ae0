/**
 * A live chart, for both panels' loss curves. Vega-Lite is embedded once (and again only when
 * the theme or the y scale changes, replaying the rows); rows then reach the `loss` data
 * source as changesets, never by re-embedding. The chart is a view of the state: it is told
 * every row it should show and inserts (or removes) only the difference from what it shows,
 * rows being identified by `key` and compared by `value`. So a replayed or restored run never
 * duplicates a point, and the rows of a new run (another key) replace the old ones.
 */
import { vega, type Result } from 'vega-embed';
import { LOSS_DATA, MAX_EPOCH_SIGNAL } from './chartSpec';
import type { TopLevelSpec } from './specTypes';
import { embedChart } from './vegaEmbed';

export interface LiveChartData<Row> {
  rows: readonly Row[];
  /** Last epoch of the run (the x axis spans the whole run). */
  maxEpoch: number;
  /** A log y scale; rows whose value is not above 0 are then left out. */
  logScale: boolean;
}

export interface LiveChartKind<Row, Theme> {
  /** For error messages: 'loss'. */
  name: string;
  spec(theme: Theme, maxEpoch: number, logScale: boolean): TopLevelSpec;
  key: (row: Row) => string;
  value: (row: Row) => number;
}

export class LiveChart<Row extends object, Theme> {
  private result: Result | undefined;
  private embeddedLogScale = false;
  private specStale = true;
  private busy = false;
  /** The rows in the chart's data: value by key. */
  private readonly shown = new Map<string, number>();
  private desired: LiveChartData<Row> = { rows: [], maxEpoch: 1, logScale: false };
  /** How many times the chart was embedded (for tests and diagnostics; also in data-embed-count). */
  embedCount = 0;

  constructor(
    private readonly el: HTMLElement,
    private theme: Theme,
    private readonly kind: LiveChartKind<Row, Theme>,
    private readonly onError: (message: string) => void = () => undefined,
  ) {}

  /** Shows these rows: appends what is new, removes what is gone. */
  show(data: LiveChartData<Row>): void {
    this.desired = data;
    this.pump();
  }

  /** Re-embeds with the new theme's colours, replaying the rows. */
  setTheme(theme: Theme): void {
    this.theme = theme;
    this.specStale = true;
    this.pump();
  }

  /** Resolves once every requested change is drawn. */
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
        const message = err instanceof Error ? err.message : String(err);
        console.error(`RNN Studio: the ${this.kind.name} chart failed:`, message);
        this.onError(message);
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
    this.result = await embedChart(this.el, this.kind.spec(this.theme, this.desired.maxEpoch, logScale));
    this.embeddedLogScale = logScale;
  }

  private applyData(): void {
    const view = this.result?.view;
    if (!view) return;
    const { key, value } = this.kind;
    const want = this.desired;
    const rows = want.logScale ? want.rows.filter((r) => value(r) > 0) : want.rows;
    const wanted = new Map(rows.map((r) => [key(r), value(r)]));
    const changes = vega.changeset();
    const gone = new Set([...this.shown].filter(([k, v]) => wanted.get(k) !== v).map(([k]) => k));
    if (gone.size > 0) {
      changes.remove((t: Row) => gone.has(key(t)));
      for (const k of gone) this.shown.delete(k);
    }
    const fresh = rows.filter((r) => this.shown.get(key(r)) !== value(r)).map((r) => ({ ...r }));
    if (fresh.length > 0) {
      changes.insert(fresh);
      for (const r of fresh) this.shown.set(key(r), value(r));
    }
    const maxEpoch = Math.max(1, want.maxEpoch);
    const epochChanged = view.signal(MAX_EPOCH_SIGNAL) !== maxEpoch;
    if (epochChanged) view.signal(MAX_EPOCH_SIGNAL, maxEpoch);
    const dataChanged = gone.size > 0 || fresh.length > 0;
    if (dataChanged) view.change(LOSS_DATA, changes);
    if (dataChanged || epochChanged) view.run();
  }
}
