import { describe, expect, it } from 'vitest';
import { isLayerKind, NODE_KINDS } from '../nodes/registry.js';

describe('every layer kind has a fast lowering', () => {
  const layers = NODE_KINDS.filter(isLayerKind);

  it('finds the layer kinds in the registry', () => {
    // Dense, Activation, Softmax, Normalize, BatchNorm, Dropout, Augment, Conv2D, the two pools,
    // Flatten, Add, Concatenate: 13 as of the graph issue, and never fewer.
    expect(layers.length).toBeGreaterThanOrEqual(13);
  });

  for (const kind of layers) {
    it(`${kind.kind} lowers to the fast executor (engine/nodes/<kind>/fast.ts)`, () => {
      expect(typeof kind.fast, `${kind.kind} has no fast lowering`).toBe('function');
    });
  }
});
