import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';

/** The element-wise non-linearities of the notes. */
export const ActivationNameSchema = z.enum(['linear', 'relu', 'leakyRelu', 'tanh', 'sigmoid']);
export type ActivationName = z.infer<typeof ActivationNameSchema>;

export const ACTIVATION_FORMULAS: Record<ActivationName, string> = {
  linear: 'g(z) = z',
  relu: 'g(z) = \\max(0, z)',
  leakyRelu: 'g(z) = \\max(\\alpha z, z)',
  tanh: 'g(z) = \\tanh(z)',
  sigmoid: 'g(z) = \\sigma(z) = \\frac{1}{1 + e^{-z}}',
};

/** g(z), element-wise. [m, n] → [m, n]. */
export function applyActivation<T extends tf.Tensor>(name: ActivationName, z: T, alpha: number): T {
  switch (name) {
    case 'linear':
      return z;
    case 'relu':
      return tf.relu(z);
    case 'leakyRelu':
      return tf.leakyRelu(z, alpha);
    case 'tanh':
      return tf.tanh(z);
    case 'sigmoid':
      return tf.sigmoid(z);
  }
}

/** The stock tf.js layer computing the same function, for exported models. */
export function activationLayer(name: ActivationName, alpha: number): tf.layers.Layer | null {
  if (name === 'linear') return null;
  if (name === 'leakyRelu') return tf.layers.leakyReLU({ alpha });
  return tf.layers.activation({ activation: name });
}
