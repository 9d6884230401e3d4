import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../../engine/document/build';
import { presetDocument } from '../store/testing';
import { applyWorkerMessage, newRunRecord, sameGraph } from './runRecord';

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

  it('appends packed update columns after the events before them', () => {
    const run = newRunRecord('r1', 'Run 1', doc, 1);
    applyWorkerMessage(run, {
      type: 'events',
      runId: 'r1',
      events: [{ type: 'update', t: 1, epoch: 1, batch: 1, cost: 0.7, smoothedCost: 0.7, lr: 0.1 }],
    });
    applyWorkerMessage(run, {
      type: 'updates',
      runId: 'r1',
      columns: {
        t: Float64Array.of(2, 3),
        cost: Float64Array.of(0.6, 0.5),
        smoothed: Float64Array.of(0.65, 0.6),
        lr: Float64Array.of(0.1, 0.05),
      },
    });
    expect(Array.from(run.updates.t.view())).toEqual([1, 2, 3]);
    expect(Array.from(run.updates.cost.view())).toEqual([0.7, 0.6, 0.5]);
    expect(Array.from(run.updates.smoothed.view())).toEqual([0.7, 0.65, 0.6]);
    expect(run.updates.lr.last()).toBe(0.05);
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

describe('sameGraph', () => {
  it('tells a changed network from a moved card', () => {
    const preset = presetDocument();
    const moved = { ...preset, nodes: preset.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })) };
    expect(sameGraph(preset, moved)).toBe(true);
    const edited = {
      ...preset,
      nodes: preset.nodes.map((n) => (n.id === 'hidden1' ? { ...n, params: { ...n.params, units: 3 } } : n)),
    };
    expect(sameGraph(preset, edited)).toBe(false);
    expect(sameGraph(preset, { ...preset, edges: preset.edges.slice(1) })).toBe(false);
  });
});
