import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Dense } from '../nodes/dense/index.js';
import { createRandom } from '../random.js';
import { testPlan } from '../testing/plans.js';
import { Network } from './network.js';

function oneLayer(params: Partial<Parameters<typeof Dense.build>[0]>): Network {
  return new Network(
    testPlan(
      [2],
      [
        {
          nodeId: 'd',
          kind: Dense,
          params: Dense.params.parse({ units: 2, activation: 'linear', ...params }),
          outputShape: [2],
        },
      ],
    ),
    { random: createRandom(1) },
  );
}

describe('spec §3 regularization penalties', () => {
  it('L2 adds λ/(2m)‖W‖² to J and (λ/m)W to dW; biases are not regularized', () => {
    // W = [[1, 2], [3, 4]], λ = 0.6, m = 3: penalty = 0.6/6 · 30 = 3; dW = 0.2·W.
    const net = oneLayer({ l2: 0.6 });
    const w = net.parameters.find((p) => p.name === 'W')!.variable;
    w.assign(
      tf.tensor2d([
        [1, 2],
        [3, 4],
      ]),
    );
    expect(net.penalty(3).dataSync()[0]).toBeCloseTo(3, 5);
    const grads = tf.variableGrads(() => net.penalty(3), net.trainableVariables);
    expect(Array.from(grads.grads[w.name]!.dataSync())).toEqual(
      [0.2, 0.4, 0.6, 0.8].map((v) => expect.closeTo(v, 6)),
    );
    const b = net.parameters.find((p) => p.name === 'b')!;
    expect(b.l2).toBe(0);
    tf.dispose(Object.values(grads.grads));
    grads.value.dispose();
    net.dispose();
  });

  it('L1 adds λ/m Σ|w| to J and (λ/m)·sign(W) to dW', () => {
    // W = [[1, −2], [3, −4]], λ = 0.3, m = 3: penalty = 0.1·10 = 1; dW = 0.1·sign(W).
    const net = oneLayer({ l1: 0.3 });
    const w = net.parameters.find((p) => p.name === 'W')!.variable;
    w.assign(
      tf.tensor2d([
        [1, -2],
        [3, -4],
      ]),
    );
    expect(net.penalty(3).dataSync()[0]).toBeCloseTo(1, 5);
    const grads = tf.variableGrads(() => net.penalty(3), [w]);
    expect(Array.from(grads.grads[w.name]!.dataSync())).toEqual(
      [0.1, -0.1, 0.1, -0.1].map((v) => expect.closeTo(v, 6)),
    );
    tf.dispose(Object.values(grads.grads));
    grads.value.dispose();
    net.dispose();
  });

  it('weight decay: one gradient-descent step on the penalty alone scales W by (1 − αλ/m)', () => {
    // α = 0.5, λ = 0.6, m = 3: W := W − α(λ/m)W = 0.9·W.
    const net = oneLayer({ l2: 0.6 });
    const w = net.parameters.find((p) => p.name === 'W')!.variable;
    w.assign(
      tf.tensor2d([
        [1, 2],
        [3, 4],
      ]),
    );
    const opt = tf.train.sgd(0.5);
    opt.minimize(() => net.penalty(3), false, [w]);
    expect(Array.from(w.dataSync())).toEqual([0.9, 1.8, 2.7, 3.6].map((v) => expect.closeTo(v, 5)));
    opt.dispose();
    net.dispose();
  });
});

describe('spec §13 softmax output', () => {
  it('outputs rows that sum to 1', async () => {
    const { Softmax } = await import('../nodes/softmax/index.js');
    const net = new Network(
      testPlan(
        [3],
        [
          {
            nodeId: 'd',
            kind: Dense,
            params: Dense.params.parse({ units: 4, activation: 'linear' }),
            outputShape: [4],
          },
          { nodeId: 's', kind: Softmax, params: {}, outputShape: [4] },
        ],
      ),
      { random: createRandom(2) },
    );
    const p = net.predict(
      tf.tensor2d([
        [1, 2, 3],
        [-5, 0, 40],
      ]),
    );
    const sums = tf.sum(p, 1).dataSync();
    expect(Array.from(sums)).toEqual([expect.closeTo(1, 6), expect.closeTo(1, 6)]);
    net.dispose();
  });
});
