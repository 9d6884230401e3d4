import { describe, expect, it } from 'vitest';
import { MERGE_WINDOW_MS } from './history';
import { selectCanRedo, selectCanUndo, selectIsDirty } from './selectors';
import { presetDocument, presetStore } from './testing';

const units = (s: ReturnType<typeof presetStore>, id: string) =>
  s.getState().doc.nodes.find((n) => n.id === id)?.params.units;

describe('undo and redo', () => {
  it('undoes and redoes a parameter edit, and the edge shapes follow', () => {
    const store = presetStore();
    const { applyChanges } = store.getState();
    expect(store.getState().analysis.edgeShapes['hidden1.out->hidden2.in']).toBe('[m, 5]');
    applyChanges([{ type: 'setParams', id: 'hidden1', params: { units: 20, activation: 'relu' } }]);
    expect(store.getState().analysis.edgeShapes['hidden1.out->hidden2.in']).toBe('[m, 20]');
    store.getState().undo();
    expect(units(store, 'hidden1')).toBe(5);
    expect(store.getState().analysis.edgeShapes['hidden1.out->hidden2.in']).toBe('[m, 5]');
    expect(selectCanRedo(store.getState())).toBe(true);
    store.getState().redo();
    expect(units(store, 'hidden1')).toBe(20);
    expect(store.getState().analysis.edgeShapes['hidden1.out->hidden2.in']).toBe('[m, 20]');
  });

  it('undoes a multi-node delete as one step, edges included', () => {
    const store = presetStore();
    const before = store.getState().doc;
    store.getState().select(['hidden1', 'hidden2', 'output']);
    store.getState().deleteSelection();
    expect(store.getState().doc.nodes).toHaveLength(before.nodes.length - 3);
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().doc).toEqual(before);
    expect(selectCanUndo(store.getState())).toBe(false);
  });

  it('undoes a multi-node paste as one step', () => {
    const store = presetStore();
    store.getState().select(['hidden1', 'hidden2']);
    store.getState().copySelection();
    store.getState().paste();
    expect(store.getState().doc.nodes).toHaveLength(9);
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().doc.nodes).toHaveLength(7);
  });

  it('merges typing in one field into one step, but not after a pause', () => {
    const clock = { now: 0 };
    const store = presetStore(clock);
    const set = (u: number) =>
      store.getState().applyChanges([{ type: 'setParams', id: 'hidden1', params: { units: u } }], {
        mergeKey: 'hidden1:units',
      });
    set(2);
    clock.now += 200;
    set(20);
    expect(store.getState().history.past).toHaveLength(1);
    clock.now += MERGE_WINDOW_MS + 1;
    set(200);
    expect(store.getState().history.past).toHaveLength(2);
    store.getState().undo();
    expect(units(store, 'hidden1')).toBe(20);
    store.getState().undo();
    expect(units(store, 'hidden1')).toBe(5);
  });

  it('marks the project unsaved after an edit and saved again when undone to the saved step', () => {
    const store = presetStore();
    expect(selectIsDirty(store.getState())).toBe(false);
    store.getState().applyChanges([{ type: 'moveNode', id: 'data', position: { x: 5, y: 5 } }]);
    expect(selectIsDirty(store.getState())).toBe(true);
    store.getState().undo();
    expect(selectIsDirty(store.getState())).toBe(false);
  });

  it('does not fold an edit made after saving into the saved step', () => {
    const store = presetStore();
    const edit = (x: number) =>
      store
        .getState()
        .applyChanges([{ type: 'moveNode', id: 'data', position: { x, y: 0 } }], { mergeKey: 'drag' });
    edit(1);
    store.getState().markSaved({ fileName: 'a.netcanvas.json', fileHandle: null });
    expect(selectIsDirty(store.getState())).toBe(false);
    edit(2);
    expect(selectIsDirty(store.getState())).toBe(true);
    store.getState().undo();
    expect(selectIsDirty(store.getState())).toBe(false);
  });

  it('selects the nodes an undo brings back', () => {
    const store = presetStore();
    store.getState().select(['hidden2']);
    store.getState().deleteSelection();
    expect(store.getState().selectedNodes.size).toBe(0);
    store.getState().undo();
    expect([...store.getState().selectedNodes]).toEqual(['hidden2']);
  });

  it('starts a fresh history when a document replaces the current one', () => {
    const store = presetStore();
    store.getState().applyChanges([{ type: 'removeNode', id: 'data' }]);
    store.getState().replaceDocument(presetDocument(), { fileName: 'x.netcanvas.json', fileHandle: null });
    expect(selectCanUndo(store.getState())).toBe(false);
    expect(selectIsDirty(store.getState())).toBe(false);
  });
});

describe('deleting edges', () => {
  it('deletes a selected edge and keeps its nodes; undo puts it back', () => {
    const store = presetStore();
    store.getState().select([], ['hidden1.out->hidden2.in']);
    store.getState().deleteSelection();
    const { doc, analysis } = store.getState();
    expect(doc.edges.map((e) => e.id)).not.toContain('hidden1.out->hidden2.in');
    expect(doc.nodes).toHaveLength(7);
    expect(analysis.problems.some((p) => p.nodeId === 'hidden2' && p.code === 'UNCONNECTED_PORT')).toBe(true);
    store.getState().undo();
    expect(store.getState().doc.edges.map((e) => e.id)).toContain('hidden1.out->hidden2.in');
  });
});
