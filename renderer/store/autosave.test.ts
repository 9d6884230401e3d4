import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../engine/document/parse';
import { decodeAutosave, startAutosave } from './autosave';
import { memoryAutosave, presetStore } from './testing';

/** Timers run by hand: `fire()` runs what is due. */
function manualTimers() {
  let pending: (() => void) | null = null;
  return {
    setTimer: (fn: () => void) => {
      pending = fn;
      return fn;
    },
    clearTimer: (t: unknown) => {
      if (pending === t) pending = null;
    },
    fire: () => {
      const fn = pending;
      pending = null;
      fn?.();
    },
    get pending() {
      return pending !== null;
    },
  };
}

const move = (store: ReturnType<typeof presetStore>, x: number) =>
  store
    .getState()
    .applyChanges([{ type: 'moveNode', id: 'data', position: { x, y: 0 } }], { mergeKey: 'drag' });

describe('autosave', () => {
  it('writes the unsaved document once edits pause, and the record opens as the same document', async () => {
    const store = presetStore();
    const slot = memoryAutosave();
    const timers = manualTimers();
    startAutosave(store, slot, { ...timers, now: () => 1234 });
    move(store, 10);
    move(store, 20);
    expect(slot.writes).toBe(0);
    timers.fire();
    expect(slot.writes).toBe(1);
    const record = decodeAutosave(slot.text);
    expect(record?.savedAt).toBe(1234);
    const reopened = parseDocument(record!.document);
    expect(reopened.ok && reopened.value).toEqual(store.getState().doc);
  });

  it('clears the slot once the project is saved', async () => {
    const store = presetStore();
    const slot = memoryAutosave();
    const timers = manualTimers();
    startAutosave(store, slot, timers);
    move(store, 10);
    timers.fire();
    expect(slot.text).not.toBeNull();
    store.getState().markSaved({ fileName: 'm.netcanvas.json', fileHandle: null });
    expect(slot.text).toBeNull();
  });

  it('keeps nothing for a project without unsaved changes', () => {
    const store = presetStore();
    const slot = memoryAutosave();
    const timers = manualTimers();
    startAutosave(store, slot, timers);
    move(store, 10);
    store.getState().undo();
    expect(timers.pending).toBe(false);
    expect(slot.writes).toBe(0);
  });

  it('leaves an earlier autosave alone while it is being offered back', () => {
    const store = presetStore();
    const slot = memoryAutosave();
    slot.text = 'earlier';
    const timers = manualTimers();
    startAutosave(store, slot, timers);
    store
      .getState()
      .setRecovery({ format: 'netcanvas-autosave', savedAt: 0, fileName: null, document: '{}' });
    move(store, 10);
    timers.fire();
    expect(slot.text).toBe('earlier');
  });

  it('reads anything that is not an autosave record as no autosave', () => {
    expect(decodeAutosave(null)).toBeNull();
    expect(decodeAutosave('{not json')).toBeNull();
    expect(decodeAutosave('{"format":"other"}')).toBeNull();
    expect(decodeAutosave('{"format":"netcanvas-autosave","document":"{}"}')?.fileName).toBeNull();
  });
});
