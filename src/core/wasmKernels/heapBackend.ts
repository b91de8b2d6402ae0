import type * as tf from '@tensorflow/tfjs';

/** A typed array that is a view of (or a copy from) the wasm heap. */
export type HeapArray = Float32Array | Int32Array | Uint8Array;

/**
 * The parts of tfjs-backend-wasm 4.22's `BackendWasm` the kernel fixes use. Tensors live in
 * the wasm heap; a view of it is valid only until the next allocation (the heap may grow and
 * detach its buffer), so views are taken after every output is allocated.
 */
export interface HeapBackend {
  /** Allocates an uninitialised tensor on the heap. */
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  /** A view of the tensor's bytes on the heap (no copy). */
  typedArrayFromHeap(info: tf.TensorInfo): HeapArray;
  /** Releases one reference to the tensor's data. */
  disposeData(dataId: tf.TensorInfo['dataId']): boolean;
}

/** The backend a kernel function receives, seen as the wasm backend. */
export function heapBackend(backend: unknown): HeapBackend {
  return backend as HeapBackend;
}
