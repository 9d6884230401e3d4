import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Network } from '../model/network.js';
import { Dense } from '../nodes/dense/index.js';
import { createRandom } from '../random.js';
import { testPlan } from '../testing/plans.js';
import { neuronPictures, PICTURED_UNITS } from './neurons.js';

const dense = (nodeId: string, units: number, activation: string) => ({
  nodeId,
  kind: Dense,
  params: Dense.params.parse({ units, activation }),
  outputShape: [units],
});

describe('the neuron pictures', () => {
  it('are each hidden unit’s output at the boundary grid’s centres, the output layer left out', () => {
    // hidden: relu with W = [[1, 0], [0, −1]], b = 0 → unit 0 = relu(x), unit 1 = relu(−y).
    // A 2×2 grid over [−2, 2]²: centres x = −1, 1; rows from the top y = 1, −1, so the points are
    // (−1, 1), (1, 1), (−1, −1), (1, −1) → unit 0: 0, 1, 0, 1; unit 1: 0, 0, 1, 1.
    const net = new Network(testPlan([2], [dense('hidden', 2, 'relu'), dense('out', 1, 'sigmoid')]), {
      random: createRandom(1),
    });
    net.parameters[0]?.variable.assign(
      tf.tensor2d([
        [1, 0],
        [0, -1],
      ]),
    );
    const before = tf.memory().numTensors;
    const pictures = neuronPictures(net, { xMin: -2, xMax: 2, yMin: -2, yMax: 2 }, 2);
    expect(tf.memory().numTensors).toBe(before);
    expect(pictures.map((p) => p.nodeId)).toEqual(['hidden']);
    expect([...(pictures[0]?.values ?? [])]).toEqual([0, 1, 0, 1, 0, 0, 1, 1]);
    expect(pictures[0]?.scale).toBe(1);
    net.dispose();
  });

  it('picture at most 32 units of a wide layer, and say how many it has', () => {
    const net = new Network(testPlan([2], [dense('wide', 40, 'tanh'), dense('out', 1, 'sigmoid')]), {
      random: createRandom(2),
    });
    const [wide] = neuronPictures(net, { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, 3);
    expect(wide?.units).toBe(40);
    expect(wide?.values).toHaveLength(PICTURED_UNITS * 9);
    // tanh ∈ (−1, 1): the scale is the largest |value| pictured.
    expect(wide?.scale).toBe(Math.max(...[...(wide?.values ?? [])].map(Math.abs)));
    net.dispose();
  });

  it('are none for inputs that are not 2-D', () => {
    const net = new Network(testPlan([3], [dense('hidden', 2, 'relu'), dense('out', 1, 'sigmoid')]), {
      random: createRandom(3),
    });
    expect(neuronPictures(net, { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, 2)).toEqual([]);
    net.dispose();
  });
});
