import { describe, expect, it } from 'vitest';
import { type BufferNode, planBuffers } from './buffer-plan.js';

const node = (nodeId: string, inputs: string[], features = 4, trainable = false): BufferNode => ({
  nodeId,
  inputs,
  features,
  trainable,
});

describe('planBuffers', () => {
  it('on a chain, each node writes the gradient of the one before it, and nothing reaches x', () => {
    const plan = planBuffers(
      [node('norm', ['x']), node('d1', ['norm'], 5, true), node('d2', ['d1'], 1, true)],
      'x',
      'd2',
    );
    expect(plan.nodes.map((n) => n.inputs)).toEqual([[-1], [0], [1]]);
    // Normalize has nothing trainable before it: no backward through it, and d1 needs no ∂J/∂norm.
    expect(plan.nodes.map((n) => n.backward)).toEqual([false, true, true]);
    expect(plan.nodes.map((n) => n.inputGradients)).toEqual([
      [null],
      [null],
      [{ producer: 1, scratch: null }],
    ]);
    expect(plan.output).toBe(2);
    expect(plan.scratchCount).toBe(0);
  });

  it('sums a fan-out: the last consumer writes directly, earlier ones through scratch', () => {
    // x → a → {b, c} → add(b, c): backward visits add, c, b, a.
    const plan = planBuffers(
      [
        node('a', ['x'], 6, true),
        node('b', ['a'], 3, true),
        node('c', ['a'], 3, true),
        node('add', ['b', 'c'], 3),
      ],
      'x',
      'add',
    );
    expect(plan.nodes[3]?.inputGradients).toEqual([
      { producer: 1, scratch: null },
      { producer: 2, scratch: null },
    ]);
    expect(plan.nodes[2]?.inputGradients).toEqual([{ producer: 0, scratch: null }]);
    expect(plan.nodes[1]?.inputGradients).toEqual([{ producer: 0, scratch: 0 }]);
    expect(plan.scratchCount).toBe(1);
    expect(plan.scratchFeatures).toBe(6);
  });

  it('gives a merge that takes one producer twice a scratch buffer per extra edge', () => {
    // concat(a, a, a): the first edge writes a's gradient, the next two need scratch 0 and 1 at once.
    const plan = planBuffers([node('a', ['x'], 2, true), node('cat', ['a', 'a', 'a'], 6)], 'x', 'cat');
    expect(plan.nodes[1]?.inputGradients).toEqual([
      { producer: 0, scratch: null },
      { producer: 0, scratch: 0 },
      { producer: 0, scratch: 1 },
    ]);
    expect(plan.scratchCount).toBe(2);
    expect(plan.scratchFeatures).toBe(2);
  });

  it('skips backward where nothing trains or the output is not reached', () => {
    // A residual skip straight from x: the Add needs the dense branch's gradient only.
    const plan = planBuffers(
      [
        node('flat', ['x'], 4),
        node('d', ['flat'], 4, true),
        node('add', ['flat', 'd'], 4),
        node('dead', ['d']),
      ],
      'x',
      'add',
    );
    expect(plan.nodes.map((n) => n.backward)).toEqual([false, true, true, false]);
    expect(plan.nodes[2]?.inputGradients).toEqual([null, { producer: 1, scratch: null }]);
    expect(plan.nodes[3]?.inputGradients).toEqual([null]);
  });

  it('refuses an input that is no node', () => {
    expect(() => planBuffers([node('a', ['nope'])], 'x', 'a')).toThrow(/nope/);
  });
});
