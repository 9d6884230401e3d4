import { describe, expect, it } from 'vitest';
import { prepareRun } from '../compile/prepare.js';
import { sequentialDocument } from '../document/build.js';
import { Network } from '../model/network.js';
import { derivative } from '../nodes/activation/reference-math.js';
import { batchNormRule } from '../nodes/batchnorm/reference-math.js';
import { softmaxRule } from '../nodes/softmax/reference-math.js';
import { createRandom } from '../random.js';
import { binaryCrossEntropy, categoricalCrossEntropy } from './loss.js';
import { matrixFrom } from './matrix.js';
import { readParameters } from './parameters.js';
import { penaltyRule } from './penalty.js';
import { ReferenceNetwork } from './reference.js';

const columnSums = (data: Float64Array, rows: number, cols: number): number[] =>
  Array.from({ length: cols }, (_, j) => {
    let s = 0;
    for (let i = 0; i < rows; i++) s += data[i * cols + j] as number;
    return s;
  });

describe('the reference backward rules, by hand', () => {
  it('one linear Dense unit under mean squared error: dW = xᵀ·2(ŷ − y)/m_b, db = Σ 2(ŷ − y)/m_b', async () => {
    // x = [[1, 2], [3, −1]], y = [1, 0], W = [[0.5], [−1]], b = 0.25:
    // ŷ = [0.5 − 2 + 0.25, 1.5 + 1 + 0.25] = [−1.25, 2.75]; J = ((−2.25)² + 2.75²)/2 = (5.0625 + 7.5625)/2 = 6.3125.
    // dŷ = 2(ŷ − y)/m_b = [−2.25, 2.75]; dW = xᵀ dŷ = [−2.25 + 8.25, −4.5 − 2.75] = [6, −7.25]; db = 0.5.
    const doc = sequentialDocument({
      dataset: {
        source: {
          kind: 'inline',
          task: 'regression',
          x: [
            [1, 2],
            [3, -1],
          ],
          y: [1, 0],
        },
        split: { dev: 0, test: 0 },
      },
      layers: [{ kind: 'Dense', params: { units: 1, activation: 'linear' } }],
      loss: { fn: 'meanSquaredError' },
      training: { batchMode: 'full' },
    });
    const prepared = await prepareRun(doc);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    const { plan } = prepared.value;
    const network = Network.fromPlan(plan, { random: createRandom(1) });
    const parameters = readParameters(network);
    parameters[0]!.values.set([0.5, -1]);
    parameters[1]!.values.set([0.25]);
    const reference = new ReferenceNetwork(plan, parameters);
    const batch = { x: [1, 2, 3, -1], y: [1, 0], examples: 2, m: 2 };
    const { cost, gradients } = reference.backprop(batch);
    expect(cost).toBeCloseTo(6.3125, 12);
    expect(Array.from(gradients.get('dense1/W')!)).toEqual([
      expect.closeTo(6, 12),
      expect.closeTo(-7.25, 12),
    ]);
    expect(Array.from(gradients.get('dense1/b')!)).toEqual([expect.closeTo(0.5, 12)]);
    network.dispose();
  });

  it('L2 and L1 penalties: λ/(2m)‖W‖², (λ/m)W; λ/m Σ|w|, (λ/m) sign(W)', () => {
    // W = [1, −2, 3, 0], m = 3. L2 λ = 0.6: 0.1·14 = 1.4, gradient 0.2·W. L1 λ = 0.3: 0.1·6 = 0.6,
    // gradient 0.1·sign(W), with sign(0) = 0.
    const w = Float64Array.from([1, -2, 3, 0]);
    expect(penaltyRule.l2Cost(w, 0.6, 3)).toBeCloseTo(1.4, 14);
    expect(Array.from(penaltyRule.l2Gradient(w, 0.6, 3))).toEqual(
      [0.2, -0.4, 0.6, 0].map((v) => expect.closeTo(v, 14)),
    );
    expect(penaltyRule.l1Cost(w, 0.3, 3)).toBeCloseTo(0.6, 14);
    expect(Array.from(penaltyRule.l1Gradient(w, 0.3, 3))).toEqual(
      [0.1, -0.1, 0.1, 0].map((v) => expect.closeTo(v, 14)),
    );
  });

  it('g′ of every activation, from z and a = g(z)', () => {
    // relu′(2) = 1, relu′(−2) = 0; leakyRelu′(−2) = α = 0.1; tanh′ = 1 − a² = 1 − 0.25 at a = 0.5;
    // σ′ = a(1 − a) = 0.25 at a = 0.5; linear′ = 1.
    expect(derivative('relu', 2, 2, 0)).toBe(1);
    expect(derivative('relu', -2, 0, 0)).toBe(0);
    expect(derivative('leakyRelu', -2, -0.2, 0.1)).toBe(0.1);
    expect(derivative('tanh', 0.5493, 0.5, 0)).toBe(0.75);
    expect(derivative('sigmoid', 0, 0.5, 0)).toBe(0.25);
    expect(derivative('linear', 7, 7, 0)).toBe(1);
  });

  it('cross-entropy from the logits: dZ = (A − Y)/m_b, for sigmoid and softmax outputs', () => {
    // Sigmoid: z = [0, 2], y = [1, 0]: σ = [0.5, 0.880797]; dZ = [−0.5, 0.880797]/2.
    const z = matrixFrom([0, 2], 2, 1);
    const bce = binaryCrossEntropy.gradient(
      { yHat: z, logits: z, activation: 'sigmoid' },
      matrixFrom([1, 0], 2, 1),
    );
    expect(bce.fromLogits).toBe(true);
    expect(Array.from(bce.d.data)).toEqual([expect.closeTo(-0.25, 12), expect.closeTo(0.4403985, 7)]);
    // Softmax: z = [0, ln 3] → a = [0.25, 0.75]; y = [1, 0]: dZ = [−0.75, 0.75]/1.
    const logits = matrixFrom([0, Math.log(3)], 1, 2);
    const cce = categoricalCrossEntropy.gradient(
      { yHat: logits, logits, activation: 'softmax' },
      matrixFrom([1, 0], 1, 2),
    );
    expect(Array.from(cce.d.data)).toEqual([expect.closeTo(-0.75, 12), expect.closeTo(0.75, 12)]);
    // L = −log 0.25 = log 4.
    expect(
      categoricalCrossEntropy.cost({ yHat: logits, logits, activation: 'softmax' }, matrixFrom([1, 0], 1, 2)),
    ).toBeCloseTo(Math.log(4), 12);
  });

  it('softmax backward: each row of dZ sums to 0 (adding c to every z_j changes nothing)', () => {
    const a = softmaxRule.forward(matrixFrom([1, 2, 3, -1, 0, 4], 2, 3));
    const dZ = softmaxRule.backward(matrixFrom([0.3, -1, 2, 5, 0.1, -0.7], 2, 3), a);
    const rowSums = [0, 1].map(
      (i) => (dZ.data[3 * i] as number) + (dZ.data[3 * i + 1] as number) + (dZ.data[3 * i + 2] as number),
    );
    expect(rowSums).toEqual([expect.closeTo(0, 14), expect.closeTo(0, 14)]);
  });

  it('batch norm backward: Σ_i dZ = 0 and Σ_i dZ·z_norm = 0 per unit (z̃ ignores a shift or scale of z)', () => {
    // μ absorbs any shift of a unit's z over the batch, σ any scaling (exactly so as ε → 0; ε = 1e-12
    // here), so J has no slope along either.
    const z = matrixFrom([1, 5, 2, -3, 4, 0.5, -1, 2], 4, 2);
    const { out, cache } = batchNormRule.forward(
      z,
      Float64Array.from([1.5, 0.7]),
      Float64Array.from([0.1, -0.2]),
      1e-12,
    );
    expect(columnSums(out.data, 4, 2)).toEqual([expect.closeTo(4 * 0.1, 12), expect.closeTo(4 * -0.2, 12)]);
    const { dZ, dBeta } = batchNormRule.backward(
      matrixFrom([0.2, -1, 0.7, 0.3, -0.4, 2, 1.1, 0.5], 4, 2),
      cache,
      Float64Array.from([1.5, 0.7]),
    );
    expect(columnSums(dZ.data, 4, 2)).toEqual([expect.closeTo(0, 12), expect.closeTo(0, 12)]);
    const scaled = dZ.data.map((v, k) => v * (cache.zNorm.data[k] as number));
    expect(columnSums(scaled, 4, 2)).toEqual([expect.closeTo(0, 12), expect.closeTo(0, 12)]);
    // dβ = Σ_i dZ̃: [0.2 + 0.7 − 0.4 + 1.1, −1 + 0.3 + 2 + 0.5] = [1.6, 1.8].
    expect(Array.from(dBeta)).toEqual([expect.closeTo(1.6, 12), expect.closeTo(1.8, 12)]);
  });
});
