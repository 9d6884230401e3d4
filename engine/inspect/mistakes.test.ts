import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Network } from '../model/network.js';
import { Dense } from '../nodes/dense/index.js';
import { createRandom } from '../random.js';
import { testPlan } from '../testing/plans.js';
import { mistakesOn } from './mistakes.js';

/** A sigmoid unit with W = [1, 0], b = 0: P(class 1) = σ(x₁). */
function sigmoidOfFirstFeature(): Network {
  const plan = testPlan(
    [2],
    [
      {
        nodeId: 'd',
        kind: Dense,
        params: Dense.params.parse({ units: 1, activation: 'sigmoid' }),
        outputShape: [1],
      },
    ],
  );
  const net = new Network(plan, { random: createRandom(1) });
  net.parameters[0]?.variable.assign(tf.tensor2d([[1], [0]]));
  return net;
}

describe('the mistakes on a split', () => {
  it('are the network’s confusion matrix and its most confidently wrong rows with their inputs', () => {
    // x₁ = 2, −2, 3, −1 → σ = 0.881, 0.119, 0.953, 0.269 → classes 1, 0, 1, 0; truth 1, 1, 0, 0.
    // Row 1 (truth 1, predicted 0, confidence 1 − 0.119 = 0.881) and row 2 (truth 0, predicted 1,
    // confidence 0.953) are wrong. Counts [true 0: 1 right, 1 as 1; true 1: 1 as 0, 1 right].
    const net = sigmoidOfFirstFeature();
    const before = tf.memory().numTensors;
    const data = {
      m: 4,
      features: 2,
      x: Float32Array.from([2, 0, -2, 0, 3, 0, -1, 0]),
      y: Float32Array.from([1, 1, 0, 0]),
      classes: 2,
      targets: 1,
    };
    const mistakes = mistakesOn(net, data, 12);
    expect(tf.memory().numTensors).toBe(before);
    expect(mistakes?.confusion.counts).toEqual([1, 1, 1, 1]);
    expect(mistakes?.wrong.map((w) => [w.index, w.truth, w.predicted])).toEqual([
      [2, 0, 1],
      [1, 1, 0],
    ]);
    expect(mistakes?.wrong[0]?.confidence).toBeCloseTo(0.9526, 3);
    expect(mistakes?.wrong[1]?.confidence).toBeCloseTo(0.8808, 3);
    expect([...(mistakes?.wrong[0]?.x ?? [])]).toEqual([3, 0]);
    net.dispose();
  });

  it('are none for regression or an empty split', () => {
    const net = sigmoidOfFirstFeature();
    const empty = {
      m: 0,
      features: 2,
      x: new Float32Array(0),
      y: new Float32Array(0),
      classes: 2,
      targets: 1,
    };
    expect(mistakesOn(net, empty, 12)).toBeNull();
    expect(
      mistakesOn(
        net,
        { ...empty, m: 1, x: Float32Array.from([1, 1]), y: Float32Array.from([0.5]), classes: null },
        12,
      ),
    ).toBeNull();
    net.dispose();
  });
});
