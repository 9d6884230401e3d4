import { describe, expect, it } from 'vitest';
import { prepareRun } from '../compile/prepare.js';
import { sequentialDocument } from '../document/build.js';
import type { LayersEvent, TrainingEvent } from '../train/events.js';
import { TrainingRun } from '../train/trainer.js';

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

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
    const prepared = await prepareRun(doc);
    if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join('; '));
    const events: TrainingEvent[] = [];
    const run = new TrainingRun(prepared.value.plan, prepared.value.splits, {
      executor: 'fast',
      onEvent: (e) => events.push(e),
    });
    run.pause();
    const done = run.start();
    const count = (type: string) => events.filter((e) => e.type === type).length;
    await until(() => count('start') === 1);
    expect(count('update')).toBe(0);
    for (const t of [1, 2]) {
      run.step();
      await until(() => count('layers') === t);
      // Exactly one more update, and it was measured although layerStatsEvery is 0.
      expect(count('update')).toBe(t);
    }
    const last = events.filter((e): e is LayersEvent => e.type === 'layers').at(-1);
    expect(last?.t).toBe(2);
    expect(last?.nodes.map((n) => n.id)).toEqual(['hidden1', 'relu', 'output']);
    for (const node of last?.nodes ?? []) {
      expect(node.std).toBeGreaterThan(0);
      expect(node.gradNorm).toBeGreaterThan(0);
    }
    run.stop();
    await done;
    run.dispose();
  });
});
