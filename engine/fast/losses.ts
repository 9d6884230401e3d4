import type { OutputActivation } from '../model/losses.js';
import type { LossFunction } from '../nodes/loss.js';
import { sigmoid } from './activations.js';

/**
 * The three losses of the spec on flat float32 rows, as model/losses.ts computes them with tf.js:
 * from the output layer's logits z (its sigmoid or softmax left to the loss, for stability) and the
 * label rows y (labelMatrix), [rows, c] each.
 */

/**
 * Mean loss over the rows; dz := ∂(mean loss)/∂z. With MSE through softmax, y's rows are overwritten
 * with ŷ (the batch's labels are not needed after this).
 */
export function lossAndGradient(
  fn: LossFunction,
  activation: OutputActivation,
  z: Float32Array,
  y: Float32Array,
  rows: number,
  c: number,
  dz: Float32Array,
): number {
  const inv = 1 / rows;
  switch (fn) {
    case 'binaryCrossEntropy':
      return binaryCrossEntropy(z, y, rows * c, inv, dz) * inv;
    case 'categoricalCrossEntropy':
      return categoricalCrossEntropy(z, y, rows, c, inv, dz) * inv;
    case 'meanSquaredError':
      return meanSquaredError(activation, z, y, rows, c, inv, dz) * inv;
  }
}

/** Σ max(z, 0) − z·y + log(1 + e^−|z|), the stable −y log σ(z) − (1 − y) log(1 − σ(z)). */
function binaryCrossEntropy(
  z: Float32Array,
  y: Float32Array,
  n: number,
  inv: number,
  dz: Float32Array,
): number {
  let total = 0;
  for (let e = 0; e < n; e++) {
    const v = z[e] as number;
    const t = y[e] as number;
    total += Math.max(v, 0) - v * t + Math.log1p(Math.exp(-Math.abs(v)));
    dz[e] = (sigmoid(v) - t) * inv;
  }
  return total;
}

/** Σ_rows −Σ_j y_j (z_j − logsumexp z). */
function categoricalCrossEntropy(
  z: Float32Array,
  y: Float32Array,
  rows: number,
  c: number,
  inv: number,
  dz: Float32Array,
): number {
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const o = i * c;
    let max = -Infinity;
    for (let j = 0; j < c; j++) max = Math.max(max, z[o + j] as number);
    let sum = 0;
    for (let j = 0; j < c; j++) sum += Math.exp((z[o + j] as number) - max);
    const lse = max + Math.log(sum);
    let ySum = 0;
    for (let j = 0; j < c; j++) {
      const t = y[o + j] as number;
      ySum += t;
      total -= t * ((z[o + j] as number) - lse);
    }
    for (let j = 0; j < c; j++) {
      dz[o + j] = (ySum * Math.exp((z[o + j] as number) - lse) - (y[o + j] as number)) * inv;
    }
  }
  return total;
}

/** Σ_rows mean_j (ŷ_j − y_j)², ŷ = σ(z), softmax(z) or z. */
function meanSquaredError(
  activation: OutputActivation,
  z: Float32Array,
  y: Float32Array,
  rows: number,
  c: number,
  inv: number,
  dz: Float32Array,
): number {
  const scale = (2 / c) * inv;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const o = i * c;
    let max = -Infinity;
    let sum = 0;
    if (activation === 'softmax') {
      for (let j = 0; j < c; j++) max = Math.max(max, z[o + j] as number);
      for (let j = 0; j < c; j++) sum += Math.exp((z[o + j] as number) - max);
    }
    let row = 0;
    let dot = 0;
    for (let j = 0; j < c; j++) {
      const v = z[o + j] as number;
      const yHat =
        activation === 'sigmoid' ? sigmoid(v) : activation === 'softmax' ? Math.exp(v - max) / sum : v;
      const d = yHat - (y[o + j] as number);
      row += d * d;
      const dYHat = d * scale;
      // dz holds ∂J/∂ŷ until the softmax is applied below.
      dz[o + j] = activation === 'sigmoid' ? dYHat * yHat * (1 - yHat) : dYHat;
      if (activation === 'softmax') {
        dot += dYHat * yHat;
        y[o + j] = yHat;
      }
    }
    if (activation === 'softmax') {
      for (let j = 0; j < c; j++) dz[o + j] = (y[o + j] as number) * ((dz[o + j] as number) - dot);
    }
    total += row / c;
  }
  return total;
}

/** Index of the first largest of a[o .. o+n), as tf.argMax. */
function argMax(a: Float32Array, o: number, n: number): number {
  let best = 0;
  for (let j = 1; j < n; j++) if ((a[o + j] as number) > (a[o + best] as number)) best = j;
  return best;
}

/**
 * Rows whose prediction matches the label, as model/losses' correctCount: one column → z > 0 (σ) or
 * ŷ > 0.5 against the 0/1 label; several → arg-max of the logits against arg-max of the one-hot label.
 */
export function correctIn(
  activation: OutputActivation,
  logits: Float32Array,
  y: Float32Array,
  rows: number,
  c: number,
): number {
  let correct = 0;
  if (c === 1) {
    const threshold = activation === 'sigmoid' ? 0 : 0.5; // σ(z) > 0.5 ⇔ z > 0
    for (let i = 0; i < rows; i++) if (((logits[i] as number) > threshold ? 1 : 0) === y[i]) correct++;
    return correct;
  }
  for (let i = 0; i < rows; i++) {
    const o = i * c;
    if (argMax(logits, o, c) === argMax(y, o, c)) correct++;
  }
  return correct;
}
