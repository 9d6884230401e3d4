import * as tf from '@tensorflow/tfjs';

let created = 0;

/**
 * A variable holding `make()`'s value, without leaking the initial tensor (tf.variable keeps a copy
 * of it; tidy frees the original, never the variable). tf.js names variables globally, so each
 * gets a unique suffix: "dense1/W#12" — two runs of one graph can live side by side.
 */
export function newVariable(make: () => tf.Tensor, trainable: boolean, name: string): tf.Variable {
  created += 1;
  return tf.tidy(() => tf.variable(make(), trainable, `${name}#${created}`));
}
