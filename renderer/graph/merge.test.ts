import { describe, expect, it } from 'vitest';
import { type LayerSpec, sequentialDocument } from '../../engine/document/build';
import { analyzeGraph } from '../../engine/graph/analyze';
import { applyGraphChanges } from '../store/changes';
import { checkConnection, connectionChanges } from './connection';
import { incomingEdges, inputSlots, moveInputChanges, severalInputCounts } from './merge';

/** Moons → dense1 (8) → dense2 (5) → cat(dense2, dense1, data) → out: [m, 5] ‖ [m, 8] ‖ [m, 2]. */
const layers: LayerSpec[] = [
  { kind: 'Dense', id: 'dense1', params: { units: 8 } },
  { kind: 'Dense', id: 'dense2', params: { units: 5 } },
  { kind: 'Concatenate', id: 'cat', inputs: ['dense2', 'dense1', 'data'] },
  { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
];
const doc = sequentialDocument({
  dataset: { source: { kind: 'generator', name: 'moons', n: 100 } },
  layers,
});
const kinds = new Map(doc.nodes.map((n) => [n.id, n.kind]));
const sources = (d: typeof doc) => incomingEdges(d.edges, 'cat', 'in').map((e) => e.source);

describe('merge inputs', () => {
  it('lets a merge port take another edge but never the same one twice', () => {
    const { doc: fewer } = applyGraphChanges(doc, [{ type: 'removeEdge', id: 'data.x->cat.in' }]);
    expect(
      checkConnection(fewer, { source: 'data', sourceHandle: 'x', target: 'cat', targetHandle: 'in' }),
    ).toBe(null);
    expect(
      checkConnection(doc, { source: 'dense1', sourceHandle: 'out', target: 'cat', targetHandle: 'in' }),
    ).toEqual({ key: 'connect.duplicate', vars: { port: 'cat.in', from: 'dense1' } });
    // A plain input still takes one edge: the new one replaces the old.
    const replace = connectionChanges(doc, {
      source: 'data',
      sourceHandle: 'x',
      target: 'out',
      targetHandle: 'in',
    });
    expect(replace?.[0]).toMatchObject({ type: 'removeEdge' });
    // A merge port keeps the edges it has.
    const more = connectionChanges(fewer, {
      source: 'data',
      sourceHandle: 'x',
      target: 'cat',
      targetHandle: 'in',
    });
    expect(more?.map((c) => c.type)).toEqual(['addEdge']);
  });

  it('numbers the edges into a merge port top to bottom by their sources, and counts them per node', () => {
    const slots = inputSlots(doc.edges, kinds);
    // All sources at one height: document order.
    expect(slots.get('dense2.out->cat.in')).toEqual({ index: 0, count: 3 });
    expect(slots.get('data.x->cat.in')).toEqual({ index: 2, count: 3 });
    expect(slots.has('dense1.out->dense2.in')).toBe(false);
    // data above dense1 above dense2: the wires end in that order on the tall port.
    const y: Record<string, number> = { data: -50, dense1: 0, dense2: 80 };
    const sorted = inputSlots(doc.edges, kinds, (id) => y[id] ?? 0);
    expect(
      ['data.x->cat.in', 'dense1.out->cat.in', 'dense2.out->cat.in'].map((id) => sorted.get(id)?.index),
    ).toEqual([0, 1, 2]);
    expect([...severalInputCounts(doc.edges, kinds)]).toEqual([['cat', 3]]);
  });

  it('moves an input earlier or later in one undoable step, and the concatenated shape follows', () => {
    const up = applyGraphChanges(doc, moveInputChanges(doc, 'dense1.out->cat.in', -1));
    expect(sources(up.doc)).toEqual(['dense1', 'dense2', 'data']);
    const down = applyGraphChanges(up.doc, moveInputChanges(up.doc, 'dense2.out->cat.in', 1));
    expect(sources(down.doc)).toEqual(['dense1', 'data', 'dense2']);
    // Every other edge keeps its place, so only the merge's order changed.
    const rest = (d: typeof doc) => d.edges.filter((e) => e.target !== 'cat').map((e) => e.id);
    expect(rest(down.doc)).toEqual(rest(doc));
    // Undo (the inverse) restores the order exactly.
    expect(applyGraphChanges(up.doc, up.inverse).doc.edges).toEqual(doc.edges);
    // The output is 8 + 5 + 2 = 15 wide whatever the order.
    expect(analyzeGraph(down.doc).nodeShapes.get('cat')?.dims).toEqual([15]);
  });

  it('does nothing past either end', () => {
    expect(moveInputChanges(doc, 'dense2.out->cat.in', -1)).toEqual([]);
    expect(moveInputChanges(doc, 'data.x->cat.in', 1)).toEqual([]);
    expect(moveInputChanges(doc, 'no-such-edge', 1)).toEqual([]);
  });
});
