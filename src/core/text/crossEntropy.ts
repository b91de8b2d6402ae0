import * as tf from '@tensorflow/tfjs';
import { oneHotFloat } from './oneHot';

/**
 * Softmax cross-entropy of `logits` [batch, steps, V] against the symbol indices `targets`
 * [batch, steps] (int32), averaged over batch and steps like PyTorch's CrossEntropyLoss on
 * the tutorial's flattened [batch * steps, V] output. Returns a scalar >= 0; ln(V) for uniform
 * logits.
 */
export function softmaxCrossEntropy(logits: tf.Tensor, targets: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const vocabularySize = logits.shape[logits.shape.length - 1];
    const logProbabilities = tf.logSoftmax(logits.reshape([-1, vocabularySize]));
    const truth = oneHotFloat(targets.reshape([-1]).toInt(), vocabularySize);
    return tf.neg(tf.mean(tf.sum(tf.mul(truth, logProbabilities), -1))) as tf.Scalar;
  });
}
