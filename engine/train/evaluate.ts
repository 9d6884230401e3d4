import * as tf from '@tensorflow/tfjs';
import { correctCount, exampleLosses } from '../model/losses.js';
import type { Network } from '../model/network.js';
import type { LossFunction } from '../nodes/loss.js';
import type { SplitMetrics } from './events.js';

/** A split held on the device: x [m, n], y as the loss consumes it. */
export interface DeviceSplit {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
  m: number;
  classes: number | null;
}

const CHUNK = 8192;

/**
 * Cost, loss and accuracy of a whole split in evaluation mode, in chunks of 8192 rows so a large
 * split never needs one huge activation tensor. `trainM` is the m of the penalty λ/(2m).
 */
export async function evaluateSplit(
  network: Network,
  fn: LossFunction,
  split: DeviceSplit,
  trainM: number,
): Promise<SplitMetrics> {
  if (split.m === 0) return { cost: Number.NaN, loss: Number.NaN, accuracy: null, m: 0 };
  const sums = tf.tidy(() => {
    let lossSum: tf.Scalar = tf.scalar(0);
    let correct: tf.Scalar | null = split.classes === null ? null : tf.scalar(0);
    for (let start = 0; start < split.m; start += CHUNK) {
      const size = Math.min(CHUNK, split.m - start);
      const x = split.x.slice([start, 0], [size, -1]);
      const y = split.y.slice([start, 0], [size, -1]);
      const logits = network.logits(x, false);
      lossSum = tf.add(lossSum, tf.sum(exampleLosses(fn, logits, y, network.outputActivation))) as tf.Scalar;
      const c = correctCount(logits, y, split.classes, network.outputActivation);
      if (correct && c) correct = tf.add(correct, c) as tf.Scalar;
    }
    const penalty = network.hasPenalty ? network.penalty(trainM) : tf.scalar(0);
    return tf.stack([lossSum, correct ?? tf.scalar(-1), penalty]);
  });
  const [lossSum = 0, correct = -1, penalty = 0] = await sums.data();
  sums.dispose();
  const loss = lossSum / split.m;
  return { cost: loss + penalty, loss, accuracy: correct < 0 ? null : correct / split.m, m: split.m };
}
