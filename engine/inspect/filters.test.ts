import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Network } from '../model/network.js';
import { Conv2D } from '../nodes/conv2d/index.js';
import { Dense } from '../nodes/dense/index.js';
import { Flatten } from '../nodes/flatten/index.js';
import { createRandom } from '../random.js';
import { testPlan } from '../testing/plans.js';
import { firstLayerFilters } from './filters.js';

const conv = (nodeId: string, filters: number, outputShape: number[]) => ({
  nodeId,
  kind: Conv2D,
  params: Conv2D.params.parse({ filters, kernelSize: 2, padding: 'valid' }),
  outputShape,
});

describe('the first layer’s filters', () => {
  it('are the first convolution’s kernel regrouped filter by filter', () => {
    // conv1 on [3, 3, 2] images: W [2, 2, 2, 3] holding 0, 1, …, 23 in its own order (index =
    // ((i·2 + j)·2 + c)·3 + f). Filter f's image [2, 2, 2] lists (i, j, c) in order: its first
    // values are W[0,0,0,f] = f and W[0,0,1,f] = 3 + f; filter 1: 1, 4, 7, 10, 13, 16, 19, 22.
    const plan = testPlan(
      [3, 3, 2],
      [
        conv('conv1', 3, [2, 2, 3]),
        conv('conv2', 4, [1, 1, 4]),
        { nodeId: 'flat', kind: Flatten, params: {}, outputShape: [4] },
      ],
    );
    const net = new Network(plan, { random: createRandom(1) });
    net.parameters[0]?.variable.assign(tf.range(0, 24).reshape([2, 2, 2, 3]));
    const before = tf.memory().numTensors;
    const filters = firstLayerFilters(net);
    expect(tf.memory().numTensors).toBe(before);
    expect(filters?.nodeId).toBe('conv1');
    expect(filters?.shape).toEqual([2, 2, 2]);
    expect(filters?.count).toBe(3);
    expect([...(filters?.values.slice(8, 16) ?? [])]).toEqual([1, 4, 7, 10, 13, 16, 19, 22]);
    net.dispose();
  });

  it('are none for a network without convolutions', () => {
    const plan = testPlan(
      [2],
      [{ nodeId: 'd', kind: Dense, params: Dense.params.parse({ units: 1 }), outputShape: [1] }],
    );
    const net = new Network(plan, { random: createRandom(1) });
    expect(firstLayerFilters(net)).toBeNull();
    net.dispose();
  });
});
