/**
 * `npm run bench`: the issue's workloads trained with tfjs-layers' own layers (stock
 * tfjs-backend-wasm 4.22, then with the kernel fixes) and with the fused layers, in one
 * process on the wasm backend, then the product's own run of the tutorial recipe and the extension host's
 * event-loop lag while a worker trains. See bench/README.md.
 *   --quick        time 3 batches of the per-epoch workloads and extrapolate to an epoch
 *   --only=W1,W2c  run only these workloads ('lag' for the event-loop measurement)
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { defaultWasmDir } from '../src/core/backend';
import { DEFAULT_TRAINING } from '../src/core/text/textSettings';
import { trainTextModel } from '../src/core/text/textTraining';
import { installWasmKernelFixes } from '../src/core/wasmKernels/install';
import { measureEventLoopLag } from './eventLoopLag';
import { matMulPeak } from './matMulPeak';
import { renderTable, type Row } from './table';
import { measure, type Implementation } from './timing';
import { WORKLOADS } from './workloads';

const quick = process.argv.includes('--quick');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const selected = (id: string) => !only || only.includes(id);

/** Measures every selected workload on one implementation, logging as it goes. */
function measureAll(rows: Row[], column: 'stock' | 'fixed' | 'fused', implementation: Implementation): void {
  for (const row of rows) {
    const started = Date.now();
    row[column] = measure(row.workload, implementation, quick);
    console.error(`  ${row.workload.id} ${column}: ${row[column].value.toPrecision(3)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
}

async function main(): Promise<void> {
  const wasmDir = defaultWasmDir(__dirname);
  setWasmPaths(`${wasmDir}/`);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await tf.setBackend('wasm');
  await tf.ready();
  const rows: Row[] = WORKLOADS.filter((workload) => selected(workload.id)).map((workload) => ({ workload }));
  if (rows.length > 0) {
    console.error(`wasm backend, ${quick ? 'quick (3 batches per epoch workload, extrapolated)' : 'full epochs'}; stock kernels:`);
    measureAll(rows, 'stock', 'layers');
    installWasmKernelFixes();
    console.error('with the kernel fixes:');
    measureAll(rows, 'fixed', 'layers');
    measureAll(rows, 'fused', 'fused');
    const peak = matMulPeak();
    console.log(`\nwasm matMul peak (one thread, this machine): ${peak.toFixed(1)} GFLOP/s\n`);
    console.log(renderTable(rows, peak));
  }
  if (selected('W1')) {
    const tutorialText = 'hi how are you\ngood i am fine\nhave a nice day';
    await trainTextModel(tutorialText, { ...DEFAULT_TRAINING, epochs: 5 }).then(({ trained }) => trained.dispose());
    const started = performance.now();
    const { trained, result } = await trainTextModel(tutorialText, DEFAULT_TRAINING);
    trained.dispose();
    const seconds = (performance.now() - started) / 1000;
    console.log(`\nThe product's trainTextModel on the tutorial's sentences (100 epochs, fused): ${seconds.toFixed(3)} s, msPerEpoch ${result.msPerEpoch.toFixed(2)}, final loss ${result.finalLoss.toFixed(3)}`);
  }
  if (selected('lag')) {
    const lag = await measureEventLoopLag(wasmDir);
    console.log(`\nExtension-host event-loop lag while the worker trains (${lag.seconds.toFixed(0)} s, ${lag.epochs} epochs): ` +
      `p50 ${lag.p50.toFixed(1)} ms, p99 ${lag.p99.toFixed(1)} ms, max ${lag.max.toFixed(1)} ms ` +
      `(monitorEventLoopDelay p99 ${lag.histogramP99.toFixed(1)} ms; idle p99 ${lag.idleP99.toFixed(1)} ms; target p99 < 50 ms)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
