import { sigmoid } from '../nodes/activation/reference-math.js';
import type { LossFunction } from '../nodes/loss.js';
import { softmaxRule } from '../nodes/softmax/reference-math.js';
import { type Matrix, zeros } from './matrix.js';
import { accumulator } from './sum.js';

/** The network's output as a loss reads it: ŷ, and z before the output non-linearity. */
export interface NetworkOutput {
  /** ŷ = a[L], [m_b, k]. */
  yHat: Matrix;
  /** z[L], the output layer's value before its sigmoid or softmax (ŷ itself when it has neither). */
  logits: Matrix;
  /** The output non-linearity the logits go through. */
  activation: 'sigmoid' | 'softmax' | null;
}

/**
 * A loss L(ŷ, y) and the start of backpropagation. The cost is the mean over the batch,
 * J = (1/m_b) Σ_i L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾) (the penalty is added elsewhere), so every gradient here has 1/m_b.
 * The sums are compensated (sum.ts): the check differences J, so its rounding matters.
 */
export interface LossRule {
  /** (1/m_b) Σ_i L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾). */
  cost(out: NetworkOutput, y: Matrix): number;
  /**
   * ∂J/∂z[L] (fromLogits: the loss and the output's sigmoid/softmax are differentiated together,
   * as the notes do) or ∂J/∂ŷ (fromLogits false: backpropagation goes on through the output layer's g).
   */
  gradient(out: NetworkOutput, y: Matrix): { d: Matrix; fromLogits: boolean };
}

function expectActivation(out: NetworkOutput, activation: 'sigmoid' | 'softmax', loss: string): void {
  if (out.activation !== activation) {
    throw new Error(`${loss} needs a ${activation} output; the plan should not have passed validation.`);
  }
}

/** log Σ_j e^{z_j} of row i, shifted by the row's max so it never overflows. */
function logSumExp(z: Matrix, i: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < z.cols; j++) max = Math.max(max, z.data[i * z.cols + j] as number);
  let sum = 0;
  for (let j = 0; j < z.cols; j++) sum += Math.exp((z.data[i * z.cols + j] as number) - max);
  return max + Math.log(sum);
}

/**
 * Binary cross-entropy from a sigmoid output: L = −(y log ŷ + (1 − y) log(1 − ŷ)), computed from z
 * as max(z, 0) − z·y + log(1 + e^{−|z|}) (never log 0). With ŷ = σ(z): ∂L/∂z = ŷ − y, so
 * dZ[L] = (A[L] − Y)/m_b.
 */
export const binaryCrossEntropy: LossRule = {
  cost(out, y) {
    expectActivation(out, 'sigmoid', 'Binary cross-entropy');
    const z = out.logits;
    const total = accumulator();
    for (let k = 0; k < z.data.length; k++) {
      const zk = z.data[k] as number;
      total.add(Math.max(zk, 0) - zk * (y.data[k] as number) + Math.log1p(Math.exp(-Math.abs(zk))));
    }
    return total.value / z.rows;
  },
  gradient(out, y) {
    expectActivation(out, 'sigmoid', 'Binary cross-entropy');
    const z = out.logits;
    const d = zeros(z.rows, z.cols);
    for (let k = 0; k < d.data.length; k++) {
      d.data[k] = (sigmoid(z.data[k] as number) - (y.data[k] as number)) / z.rows;
    }
    return { d, fromLogits: true };
  },
};

/**
 * Categorical cross-entropy from a softmax output (spec §13): L = −Σ_j y_j log ŷ_j, computed as
 * −Σ_j y_j (z_j − logsumexp z). With ŷ = softmax(z) and Σ_j y_j = 1: ∂L/∂z = ŷ − y, so
 * dZ[L] = (A[L] − Y)/m_b.
 */
export const categoricalCrossEntropy: LossRule = {
  cost(out, y) {
    expectActivation(out, 'softmax', 'Categorical cross-entropy');
    const z = out.logits;
    const total = accumulator();
    for (let i = 0; i < z.rows; i++) {
      const lse = logSumExp(z, i);
      for (let j = 0; j < z.cols; j++) {
        total.add(-(y.data[i * z.cols + j] as number) * ((z.data[i * z.cols + j] as number) - lse));
      }
    }
    return total.value / z.rows;
  },
  gradient(out, y) {
    expectActivation(out, 'softmax', 'Categorical cross-entropy');
    const z = out.logits;
    const a = softmaxRule.forward(z);
    const d = zeros(z.rows, z.cols);
    for (let k = 0; k < d.data.length; k++)
      d.data[k] = ((a.data[k] as number) - (y.data[k] as number)) / z.rows;
    return { d, fromLogits: true };
  },
};

/**
 * Mean squared error over k outputs: L = (1/k) Σ_j (ŷ_j − y_j)², so dA[L] = 2(A[L] − Y)/(k·m_b); the
 * output layer's own g' (or the softmax Jacobian) follows in its backward step.
 */
export const meanSquaredError: LossRule = {
  cost(out, y) {
    const { yHat } = out;
    const total = accumulator();
    for (let k = 0; k < yHat.data.length; k++)
      total.add(((yHat.data[k] as number) - (y.data[k] as number)) ** 2);
    return total.value / yHat.cols / yHat.rows;
  },
  gradient(out, y) {
    const { yHat } = out;
    const d = zeros(yHat.rows, yHat.cols);
    const scale = 2 / (yHat.cols * yHat.rows);
    for (let k = 0; k < d.data.length; k++)
      d.data[k] = scale * ((yHat.data[k] as number) - (y.data[k] as number));
    return { d, fromLogits: false };
  },
};

export const lossRules: Record<LossFunction, LossRule> = {
  binaryCrossEntropy,
  categoricalCrossEntropy,
  meanSquaredError,
};
