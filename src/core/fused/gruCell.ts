import * as tf from '@tensorflow/tfjs';
import { activate, derivativeFromOutput } from './activations';
import type { CellKernels } from './cellKernels';
import type { CellActivations } from './config';
import { sumPresent, previousSteps, previousTimesNext } from './timeSteps';

/** The recurrent kernel's z, r columns [u, 2u] and h columns [u, u]. */
const splitRecurrent = (recurrent: tf.Tensor) => tf.split(recurrent, [2 * recurrent.shape[0], recurrent.shape[0]], 1) as [tf.Tensor, tf.Tensor];

/** One GRU step from the input projections of z, r (xzr [b, 2u]) and h (xh [b, u]). */
function gruStep(
  xzr: tf.Tensor,
  xh: tf.Tensor,
  h: tf.Tensor | null,
  recurrentZr: tf.Tensor,
  recurrentH: tf.Tensor,
  { activation, recurrentActivation }: CellActivations,
): { h: tf.Tensor; s: tf.Tensor; candidate: tf.Tensor; rh: tf.Tensor | null } {
  if (h === null) {
    const s = activate(recurrentActivation, xzr);
    const candidate = activate(activation, xh);
    const z = tf.slice(s, [0, 0], [-1, recurrentH.shape[0]]);
    return { h: tf.sub(candidate, tf.mul(z, candidate)), s, candidate, rh: null };
  }
  const s = activate(recurrentActivation, tf.add(xzr, tf.matMul(h, recurrentZr)));
  const [z, r] = tf.split(s, 2, 1);
  const rh = tf.mul(r, h);
  const candidate = activate(activation, tf.add(xh, tf.matMul(rh, recurrentH)));
  return { h: tf.add(candidate, tf.mul(z, tf.sub(h, candidate))), s, candidate, rh };
}

/**
 * GRU as tfjs-layers 4.22 computes it (reset_after = false), gates in its kernel order z, r, h:
 *   [z, r] = σ(xp_zr + h_{t-1}·U_zr),  ĥ = act(xp_h + (r h_{t-1})·U_h),  h_t = z h_{t-1} + (1 - z) ĥ.
 * Backward, with the factors that do not depend on the incoming gradient precomputed:
 *   dâ = dh (1 - z) act'(ĥ);  d(rh) = dâ·U_hᵀ;  dz = dh (h_{t-1} - ĥ) σ'(z);  dr = d(rh) h_{t-1} σ'(r)
 *   dh_{t-1} = dh z + d(rh) r + [dz, dr]·U_zrᵀ.
 */
export const gruCell: CellKernels = {
  stateSize: 1,

  forward(xp, recurrent, activations) {
    const units = recurrent.shape[0];
    const [recurrentZr, recurrentH] = splitRecurrent(recurrent);
    const [xzr, xh] = tf.split(xp, [2 * units, units], 2);
    const xzrs = tf.unstack(xzr);
    const xhs = tf.unstack(xh);
    const hs: tf.Tensor[] = [];
    const ss: tf.Tensor[] = [];
    const candidates: tf.Tensor[] = [];
    const rhs: tf.Tensor[] = [];
    xzrs.forEach((x, t) => {
      const step = tf.tidy(() => {
        const { h, s, candidate, rh } = gruStep(x, xhs[t], t === 0 ? null : hs[t - 1], recurrentZr, recurrentH, activations);
        return rh === null ? [h, s, candidate] : [h, s, candidate, rh];
      });
      hs.push(step[0]);
      ss.push(step[1]);
      candidates.push(step[2]);
      if (step[3]) rhs.push(step[3]);
    });
    const rhStack = rhs.length > 0 ? [tf.stack(rhs)] : [];
    return { hs, saved: [tf.stack(ss), tf.stack(candidates), ...rhStack] };
  },

  backward(dhs, hiddens, saved, recurrent, { activation, recurrentActivation }) {
    const [gates, candidates, resetHiddens] = saved as [tf.Tensor, tf.Tensor, tf.Tensor | undefined];
    const [time, , units] = hiddens.shape;
    const [recurrentZr, recurrentH] = splitRecurrent(recurrent);
    const [z, r] = tf.split(gates, 2, 2);
    const [dz, dr] = tf.split(derivativeFromOutput(recurrentActivation, gates), 2, 2);
    const previous = previousSteps(hiddens);
    const toUpdate = tf.unstack(tf.mul(tf.sub(previous, candidates), dz));
    const toCandidate = tf.unstack(tf.mul(tf.sub(1, z), derivativeFromOutput(activation, candidates)));
    const toReset = tf.unstack(tf.mul(previous, dr));
    const zs = tf.unstack(z);
    const rs = tf.unstack(r);
    const recurrentZrT = tf.transpose(recurrentZr);
    const recurrentHT = tf.transpose(recurrentH);
    const dzrs = new Array<tf.Tensor>(time);
    const dcandidates = new Array<tf.Tensor>(time);
    let dhRecurrent: tf.Tensor | null = null;
    for (let t = time - 1; t >= 0; t--) {
      const dh = sumPresent(dhs[t], dhRecurrent);
      dcandidates[t] = tf.mul(dh, toCandidate[t]);
      const drh = tf.matMul(dcandidates[t], recurrentHT);
      dzrs[t] = tf.concat([tf.mul(dh, toUpdate[t]), tf.mul(drh, toReset[t])], 1);
      dhRecurrent = t > 0 ? tf.add(tf.add(tf.mul(dh, zs[t]), tf.mul(drh, rs[t])), tf.matMul(dzrs[t], recurrentZrT)) : null;
    }
    const dzr = tf.stack(dzrs);
    const dcandidate = tf.stack(dcandidates);
    const dRecurrentH =
      resetHiddens === undefined
        ? tf.zeros(recurrentH.shape)
        : tf.matMul(tf.reshape(resetHiddens, [-1, units]), tf.reshape(tf.slice(dcandidate, [1, 0, 0]), [-1, units]), true, false);
    return {
      dxp: tf.concat([dzr, dcandidate], 2),
      dRecurrent: tf.concat([previousTimesNext(hiddens, dzr), dRecurrentH], 1),
    };
  },

  step(xp, [h], recurrent, activations) {
    const units = recurrent.shape[0];
    const [recurrentZr, recurrentH] = splitRecurrent(recurrent);
    const [xzr, xh] = tf.split(xp, [2 * units, units], 1);
    return [gruStep(xzr, xh, h, recurrentZr, recurrentH, activations).h];
  },
};
