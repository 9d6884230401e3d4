import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../../engine/document/build';
import { applyWorkerMessage, newRunRecord } from './runRecord';

const doc = sequentialDocument({ layers: [{ kind: 'Dense', params: { units: 1, activation: 'sigmoid' } }] });
const metrics = { cost: 0.5, loss: 0.5, accuracy: 0.8, m: 10 };

describe('a run record', () => {
  it('folds batched worker events into chart series', () => {
    const run = newRunRecord('r1', 'Run 1', doc, 1);
    applyWorkerMessage(run, {
      type: 'backend',
      runId: 'r1',
      name: 'wasm',
      adapter: 'WebAssembly SIMD',
      executor: 'tfjs',
      timings: [],
      notes: [],
    });
    applyWorkerMessage(run, {
      type: 'events',
      runId: 'r1',
      events: [
        {
          type: 'start',
          backend: 'wasm',
          executor: 'tfjs',
          timings: [],
          epochs: 2,
          updatesPerEpoch: 1,
          batchSize: 10,
          m: { train: 10, dev: 5, test: 0 },
          parameterCount: 3,
          notes: [],
        },
        { type: 'update', t: 1, epoch: 1, batch: 1, cost: 0.7, smoothedCost: 0.7, lr: 0.1 },
        { type: 'epoch', epoch: 1, t: 1, train: metrics, dev: null, lr: 0.1, elapsedMs: 5 },
      ],
    });
    expect(run.status).toBe('running');
    expect(Array.from(run.updates.cost.view())).toEqual([0.7]);
    expect(run.epochs.devCost.at(0)).toBeNaN();
    expect(run.version).toBe(2);
  });

  it('ignores messages of other runs and marks failures with the backend to offer next', () => {
    const run = newRunRecord('r1', 'Run 1', doc, 1);
    expect(applyWorkerMessage(run, { type: 'problems', runId: 'other', problems: [] })).toBe(false);
    applyWorkerMessage(run, {
      type: 'failed',
      runId: 'r1',
      backend: 'webgpu',
      message: 'device lost',
      next: 'webgl',
    });
    expect(run.status).toBe('failed');
    expect(run.failure).toEqual({ message: 'device lost', next: 'webgl' });
  });
});
