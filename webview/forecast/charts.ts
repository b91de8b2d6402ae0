/**
 * The forecast panel's charts, each embedded with the panels' shared options (vegaEmbed.ts):
 *  - the live loss chart: a LiveChart (../shared/liveChart.ts) of every model's loss rows;
 *  - StaticChart: a chart of a finished result, embedded when its key (run, theme) changes.
 */
import type { Result } from 'vega-embed';
import { LiveChart } from '../shared/liveChart';
import type { TopLevelSpec } from '../shared/specTypes';
import { embedChart } from '../shared/vegaEmbed';
import type { ForecastTheme } from './palette';
import { lossSpec, type LossRow } from './lossSpec';

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

export type LiveLossChart = LiveChart<LossRow, ForecastTheme>;

/** The live loss chart: every model's loss and validation loss rows. */
export function createLiveLossChart(el: HTMLElement, theme: ForecastTheme, onError: (message: string) => void): LiveLossChart {
  return new LiveChart<LossRow, ForecastTheme>(el, theme, {
    name: 'loss',
    spec: lossSpec,
    key: (r) => `${r.slot}|${r.series}|${r.epoch}|${r.model}`,
    value: (r) => r.value,
  }, onError);
}
