import { describe, expect, it } from 'vitest';
import { applyGraphChanges, type GraphChange } from './changes';
import { presetDocument } from './testing';

describe('applyGraphChanges', () => {
  it('returns inverse changes that restore the document exactly', () => {
    const doc = presetDocument();
    const changes: GraphChange[] = [
      {
        type: 'addNode',
        node: { id: 'drop1', kind: 'Dropout', params: { keepProb: 0.8 }, position: { x: 1, y: 2 } },
      },
      { type: 'setParams', id: 'hidden1', params: { units: 20, activation: 'relu' } },
      { type: 'moveNode', id: 'hidden2', position: { x: 9, y: 9 } },
      { type: 'removeNode', id: 'output' },
      { type: 'removeEdge', id: 'data.y->loss.labels' },
      { type: 'setLabel', id: 'loss', label: 'J' },
      { type: 'setMeta', name: 'Renamed' },
    ];
    const { doc: next, inverse } = applyGraphChanges(doc, changes);
    expect(next.nodes.map((n) => n.id)).not.toContain('output');
    // output had two edges (hidden2 → output → loss); both go with it, plus the labels edge.
    expect(next.edges).toHaveLength(doc.edges.length - 3);
    expect(next.name).toBe('Renamed');
    expect(applyGraphChanges(next, inverse).doc).toEqual(doc);
  });

  it('keeps the identity of nodes it does not touch, so their cards stay memoized', () => {
    const doc = presetDocument();
    const { doc: next } = applyGraphChanges(doc, [
      { type: 'setParams', id: 'hidden1', params: { units: 3 } },
    ]);
    expect(next.nodes[0]).toBe(doc.nodes[0]);
    expect(next.nodes[1]).not.toBe(doc.nodes[1]);
    expect(next.nodes[2]).toBe(doc.nodes[2]);
    expect(next.edges).toBe(doc.edges);
  });

  it('skips changes that do nothing and gives them no inverse', () => {
    const doc = presetDocument();
    const node = doc.nodes[0]!;
    const { doc: next, inverse } = applyGraphChanges(doc, [
      { type: 'moveNode', id: node.id, position: node.position },
      { type: 'removeNode', id: 'nope' },
      { type: 'addNode', node },
      { type: 'addEdge', edge: doc.edges[0]! },
    ]);
    expect(next).toBe(doc);
    expect(inverse).toEqual([]);
  });

  it('puts a removed node and its edges back at their old places on undo', () => {
    const doc = presetDocument();
    const { doc: without, inverse } = applyGraphChanges(doc, [{ type: 'removeNode', id: 'data' }]);
    expect(without.edges.some((e) => e.source === 'data')).toBe(false);
    const back = applyGraphChanges(without, inverse).doc;
    expect(back.nodes.map((n) => n.id)).toEqual(doc.nodes.map((n) => n.id));
    expect(back.edges.map((e) => e.id)).toEqual(doc.edges.map((e) => e.id));
  });
});
