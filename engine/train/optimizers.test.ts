import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { newVariable } from '../model/variables.js';
import { Adam, GradientDescent, Momentum, RMSprop, type SpecOptimizer } from './optimizers.js';

/** Applies `steps` updates with the same gradient g to W and returns W after each. */
function run(optimizer: tf.Optimizer, w0: number[], g: number[], steps: number): number[][] {
  const w = newVariable(() => tf.tensor1d(w0), true, `w${Math.random()}`);
  const out: number[][] = [];
  for (let i = 0; i < steps; i++) {
    const grad = tf.tensor1d(g);
    optimizer.applyGradients({ [w.name]: grad });
    grad.dispose();
    out.push(Array.from(w.dataSync()));
  }
  w.dispose();
  optimizer.dispose();
  return out;
}

const close = (actual: number[][], expected: number[][]): void => {
  actual.forEach((row, i) => {
    row.forEach((v, j) => {
      expect(v).toBeCloseTo(expected[i]![j]!, 6);
    });
  });
};

describe('spec §8 optimizers', () => {
  it('gradient descent moves W by −α·dW', () => {
    // W = [1, 2], dW = [0.5, −1], α = 0.1: W = [1 − 0.05, 2 + 0.1] = [0.95, 2.1].
    close(run(new GradientDescent(0.1), [1, 2], [0.5, -1], 1), [[0.95, 2.1]]);
  });

  it('momentum keeps the (1 − β) factor, unlike tf.js momentum', () => {
    // α = 0.1, β = 0.9, dW = 1 from W = 0:
    // v1 = 0.1·1 = 0.1, W1 = −0.01; v2 = 0.9·0.1 + 0.1 = 0.19, W2 = −0.01 − 0.019 = −0.029;
    // v3 = 0.9·0.19 + 0.1 = 0.271, W3 = −0.029 − 0.0271 = −0.0561.
    close(run(new Momentum(0.1, 0.9), [0], [1], 3), [[-0.01], [-0.029], [-0.0561]]);
    // tf.js: accumulation = β·acc + dW (no 1 − β): acc1 = 1, W1 = −0.1 — ten times larger.
    const stock = run(tf.train.momentum(0.1, 0.9), [0], [1], 1);
    expect(stock[0]![0]).toBeCloseTo(-0.1, 6);
  });

  it('RMSprop divides by sqrt(S + ε) with ε inside the root', () => {
    // α = 0.01, β₂ = 0.9, ε = 1 (large, so its place shows), dW = 2 from W = 0:
    // S1 = 0.1·4 = 0.4; W1 = −0.01·2/sqrt(1.4) = −0.016903085.
    // (ε outside would give −0.01·2/(sqrt(0.4) + 1) = −0.012251482.)
    close(run(new RMSprop(0.01, 0.9, 1), [0], [2], 1), [[-0.016903085]]);
  });

  it("Adam's first step is bias-corrected to a move of about α", () => {
    // β₁ = 0.9, β₂ = 0.999, ε = 1e-8, dW = 0.5, α = 0.01 from W = 1:
    // V1 = 0.05, S1 = 0.00025; V̂ = 0.05/0.1 = 0.5, Ŝ = 0.00025/0.001 = 0.25;
    // W1 = 1 − 0.01·0.5/sqrt(0.25 + 1e-8) = 1 − 0.01·(1 − 2e-8) ≈ 0.99.
    // Without the correction the move would be 0.01·0.05/sqrt(0.00025) = 0.0316.
    close(run(new Adam(0.01, 0.9, 0.999, 1e-8), [1], [0.5], 1), [[0.99]]);
  });

  it('Adam puts ε inside the square root, unlike tf.js adam', () => {
    // ε = 0.01, dW = 0.1, α = 1 from W = 0: V̂ = 0.1, Ŝ = 0.01.
    // Spec: W1 = −0.1/sqrt(0.01 + 0.01) = −0.70710678.
    // tf.js: W1 = −0.1/(sqrt(0.01) + 0.01) = −0.90909091.
    close(run(new Adam(1, 0.9, 0.999, 0.01), [0], [0.1], 1), [[-0.70710678]]);
    const stock = run(tf.train.adam(1, 0.9, 0.999, 0.01), [0], [0.1], 1);
    expect(stock[0]![0]).toBeCloseTo(-0.90909091, 4);
  });

  it('Adam follows the spec over several steps with a changing gradient', () => {
    // Hand iteration in float64 (α = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8), dW = W (minimizing W²/2) from W = 1:
    const expected: number[][] = [];
    let w = 1;
    let v = 0;
    let s = 0;
    for (let t = 1; t <= 3; t++) {
      v = 0.9 * v + 0.1 * w;
      s = 0.999 * s + 0.001 * w * w;
      w -= (0.1 * (v / (1 - 0.9 ** t))) / Math.sqrt(s / (1 - 0.999 ** t) + 1e-8);
      expected.push([w]);
    }
    const opt = new Adam(0.1, 0.9, 0.999, 1e-8);
    const variable = newVariable(() => tf.tensor1d([1]), true, 'adam-multi');
    const got: number[][] = [];
    for (let t = 0; t < 3; t++) {
      const grad = variable.clone();
      opt.applyGradients({ [variable.name]: grad });
      grad.dispose();
      got.push(Array.from(variable.dataSync()));
    }
    close(got, expected);
    variable.dispose();
    opt.dispose();
  });

  it('serializes its config and slots so a saved optimizer resumes identically', async () => {
    const opt: SpecOptimizer = new Adam(0.05, 0.8, 0.99, 1e-7);
    expect(opt.getConfig()).toEqual({ learningRate: 0.05, beta1: 0.8, beta2: 0.99, epsilon: 1e-7 });
    const w = newVariable(() => tf.tensor1d([1, 2]), true, 'adam-ser');
    const g = tf.tensor1d([0.3, -0.2]);
    opt.applyGradients({ [w.name]: g });
    const weights = await opt.getWeights();
    expect(weights.map((x) => x.name)).toEqual(['iter', `${w.name}/slot0`, `${w.name}/slot1`]);
    // slot0 = V = 0.2·dW = [0.06, −0.04].
    expect(Array.from(weights[1]!.tensor.dataSync())[0]).toBeCloseTo(0.06, 6);
    weights[0]!.tensor.dispose();
    g.dispose();
    w.dispose();
    opt.dispose();
  });

  it('leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    run(new Adam(0.1, 0.9, 0.999, 1e-8), [1, 2, 3], [0.1, 0.2, 0.3], 5);
    run(new Momentum(0.1, 0.9), [1], [1], 5);
    expect(tf.memory().numTensors).toBe(before);
  });
});
