import { describe, expect, it } from 'vitest';
import { fakeWorkers } from '../training/testing';
import { decodeAutosave, startAutosave, whenPageHides } from './autosave';
import { createAppStore } from './createAppStore';
import { memoryAutosave, presetDocument } from './testing';

/** A timer that never fires by itself: only a flush can write before it. */
const heldTimer = () => ({ setTimer: () => 'held', clearTimer: () => {} });

const storeWithWorkers = () =>
  createAppStore({ initialDocument: presetDocument(), createWorker: fakeWorkers().factory });

const move = (store: ReturnType<typeof storeWithWorkers>, x: number) =>
  store.getState().applyChanges([{ type: 'moveNode', id: 'data', position: { x, y: 0 } }]);

const xOfData = (text: string | null) =>
  (
    JSON.parse(decodeAutosave(text)?.document ?? '{}') as {
      nodes?: { id: string; position: { x: number } }[];
    }
  ).nodes?.find((n) => n.id === 'data')?.position.x;

/** A window whose visibility the test sets. */
function fakeWindow() {
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  return Object.assign(new EventTarget(), { document }) as unknown as Window & {
    document: { visibilityState: string };
  };
}

describe('autosave flushes', () => {
  it('writes an edit still in its quiet time at once when told to, and only once', () => {
    const store = storeWithWorkers();
    const slot = memoryAutosave();
    let flush = () => {};
    startAutosave(store, slot, {
      ...heldTimer(),
      onFlush: (f) => {
        flush = f;
        return () => {};
      },
    });
    move(store, 77);
    expect(slot.writes).toBe(0);
    flush();
    expect(slot.writes).toBe(1);
    expect(xOfData(slot.text)).toBe(77);
    flush();
    expect(slot.writes).toBe(1);
  });

  it('writes an edit still in its quiet time when a run starts', () => {
    const store = storeWithWorkers();
    const slot = memoryAutosave();
    startAutosave(store, slot, heldTimer());
    move(store, 55);
    expect(slot.writes).toBe(0);
    store.getState().train();
    expect(store.getState().runs).toHaveLength(1);
    expect(slot.writes).toBe(1);
    expect(xOfData(slot.text)).toBe(55);
  });

  it('flushes when the page is hidden or hides for unloading, not when it becomes visible', () => {
    const win = fakeWindow();
    let flushes = 0;
    const stop = whenPageHides(win)(() => {
      flushes += 1;
    });
    win.document.dispatchEvent(new Event('visibilitychange'));
    expect(flushes).toBe(0);
    win.document.visibilityState = 'hidden';
    win.document.dispatchEvent(new Event('visibilitychange'));
    win.dispatchEvent(new Event('pagehide'));
    expect(flushes).toBe(2);
    stop();
    win.dispatchEvent(new Event('pagehide'));
    expect(flushes).toBe(2);
  });
});
