/**
 * The orthogonal initializer of the recurrent kernels, fast at every size. tfjs-layers'
 * own (`tf.initializers.orthogonal`, Keras') takes the QR decomposition of a seeded Gaussian
 * matrix one Householder step at a time in small tensor ops: 4 s for an LSTM of 256 units,
 * minutes for one of 1024 ([1024, 4096]), while nothing can cancel it. Its result, Q with the
 * signs of R's diagonal, is the Gram–Schmidt orthonormalisation of the Gaussian's columns, so
 * this one computes that from the same seeded Gaussian: the vectors in panels of PANEL, each
 * panel's projections onto the vectors done so far taken off as two matMuls, twice (CGS2:
 * orthogonal to float32 rounding), then the panel's own vectors by modified Gram–Schmidt in
 * float64. Up to EXACT_ELEMENTS it is tfjs' own, bit for bit (every model the defaults and
 * the tutorial build is as before); above, the same matrix to float32 rounding, in seconds.
 *
 * It is registered as tfjs' 'Orthogonal' (same class name, same config: gain and seed), so a
 * saved model.json stays standard and loading one, which runs the initializers before the
 * saved weights replace them, is fast too.
 */
import * as tf from '@tensorflow/tfjs';

/** Elements (rows × columns) up to which tfjs' own QR runs: about half a second on wasm. */
const EXACT_ELEMENTS = 65_536;
/** Vectors orthonormalised together, their projections onto the earlier ones as matMuls. */
const PANEL = 64;

type Initializer = ReturnType<typeof tf.initializers.orthogonal>;
interface OrthogonalArgs {
  gain?: number;
  seed?: number;
}
/** tfjs-layers' Initializer class (not exported; its instances are): what a layer takes as an initializer. */
const InitializerBase = Object.getPrototypeOf(tf.initializers.orthogonal({}).constructor) as abstract new () => Initializer;

/** The square norm of `vector`. */
function squareNorm(vector: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i] * vector[i];
  return sum;
}

/**
 * Takes the rows `from`..`to` of `rows` ([count, length], row-major) off each other by
 * modified Gram–Schmidt in float64, a second pass where the first took off more than half a
 * row's square norm ("twice is enough"), and normalises them.
 */
function orthonormalisePanel(rows: Float32Array, length: number, from: number, to: number): void {
  const vector = new Float64Array(length);
  for (let r = from; r < to; r++) {
    for (let i = 0; i < length; i++) vector[i] = rows[r * length + i];
    let before = squareNorm(vector);
    for (let pass = 0; pass < 2; pass++) {
      for (let s = from; s < r; s++) {
        const offset = s * length;
        let dot = 0;
        for (let i = 0; i < length; i++) dot += vector[i] * rows[offset + i];
        for (let i = 0; i < length; i++) vector[i] -= dot * rows[offset + i];
      }
      const after = squareNorm(vector);
      if (after >= before / 2) break;
      before = after;
    }
    const scale = 1 / Math.sqrt(squareNorm(vector));
    for (let i = 0; i < length; i++) rows[r * length + i] = vector[i] * scale;
  }
}

/**
 * The rows of `vectors` ([count, length], count <= length, row-major) orthonormalised in
 * order, in place: row r is row r of the input less its projections onto the rows before it,
 * normalised (Gram–Schmidt, as QR with R's diagonal positive).
 */
function orthonormaliseRows(vectors: Float32Array, count: number, length: number): void {
  for (let from = 0; from < count; from += PANEL) {
    const to = Math.min(count, from + PANEL);
    if (from > 0) {
      const done = tf.tensor2d(vectors.subarray(0, from * length), [from, length]);
      // A second pass only where the first took off more than half a row's square norm ("twice is enough").
      for (let pass = 0; pass < 2 && projectOut(vectors, length, from, to, done) < 0.5; pass++);
      done.dispose();
    }
    orthonormalisePanel(vectors, length, from, to);
  }
}

/** Takes the rows `from`..`to` of `vectors` off the orthonormal rows `done` ([from, length]) in place; the smallest share of a row's square norm left. */
function projectOut(vectors: Float32Array, length: number, from: number, to: number, done: tf.Tensor2D): number {
  const rows = vectors.subarray(from * length, to * length);
  const before = squareNorms(rows, length);
  const projected = tf.tidy(() => {
    const panel = tf.tensor2d(rows, [to - from, length]);
    return tf.sub(panel, tf.matMul(tf.matMul(panel, done, false, true), done));
  });
  rows.set(projected.dataSync());
  projected.dispose();
  const after = squareNorms(rows, length);
  return Math.min(...after.map((norm, r) => norm / before[r]));
}

/** The square norm of each row of `rows` ([count, length]). */
function squareNorms(rows: Float32Array, length: number): Float64Array {
  const norms = new Float64Array(rows.length / length);
  for (let r = 0; r < norms.length; r++) norms[r] = squareNorm(Float64Array.from(rows.subarray(r * length, (r + 1) * length)));
  return norms;
}

/** tfjs' Orthogonal (see the module comment), fast above EXACT_ELEMENTS. */
class FastOrthogonal extends InitializerBase {
  static readonly className = 'Orthogonal';
  private readonly args: { gain: number; seed?: number };

  constructor(args: OrthogonalArgs = {}) {
    super();
    this.args = { gain: args.gain ?? 1, ...(args.seed === undefined ? {} : { seed: args.seed }) };
  }

  /** A model.json's initializer config made into one (tfjs' deserialisation calls it). */
  static fromConfig<T extends tf.serialization.Serializable>(cls: tf.serialization.SerializableConstructor<T>, config: tf.serialization.ConfigDict): T {
    return new cls(config);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...this.args };
  }

  apply(shape: number[], dtype?: tf.DataType): tf.Tensor {
    const rows = shape.slice(0, -1).reduce((product, size) => product * size, 1);
    const columns = shape[shape.length - 1];
    if (rows * columns <= EXACT_ELEMENTS || shape.length < 2) return tf.initializers.orthogonal(this.args).apply(shape, dtype);
    // tfjs' Gaussian, [max, min]: its columns become the orthonormal vectors.
    const [length, count] = [Math.max(rows, columns), Math.min(rows, columns)];
    const gaussian = tf.tidy(() => tf.randomNormal([length, count], 0, 1, 'float32', this.args.seed).transpose());
    const vectors = Float32Array.from(gaussian.dataSync());
    gaussian.dispose();
    orthonormaliseRows(vectors, count, length);
    return tf.tidy(() => {
      const q = tf.tensor2d(vectors, [count, length]);
      return tf.mul(rows < columns ? q : q.transpose(), this.args.gain).reshape(shape);
    });
  }
}
tf.serialization.registerClass(FastOrthogonal);

/** A seeded orthogonal initializer for a recurrent kernel (tfjs' `orthogonal`, fast for large kernels). */
export function orthogonal(seed: number): Initializer {
  return new FastOrthogonal({ seed });
}
