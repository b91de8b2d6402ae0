import * as tf from '@tensorflow/tfjs';
import { activate, derivativeFromOutput } from './activations';
import type { CellKernels } from './cellKernels';
import type { CellActivations } from './config';
import { sumPresent, previousSteps, previousTimesNext } from './timeSteps';

/** One LSTM step and the gate values its backward pass needs: s = gates(z) [b, 4u], g = act(z_c). */
function lstmStep(
  xp: tf.Tensor,
  h: tf.Tensor | null,
  c: tf.Tensor | null,
  recurrent: tf.Tensor,
  { activation, recurrentActivation }: CellActivations,
): { h: tf.Tensor; c: tf.Tensor; s: tf.Tensor; g: tf.Tensor } {
  const units = recurrent.shape[0];
  const z = h === null ? xp : tf.add(xp, tf.matMul(h, recurrent));
  const s = activate(recurrentActivation, z);
  const [i, f, , o] = tf.split(s, 4, 1);
  const g = activate(activation, tf.slice(z, [0, 2 * units], [-1, units]));
  const cNew = c === null ? tf.mul(i, g) : tf.add(tf.mul(f, c), tf.mul(i, g));
  return { h: tf.mul(o, activate(activation, cNew)), c: cNew, s, g };
}

/**
 * Whether a step can take its candidate from the gates' sigmoid: with tanh candidates and
 * sigmoid gates on wasm, where tanh is computed as 2 sigmoid(2x) - 1 anyway (activations.ts),
 * doubling the candidate's columns of the projections once per sequence lets one sigmoid
 * over all four gates give it too: 4 kernels fewer per step.
 */
function sharedSigmoid({ activation, recurrentActivation }: CellActivations): boolean {
  return activation === 'tanh' && recurrentActivation === 'sigmoid' && tf.getBackend() === 'wasm';
}

/** [4u]: 1 for the i, f and o columns, 2 for the candidate's. */
function candidateScale(units: number): tf.Tensor1D {
  return tf.tidy(() => tf.concat<tf.Tensor1D>([tf.ones([2 * units]), tf.fill([units], 2), tf.ones([units])]));
}

/**
 * lstmStep for sharedSigmoid, on projections whose candidate columns are doubled:
 * s = σ(z) holds σ(2 z_c) in its candidate block, and ĉ = tanh(z_c) = 2 σ(2 z_c) - 1. The
 * backward pass reads only the i, f and o blocks of s (and ĉ), so it is unchanged.
 */
function lstmStepSharedSigmoid(
  xp: tf.Tensor,
  h: tf.Tensor | null,
  c: tf.Tensor | null,
  recurrentScaled: tf.Tensor,
): { h: tf.Tensor; c: tf.Tensor; s: tf.Tensor; g: tf.Tensor } {
  const z = h === null ? xp : tf.add(xp, tf.matMul(h, recurrentScaled));
  const s = tf.sigmoid(z);
  const [i, f, sc, o] = tf.split(s, 4, 1);
  const g = tf.sub(tf.mul(sc, 2), 1);
  const cNew = c === null ? tf.mul(i, g) : tf.add(tf.mul(f, c), tf.mul(i, g));
  return { h: tf.mul(o, activate('tanh', cNew)), c: cNew, s, g };
}

/**
 * LSTM as tfjs-layers computes it, gates in its kernel order i, f, c, o:
 *   [i, f, ĉ, o] = [σ, σ, act, σ](xp_t + h_{t-1}·U),  c_t = f c_{t-1} + i ĉ,  h_t = o act(c_t)
 * (σ the recurrent activation). The backward pass precomputes every factor that does not
 * depend on the incoming gradient over all steps at once, so a step costs 7 small kernels:
 *   dc = dc_{t+1} + dh·o·act'(c_t);  dz_t = [dc, dc, dc, dh] ⊙ [ĉσ'(i), c_{t-1}σ'(f), i act'(ĉ), act(c_t)σ'(o)]
 *   dh_{t-1} = dz_t·Uᵀ;  dc_t -> dc·f.
 */
export const lstmCell: CellKernels = {
  stateSize: 2,

  forward(xp, recurrent, activations) {
    const hs: tf.Tensor[] = [];
    const cs: tf.Tensor[] = [];
    const ss: tf.Tensor[] = [];
    const gs: tf.Tensor[] = [];
    const shared = sharedSigmoid(activations);
    const scale = shared ? candidateScale(recurrent.shape[0]) : null;
    const inputs = scale ? tf.mul(xp, scale) : xp;
    const recurrentScaled = scale ? tf.mul(recurrent, scale) : recurrent;
    (tf.unstack(inputs)).forEach((x, t) => {
      const step = tf.tidy(() => {
        const previous = t === 0 ? null : hs[t - 1];
        const { h, c, s, g } = shared
          ? lstmStepSharedSigmoid(x, previous, t === 0 ? null : cs[t - 1], recurrentScaled)
          : lstmStep(x, previous, t === 0 ? null : cs[t - 1], recurrent, activations);
        return [h, c, s, g];
      });
      hs.push(step[0]);
      cs.push(step[1]);
      ss.push(step[2]);
      gs.push(step[3]);
    });
    if (scale) tf.dispose([scale, inputs, recurrentScaled]);
    return { hs, saved: [tf.stack(cs), tf.stack(ss), tf.stack(gs)] };
  },

  backward(dhs, hiddens, saved, recurrent, { activation, recurrentActivation }) {
    const [cells, gates, candidates] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
    const time = hiddens.shape[0];
    const [i, f, , o] = tf.split(gates, 4, 2);
    const [di, df, , dO] = tf.split(derivativeFromOutput(recurrentActivation, gates), 4, 2);
    const cellOut = activate(activation, cells);
    const toCell = tf.unstack(tf.mul(o, derivativeFromOutput(activation, cellOut)));
    const factors = tf.unstack(
      tf.concat(
        [
          tf.mul(candidates, di),
          tf.mul(previousSteps(cells), df),
          tf.mul(i, derivativeFromOutput(activation, candidates)),
          tf.mul(cellOut, dO),
        ],
        2,
      ),
    );
    const forgets = tf.unstack(f);
    const recurrentT = tf.transpose(recurrent);
    const dzs = new Array<tf.Tensor>(time);
    let dhRecurrent: tf.Tensor | null = null;
    let dcNext: tf.Tensor | null = null;
    for (let t = time - 1; t >= 0; t--) {
      const dh = sumPresent(dhs[t], dhRecurrent);
      const dc = sumPresent(tf.mul(dh, toCell[t]), dcNext);
      dzs[t] = tf.mul(tf.concat([dc, dc, dc, dh], 1), factors[t]);
      dhRecurrent = t > 0 ? tf.matMul(dzs[t], recurrentT) : null;
      dcNext = t > 0 ? tf.mul(dc, forgets[t]) : null;
    }
    const dxp = tf.stack(dzs);
    return { dxp, dRecurrent: previousTimesNext(hiddens, dxp) };
  },

  step(xp, [h, c], recurrent, activations) {
    const next = lstmStep(xp, h, c, recurrent, activations);
    return [next.h, next.c];
  },
};
