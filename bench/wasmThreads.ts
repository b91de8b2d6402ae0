/**
 * Probe (not used by the product): tfjs-backend-wasm 4.22's threaded SIMD build under Node,
 * against the single-threaded build, on the matMul shapes of the workloads.
 *   node out/bench/wasmThreads.js <threads>     (1 = the single-threaded SIMD build)
 * Under Node the threaded build needs three patches, applied only while the backend starts:
 *   - its pthread workers are started from blob: URLs, which worker_threads refuses: Blob and
 *     URL.createObjectURL are patched to write the scripts to temporary files instead (the
 *     main script with the rollup bundle's require$$N / commonjsGlobal bindings it expects);
 *   - it caps XNNPACK's pool at os.cpus().length / 2 threads (1 on a 2-core machine):
 *     os.cpus is patched to report twice the threads asked for.
 * See bench/README.md for what it measured.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultWasmDir } from '../src/core/backend';

const MAIN_SCRIPT = 'var WasmBackendModuleThreadedSimd';
const BUNDLE_BINDINGS = "var require$$0=require('fs'),require$$1=require('path'),require$$3=require('perf_hooks'),require$$4=require('os'),commonjsGlobal=globalThis;";

/** Runs `start` with the patches that let the threaded build start its workers under Node. */
async function withThreadPatches(threads: number, start: () => Promise<boolean>): Promise<boolean> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tfjs-wasm-threads-'));
  const mainScript = path.join(dir, 'main.js');
  const saved = { Blob: globalThis.Blob, createObjectURL: URL.createObjectURL.bind(URL), cpus: os.cpus };
  class FileBlob extends saved.Blob {
    readonly source: string;
    constructor(parts: string[], options?: ConstructorParameters<typeof Blob>[1]) {
      super(parts, options);
      this.source = parts.join('');
      if (this.source.startsWith(MAIN_SCRIPT)) writeFileSync(mainScript, BUNDLE_BINDINGS + this.source);
    }
  }
  globalThis.Blob = FileBlob;
  URL.createObjectURL = (blob: Blob) => {
    if (!(blob instanceof FileBlob)) return saved.createObjectURL(blob);
    const worker = path.join(dir, 'worker.js');
    writeFileSync(worker, `URL.createObjectURL=()=>${JSON.stringify(mainScript)};URL.revokeObjectURL=()=>{};${blob.source}`);
    return worker;
  };
  const cpu = os.cpus()[0];
  os.cpus = () => Array.from({ length: 2 * threads }, () => cpu);
  try {
    return await start();
  } finally {
    globalThis.Blob = saved.Blob;
    URL.createObjectURL = saved.createObjectURL;
    os.cpus = saved.cpus;
  }
}

async function main(): Promise<void> {
  const threads = Number(process.argv[2] ?? 2);
  setWasmPaths(`${defaultWasmDir(__dirname)}/`);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads > 1);
  setThreadsCount(threads);
  const started = await withThreadPatches(threads, () => tf.setBackend('wasm'));
  if (!started) throw new Error('the wasm backend did not start');
  console.log(`wasm, ${getThreadsCount()} XNNPACK thread(s)`);
  for (const [m, k, n] of [[512, 512, 512], [64, 512, 512], [64, 256, 1024], [64, 64, 256]]) {
    const [a, b] = [tf.randomNormal([m, k]), tf.randomNormal([k, n])];
    const times = Array.from({ length: 15 }, () => {
      const start = performance.now();
      tf.matMul(a, b).dispose();
      return performance.now() - start;
    }).sort((x, y) => x - y);
    console.log(`${m}x${k}x${n}: ${((2 * m * k * n) / times[7] / 1e6).toFixed(1)} GFLOP/s`);
    tf.dispose([a, b]);
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
