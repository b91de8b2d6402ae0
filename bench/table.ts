import type { Measurement } from './timing';
import type { Workload } from './workloads';

/** The three columns measured for a workload (stock: tfjs-layers before the kernel fixes). */
export interface Row {
  workload: Workload;
  stock?: Measurement;
  fixed?: Measurement;
  fused?: Measurement;
}

const UNIT = { epoch: 's/epoch', run: 's', chars: 'chars/s' } as const;

const format = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toPrecision(2));
const cell = (measurement?: Measurement) => (measurement ? format(measurement.value) : '–');

/** How many times faster `fused` is than `other` (higher is better in every unit). */
function speedup(workload: Workload, other?: Measurement, fused?: Measurement): string {
  if (!other || !fused) return '–';
  const ratio = workload.report === 'chars' ? fused.value / other.value : other.value / fused.value;
  return `${ratio.toFixed(1)}x`;
}

/** A markdown table: time (or rate) per implementation, speedups, fused GFLOP/s against the peak. */
export function renderTable(rows: Row[], peakGflops: number): string {
  const lines = [
    '| work | unit | tfjs-layers | tfjs-layers + fixes | fused | fused vs tfjs-layers | fused vs + fixes | fused GFLOP/s | of peak | target |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const { workload, stock, fixed, fused } of rows) {
    const gflops = fused ? fused.gflops.toFixed(1) : '–';
    const ofPeak = fused ? `${Math.round((100 * fused.gflops) / peakGflops)} %` : '–';
    lines.push(
      `| ${workload.id} ${workload.title} | ${UNIT[workload.report]} | ${cell(stock)} | ${cell(fixed)} | ${cell(fused)} | ${speedup(workload, stock, fused)} | ${speedup(workload, fixed, fused)} | ${gflops} | ${ofPeak} | ${workload.target} |`,
    );
  }
  return lines.join('\n');
}
