import type { HeapArray } from './heapBackend';

/** Runs shorter than this are copied element by element: a subarray view costs more. */
const SHORT_RUN = 64;

/**
 * Copies the box `begin .. begin + size` of the row-major array `source` (of `shape`) into
 * `target`, row-major with shape `size`. The axes after the innermost one the box does not
 * cover fully are copied as one contiguous run, so a slice along the first axis is a single
 * copy; short runs (the columns of a small matrix) element by element. Numerically identical
 * to any other copy.
 */
export function copyBox(
  source: HeapArray,
  shape: readonly number[],
  begin: readonly number[],
  size: readonly number[],
  target: HeapArray,
): void {
  const rank = shape.length;
  if (rank === 0) {
    target.set(source.subarray(0, 1));
    return;
  }
  const strides = new Array<number>(rank);
  strides[rank - 1] = 1;
  for (let axis = rank - 2; axis >= 0; axis--) strides[axis] = strides[axis + 1] * shape[axis + 1];
  let inner = rank - 1;
  while (inner > 0 && size[inner] === shape[inner]) inner--;
  const run = size[inner] * strides[inner];
  let runs = 1;
  for (let axis = 0; axis < inner; axis++) runs *= size[axis];
  const index = new Array<number>(inner).fill(0);
  let targetOffset = 0;
  for (let r = 0; r < runs; r++) {
    let sourceOffset = begin[inner] * strides[inner];
    for (let axis = 0; axis < inner; axis++) sourceOffset += (begin[axis] + index[axis]) * strides[axis];
    if (run < SHORT_RUN) {
      for (let i = 0; i < run; i++) target[targetOffset + i] = source[sourceOffset + i];
    } else {
      target.set(source.subarray(sourceOffset, sourceOffset + run), targetOffset);
    }
    targetOffset += run;
    for (let axis = inner - 1; axis >= 0; axis--) {
      if (++index[axis] < size[axis]) break;
      index[axis] = 0;
    }
  }
}
