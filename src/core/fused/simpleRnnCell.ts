import * as tf from '@tensorflow/tfjs';
import { activate, derivativeFromOutput } from './activations';
import type { CellKernels } from './cellKernels';
import { sumPresent, previousTimesNext } from './timeSteps';

/** h_t = act(xp_t + h_{t-1}·U): SimpleRNN as tfjs-layers computes it. */
export const simpleRnnCell: CellKernels = {
  stateSize: 1,

  forward(xp, recurrent, { activation }) {
    const xs = tf.unstack(xp);
    const hs: tf.Tensor[] = [];
    xs.forEach((x, t) => {
      hs.push(tf.tidy(() => activate(activation, t === 0 ? x : tf.add(x, tf.matMul(hs[t - 1], recurrent)))));
    });
    return { hs, saved: [] };
  },

  backward(dhs, hiddens, _saved, recurrent, { activation }) {
    const time = hiddens.shape[0];
    const slopes = tf.unstack(derivativeFromOutput(activation, hiddens));
    const recurrentT = tf.transpose(recurrent);
    const dzs = new Array<tf.Tensor>(time);
    let dhRecurrent: tf.Tensor | null = null;
    for (let t = time - 1; t >= 0; t--) {
      const dh = sumPresent(dhs[t], dhRecurrent);
      dzs[t] = tf.mul(dh, slopes[t]);
      dhRecurrent = t > 0 ? tf.matMul(dzs[t], recurrentT) : null;
    }
    const dxp = tf.stack(dzs);
    return { dxp, dRecurrent: previousTimesNext(hiddens, dxp) };
  },

  step(xp, [h], recurrent, { activation }) {
    return [activate(activation, tf.add(xp, tf.matMul(h, recurrent)))];
  },
};
