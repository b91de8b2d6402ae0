/**
 * The live loss chart. Vega-Lite is embedded once (and again only when the theme or the
 * y scale changes, replaying the points); new points are then appended with changesets
 * on the `loss` data source, never by re-embedding. The chart is a view of the state: it
 * is told the whole curve and inserts (or removes) only the difference from what it shows,
 * so a replayed or restored run never duplicates a point and a new run clears the chart.
 */
import { vega, type Result } from 'vega-embed';
import type { LossPoint } from '../src/protocol';
import { LOSS_DATA, MAX_EPOCH_SIGNAL, lossChartSpec } from './chartSpec';
import type { ChartTheme } from './theme';
import { embedChart } from './vegaEmbed';

export interface ChartData {
  /** Run the points belong to; another id clears the chart first. */
  runId: number | undefined;
  points: readonly LossPoint[];
  /** Last epoch of the run (the x axis spans the whole run). */
  maxEpoch: number;
  logScale: boolean;
}

const CHART_HEIGHT = 220;

export class LossChart {
  private result: Result | undefined;
  private embeddedLogScale = false;
  private specStale = true;
  private busy = false;
  private shownRun: number | undefined;
  /** The points in the chart's data: loss by epoch. */
  private readonly shown = new Map<number, number>();
  private desired: ChartData = { runId: undefined, points: [], maxEpoch: 1, logScale: false };
  /** How many times the chart was embedded (for tests and diagnostics; also in data-embed-count). */
  embedCount = 0;

  constructor(
    private readonly el: HTMLElement,
    private theme: ChartTheme,
    private readonly onError: (message: string) => void = () => undefined,
  ) {}

  /** Shows this curve: appends what is new, removes what is gone. */
  show(data: ChartData): void {
    this.desired = data;
    this.pump();
  }

  /** Re-embeds with the new theme's colours, replaying the points. */
  setTheme(theme: ChartTheme): void {
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
        while (this.specStale || this.desired.logScale !== this.embeddedLogScale || !this.result) {
          await this.embed();
        }
        this.applyData();
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        console.error('RNN Studio: the loss chart failed:', message);
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
    this.shownRun = undefined;
    this.specStale = false;
    const logScale = this.desired.logScale;
    const spec = lossChartSpec(this.theme, { logScale, maxEpoch: this.desired.maxEpoch, height: CHART_HEIGHT });
    this.embedCount += 1;
    this.el.dataset.embedCount = String(this.embedCount);
    this.result = await embedChart(this.el, spec);
    this.embeddedLogScale = logScale;
  }

  private applyData(): void {
    const view = this.result?.view;
    if (!view) return;
    const want = this.desired;
    const changes = vega.changeset();
    let dataChanged = false;
    if (want.runId !== this.shownRun) {
      if (this.shown.size > 0) {
        changes.remove(() => true);
        dataChanged = true;
      }
      this.shown.clear();
      this.shownRun = want.runId;
    }
    // A point is its epoch and its loss: a changed loss replaces the point.
    const wanted = new Map(want.points.map((p) => [p.epoch, p.loss]));
    const gone = new Set([...this.shown].filter(([epoch, loss]) => wanted.get(epoch) !== loss).map(([epoch]) => epoch));
    if (gone.size > 0) {
      changes.remove((t: LossPoint) => gone.has(t.epoch));
      for (const epoch of gone) this.shown.delete(epoch);
      dataChanged = true;
    }
    const fresh = want.points
      .filter((p) => this.shown.get(p.epoch) !== p.loss)
      .map((p) => ({ epoch: p.epoch, loss: p.loss }));
    if (fresh.length > 0) {
      changes.insert(fresh);
      for (const p of fresh) this.shown.set(p.epoch, p.loss);
      dataChanged = true;
    }
    const maxEpoch = Math.max(1, want.maxEpoch);
    const epochChanged = view.signal(MAX_EPOCH_SIGNAL) !== maxEpoch;
    if (epochChanged) view.signal(MAX_EPOCH_SIGNAL, maxEpoch);
    if (dataChanged) view.change(LOSS_DATA, changes);
    if (dataChanged || epochChanged) view.run();
  }
}
