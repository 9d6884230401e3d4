import * as tf from '@tensorflow/tfjs';
import type { LabeledData } from '../data/types.js';
import type { LossFunction } from '../nodes/loss.js';

export type OutputActivation = 'sigmoid' | 'softmax' | null;

/**
 * The labels as the loss consumes them: binary cross-entropy [m, 1] of 0/1; categorical
 * cross-entropy [m, C] one-hot; mean squared error the regression targets [m, k], or the class
 * labels as [m, 1] (two classes) or one-hot [m, C].
 */
export function labelMatrix(fn: LossFunction, data: LabeledData): { values: Float32Array; columns: number } {
  const { m, y, classes } = data;
  if (classes === null) return { values: y, columns: data.targets };
  const oneHot = fn === 'categoricalCrossEntropy' || (fn === 'meanSquaredError' && classes > 2);
  if (!oneHot) return { values: y, columns: 1 };
  const values = new Float32Array(m * classes);
  for (let i = 0; i < m; i++) values[i * classes + (y[i] as number)] = 1;
  return { values, columns: classes };
}

/**
 * Per-example loss L(ŷ, y) from the logits z of the output layer, computed stably:
 * binary cross-entropy as max(z, 0) − z·y + log(1 + e^{−|z|}) (never log 0), categorical
 * cross-entropy as −Σ y·(z − logsumexp z) (no overflow for large z). [m, n] → [m].
 */
export function exampleLosses(
  fn: LossFunction,
  logits: tf.Tensor2D,
  y: tf.Tensor2D,
  activation: OutputActivation,
): tf.Tensor1D {
  return tf.tidy(() => {
    switch (fn) {
      case 'binaryCrossEntropy': {
        const z = logits;
        const loss = tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
        return tf.sum(loss, 1) as tf.Tensor1D;
      }
      case 'categoricalCrossEntropy':
        return tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(logits)), 1)) as tf.Tensor1D;
      case 'meanSquaredError': {
        const yHat = applyOutputActivation(logits, activation);
        return tf.mean(tf.square(tf.sub(yHat, y)), 1) as tf.Tensor1D;
      }
    }
  });
}

/** ŷ from the logits: sigmoid, softmax or nothing. */
export function applyOutputActivation(logits: tf.Tensor2D, activation: OutputActivation): tf.Tensor2D {
  if (activation === 'sigmoid') return tf.sigmoid(logits);
  if (activation === 'softmax') return tf.softmax(logits);
  return logits;
}

/**
 * Number of correctly classified examples ("hardmax" for several classes, ŷ > 0.5 for one output),
 * or null for regression. Logits: [m, n]; y as from labelMatrix.
 */
export function correctCount(
  logits: tf.Tensor2D,
  y: tf.Tensor2D,
  classes: number | null,
  activation: OutputActivation,
): tf.Scalar | null {
  if (classes === null) return null;
  return tf.tidy(() => {
    if (logits.shape[1] === 1) {
      const threshold = activation === 'sigmoid' ? 0 : 0.5; // σ(z) > 0.5 ⇔ z > 0
      const predicted = tf.cast(tf.greater(logits, threshold), 'float32');
      return tf.sum(tf.cast(tf.equal(predicted, y), 'float32')) as tf.Scalar;
    }
    return tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(y, 1)), 'float32')) as tf.Scalar;
  });
}
