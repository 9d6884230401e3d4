import { describe, expect, it } from 'vitest';
import { presetStore } from './testing';

describe('clipboard', () => {
  it('pastes copies with fresh ids, the edges between them, and selects them', () => {
    const store = presetStore();
    store.getState().select(['hidden1', 'hidden2', 'output']);
    store.getState().copySelection();
    store.getState().paste();
    const { doc, selectedNodes } = store.getState();
    expect([...selectedNodes]).toEqual(['dense1', 'dense2', 'dense3']);
    const pasted = doc.edges.filter((e) => selectedNodes.has(e.source) || selectedNodes.has(e.target));
    // Two edges inside the copy (hidden1→hidden2, hidden2→output); the ones leaving it are not copied.
    expect(pasted.map((e) => e.id)).toEqual(['dense1.out->dense2.in', 'dense2.out->dense3.in']);
    const original = doc.nodes.find((n) => n.id === 'hidden1')!;
    const copy = doc.nodes.find((n) => n.id === 'dense1')!;
    expect(copy.params).toEqual(original.params);
    expect(copy.position).toEqual({ x: original.position.x + 40, y: original.position.y + 40 });
  });

  it('shifts each further paste a little more', () => {
    const store = presetStore();
    store.getState().select(['data']);
    store.getState().copySelection();
    store.getState().paste();
    store.getState().paste();
    const positions = store
      .getState()
      .doc.nodes.filter((n) => n.kind === 'Dataset')
      .map((n) => n.position);
    expect(positions).toEqual([
      { x: 0, y: 0 },
      { x: 40, y: 40 },
      { x: 80, y: 80 },
    ]);
  });

  it('duplicates without touching the clipboard', () => {
    const store = presetStore();
    store.getState().select(['loss']);
    store.getState().duplicateSelection();
    expect(store.getState().clipboard).toBeNull();
    expect([...store.getState().selectedNodes]).toEqual(['loss1']);
  });

  it('does nothing when pasting an empty clipboard or copying nothing', () => {
    const store = presetStore();
    store.getState().copySelection();
    store.getState().paste();
    expect(store.getState().history.past).toHaveLength(0);
  });
});
