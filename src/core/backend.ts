import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BackendChoice, BackendStatus } from './backendChoice';
import { installWasmKernelFixes } from './wasmKernels/install';

/** The wasm binary every tfjs-backend-wasm build needs (the SIMD one sits next to it). */
const WASM_FILE = 'tfjs-backend-wasm.wasm';

/** A native TensorFlow binding, loaded at run time only when installed. */
interface NativePackage {
  /** The name the user sees. */
  name: 'tensorflow-gpu' | 'tensorflow';
  module: string;
}

const NATIVE: Record<'tensorflow-gpu' | 'tensorflow', NativePackage> = {
  'tensorflow-gpu': { name: 'tensorflow-gpu', module: '@tensorflow/tfjs-node-gpu' },
  tensorflow: { name: 'tensorflow', module: '@tensorflow/tfjs-node' },
};

/**
 * Loads a package by a computed name, so bundlers leave it out: the native bindings are
 * optional and installed by the user. tfjs-core keeps its engine and kernel registry on the
 * global object, so the binding registers its 'tensorflow' backend into the engine we use.
 */
const requireAtRunTime: (name: string) => unknown = createRequire(__filename);

/** First line of an error's message: enough to say why, short enough for a status line. */
function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/** Makes `name` the active backend, or throws why it cannot be. */
async function activate(name: string): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`TensorFlow.js could not initialise its '${name}' backend.`);
  await tf.ready();
}

async function activateNative(native: NativePackage): Promise<void> {
  requireAtRunTime(native.module);
  await activate('tensorflow');
}

/**
 * The wasm backend, single-threaded (tfjs-backend-wasm's threads do not work under Node),
 * with its binaries read from `wasmDir`, and the kernel fixes that make it fast for
 * recurrent training (see installWasmKernelFixes).
 */
async function activateWasm(wasmDir: string): Promise<void> {
  if (!existsSync(path.join(wasmDir, WASM_FILE))) throw new Error(`${WASM_FILE} is not in ${wasmDir}.`);
  if (!tf.findBackend('wasm')) {
    setWasmPaths(wasmDir.endsWith(path.sep) || wasmDir.endsWith('/') ? wasmDir : `${wasmDir}/`);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }
  await activate('wasm');
  installWasmKernelFixes();
}

/** wasm, else the pure-JavaScript 'cpu' backend with `reason` saying why. */
async function wasmOrCpu(requested: BackendChoice, wasmDir: string, reason?: string): Promise<BackendStatus> {
  try {
    await activateWasm(wasmDir);
    return reason === undefined ? { name: 'wasm', requested } : { name: 'wasm', requested, fallbackReason: reason };
  } catch (error) {
    await activate('cpu');
    const why = `wasm failed: ${firstLine(error)}`;
    return { name: 'cpu', requested, fallbackReason: `${reason ? `${reason} ` : ''}${why}; using the slower cpu backend.` };
  }
}

/**
 * Starts the TensorFlow.js backend the user asked for and says which one runs:
 *   'auto'            tfjs-node-gpu, else tfjs-node, else wasm (each native one if installed)
 *   'tensorflow(-gpu)' that native binding, else wasm, with `fallbackReason` saying why
 *   'wasm'            wasm; 'cpu' the pure-JavaScript backend
 * Whenever wasm cannot start, 'cpu' runs and `fallbackReason` says why.
 * @param wasmDir Folder holding tfjs-backend-wasm's .wasm files (see defaultWasmDir).
 */
export async function initBackend(requested: BackendChoice, wasmDir: string): Promise<BackendStatus> {
  switch (requested) {
    case 'cpu':
      await activate('cpu');
      return { name: 'cpu', requested };
    case 'wasm':
      return wasmOrCpu(requested, wasmDir);
    case 'tensorflow':
    case 'tensorflow-gpu': {
      const native = NATIVE[requested];
      try {
        await activateNative(native);
        return { name: native.name, requested };
      } catch (error) {
        return wasmOrCpu(requested, wasmDir, `${native.module} could not load (${firstLine(error)}); using wasm instead.`);
      }
    }
    case 'auto':
      for (const native of [NATIVE['tensorflow-gpu'], NATIVE.tensorflow]) {
        try {
          await activateNative(native);
          return { name: native.name, requested };
        } catch {
          // Not installed or not loadable here: try the next one.
        }
      }
      return wasmOrCpu(requested, wasmDir);
  }
}

/**
 * The folder with tfjs-backend-wasm's .wasm files: `fromDir` itself when they sit next to
 * the bundle (dist/, where esbuild.mjs copies them), else the package's dist/ in the
 * nearest node_modules above `fromDir`; `fromDir` when neither has them (initBackend then
 * says the file is missing).
 */
export function defaultWasmDir(fromDir: string): string {
  if (existsSync(path.join(fromDir, WASM_FILE))) return fromDir;
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
    if (existsSync(path.join(candidate, WASM_FILE))) return candidate;
    if (path.dirname(dir) === dir) return fromDir;
  }
}
