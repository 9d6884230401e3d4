import { describe, expect, it } from 'vitest';
import { Network } from '../model/network.js';
import { Dense } from '../nodes/dense/index.js';
import { createRandom } from '../random.js';
import { testPlan } from '../testing/plans.js';
import { boundsOf, decisionGrid } from './boundary.js';

describe('the decision-boundary grid', () => {
  it('covers the data with a 10% margin', () => {
    // x in [0, 10], y in [−1, 1]: margins 1 and 0.2.
    const data = {
      m: 2,
      features: 2,
      x: Float32Array.from([0, -1, 10, 1]),
      y: new Float32Array(2),
      classes: 2,
      targets: 1,
    };
    expect(boundsOf([data])).toEqual({
      xMin: -1,
      xMax: 11,
      yMin: expect.closeTo(-1.2, 6),
      yMax: expect.closeTo(1.2, 6),
    });
  });

  it('samples the model row by row from the top-left corner', () => {
    // A sigmoid unit with W = [1, 0], b = 0: P(class 1) = σ(x), so probability rises left to right
    // and does not change down a column.
    const net = new Network(
      testPlan(
        [2],
        [
          {
            nodeId: 'd',
            kind: Dense,
            params: Dense.params.parse({ units: 1, activation: 'sigmoid' }),
            outputShape: [1],
          },
        ],
      ),
      { random: createRandom(1) },
    );
    net.parameters[0]!.variable.assign(net.parameters[0]!.variable.mul(0).add([[1], [0]]));
    const { probability, classes } = decisionGrid(net, { xMin: -2, xMax: 2, yMin: -2, yMax: 2 }, 4);
    // Column centres x = −1.5, −0.5, 0.5, 1.5 → σ = 0.1824, 0.3775, 0.6225, 0.8176.
    expect(Array.from(probability.slice(0, 4))).toEqual(
      [0.1824, 0.3775, 0.6225, 0.8176].map((v) => expect.closeTo(v, 3)),
    );
    expect(Array.from(probability.slice(12, 16))).toEqual(Array.from(probability.slice(0, 4)));
    expect(Array.from(classes.slice(0, 4))).toEqual([0, 0, 1, 1]);
    net.dispose();
  });
});
