import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../../engine/document/build';
import { newRunRecord } from './runRecord';
import { isStale } from './stale';

const doc = () =>
  sequentialDocument({
    name: 'Moons',
    dataset: { source: { kind: 'generator', name: 'moons', n: 200, noise: 0.2 } },
    layers: [{ kind: 'Dense', id: 'hidden1', params: { units: 8 } }],
    optimizer: { algorithm: 'adam', learningRate: 0.01 },
    training: { batchSize: 32, epochs: 5 },
  });

describe('a run made stale by a changed graph', () => {
  it('stays current when cards move, labels or the name change, or params are written in another order', () => {
    const trained = doc();
    const run = newRunRecord('r1', 'Run 1', structuredClone(trained), 1);
    const moved = structuredClone(trained);
    moved.name = 'Renamed';
    moved.nodes[0]!.position = { x: 500, y: 40 };
    moved.nodes[1]!.label = 'first layer';
    const reordered = moved.nodes[1]!.params;
    moved.nodes[1]!.params = Object.fromEntries(Object.entries(reordered).reverse());
    expect(isStale(run, moved)).toBe(false);
  });

  it('is stale after a param edit, a removed edge or a new document', () => {
    const trained = doc();
    const run = newRunRecord('r1', 'Run 1', structuredClone(trained), 1);
    const edited = structuredClone(trained);
    edited.nodes[1]!.params = { ...edited.nodes[1]!.params, units: 9 };
    expect(isStale(run, edited)).toBe(true);
    const unwired = structuredClone(trained);
    unwired.edges = unwired.edges.slice(1);
    expect(isStale(run, unwired)).toBe(true);
    expect(isStale(run, { ...trained, nodes: [], edges: [] })).toBe(true);
  });
});
