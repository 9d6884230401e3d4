import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../document/build.js';
import type { LayersEvent } from '../train/events.js';
import { pausedRun } from './stepped-run.js';

describe('Step mode', () => {
  it('takes one measured update per step while paused, with every node’s forward and backward flow', async () => {
    const doc = sequentialDocument({
      dataset: { source: { kind: 'generator', name: 'moons', n: 200, noise: 0.2 } },
      layers: [
        { kind: 'Dense', id: 'hidden1', params: { units: 8, activation: 'linear' } },
        { kind: 'Activation', id: 'relu', params: { fn: 'relu' } },
        { kind: 'Dense', id: 'output', params: { units: 1, activation: 'sigmoid' } },
      ],
      training: { batchSize: 32, epochs: 5, layerStatsEvery: 0 },
    });
    const { run, events, count, step, finish } = await pausedRun(doc);
    expect(count('update')).toBe(0);
    for (const t of [1, 2]) {
      await step();
      // Exactly one more update, and it was measured although layerStatsEvery is 0.
      expect(count('update')).toBe(t);
    }
    expect(run.lastStep?.t).toBe(2);
    const last = events.filter((e): e is LayersEvent => e.type === 'layers').at(-1);
    expect(last?.t).toBe(2);
    expect(last?.nodes.map((n) => n.id)).toEqual(['hidden1', 'relu', 'output']);
    for (const node of last?.nodes ?? []) {
      expect(node.std).toBeGreaterThan(0);
      expect(node.gradNorm).toBeGreaterThan(0);
    }
    await finish();
  });
});
