import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../engine/document/schema';
import { boundaryKey, epochsKey, seriesKey, updatesKey } from './redraw';
import { applyWorkerMessage, newRunRecord } from './runRecord';

const doc = { version: 1, nodes: [], edges: [] } as unknown as GraphDocument;
const bounds = { xMin: 0, xMax: 1, yMin: 0, yMax: 1 };

describe('redraw keys', () => {
  it('keeps the series key when the parent builds equal series again', () => {
    const a = [{ label: 'train', color: '#000', width: 1.5, dash: [4, 3] }];
    const b = [{ label: 'train', color: '#000', width: 1.5, dash: [4, 3] }];
    expect(seriesKey(a)).toBe(seriesKey(b));
    expect(seriesKey(a)).not.toBe(seriesKey([{ ...b[0], label: 'dev' }]));
  });

  it('moves the epoch key on an epoch, not on an update', () => {
    const run = newRunRecord('r1', 'Run 1', doc, 1);
    const before = epochsKey([run]);
    const update = { type: 'update', t: 1, epoch: 1, cost: 0.7, smoothedCost: 0.7, lr: 0.01 };
    applyWorkerMessage(run, { type: 'events', runId: 'r1', events: [update] } as never);
    expect(epochsKey([run])).toBe(before);
    const train = { cost: 0.6, accuracy: 0.5, m: 10 };
    const epoch = { type: 'epoch', epoch: 1, t: 1, train, dev: null, lr: 0.01 };
    applyWorkerMessage(run, { type: 'events', runId: 'r1', events: [epoch] } as never);
    expect(epochsKey([run])).not.toBe(before);
  });

  it('moves the updates key on an update, not when a boundary arrives', () => {
    const run = newRunRecord('r1', 'Run 1', doc, 1);
    const before = updatesKey([run]);
    const field = { size: 2, bounds, probability: new Float32Array(4), classes: new Int32Array(4) };
    applyWorkerMessage(run, { type: 'boundary', runId: 'r1', t: 0, ...field });
    expect(updatesKey([run])).toBe(before);
    const update = { type: 'update', t: 1, epoch: 1, cost: 0.7, smoothedCost: 0.7, lr: 0.01 };
    applyWorkerMessage(run, { type: 'events', runId: 'r1', events: [update] } as never);
    expect(updatesKey([run])).not.toBe(before);
  });

  it('moves the boundary key when a new field or the points arrive, not on an update', () => {
    const run = newRunRecord('r1', 'Run 1', doc, 1);
    const start = boundaryKey(run);
    applyWorkerMessage(run, { type: 'points', runId: 'r1', bounds, sets: [], classes: 2 });
    const withPoints = boundaryKey(run);
    expect(withPoints).not.toBe(start);
    const field = { size: 2, bounds, probability: new Float32Array(4), classes: new Int32Array(4) };
    applyWorkerMessage(run, { type: 'boundary', runId: 'r1', t: 5, ...field });
    const first = boundaryKey(run);
    expect(first).not.toBe(withPoints);
    const update = { type: 'update', t: 6, epoch: 1, cost: 0.7, smoothedCost: 0.7, lr: 0.01 };
    applyWorkerMessage(run, { type: 'events', runId: 'r1', events: [update] } as never);
    expect(boundaryKey(run)).toBe(first);
    applyWorkerMessage(run, { type: 'boundary', runId: 'r1', t: 9, ...field });
    expect(boundaryKey(run)).not.toBe(first);
  });
});
