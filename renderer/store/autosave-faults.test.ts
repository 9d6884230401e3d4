import { describe, expect, it } from 'vitest';
import { createProjectCommands } from '../app/commands';
import { browserPlatform } from '../platform/browser';
import { decodeAutosave, encodeAutosave, startAutosave } from './autosave';
import { fakePlatform, memoryAutosave, presetStore } from './testing';

/**
 * The autosave under faults: the page dies mid-write, storage is full or unreadable, the record is
 * damaged. Nothing throws, nothing half-written is offered back, and the user is told.
 */

/** A Storage that records every setItem and can be made to fail like a full quota. */
function recordingStorage() {
  const values = new Map<string, string>();
  const storage = {
    full: false,
    sets: [] as [string, string][],
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (storage.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      storage.sets.push([key, value]);
      values.set(key, value);
    },
    removeItem: (key: string) => void values.delete(key),
  };
  return storage;
}

const edited = () => {
  const store = presetStore();
  store.getState().applyChanges([{ type: 'setParams', id: 'hidden1', params: { units: 33 } }]);
  return store;
};

describe('autosave under faults', () => {
  it('writes each autosave with one setItem of a complete record, so a crash leaves the old or the new one', async () => {
    const storage = recordingStorage();
    const platform = browserPlatform({ localStorage: storage } as unknown as Window);
    const store = edited();
    await platform.autosave.write(encodeAutosave(store.getState(), 1));
    store.getState().applyChanges([{ type: 'setParams', id: 'hidden1', params: { units: 34 } }]);
    await platform.autosave.write(encodeAutosave(store.getState(), 2));
    expect(storage.sets.map(([key]) => key)).toEqual(['netcanvas:autosave', 'netcanvas:autosave']);
    for (const [, value] of storage.sets) expect(decodeAutosave(value)).not.toBeNull();
    expect(decodeAutosave(await platform.autosave.read())?.savedAt).toBe(2);
  });

  it('keeps the previous autosave when storage is full, without throwing', async () => {
    const storage = recordingStorage();
    const platform = browserPlatform({ localStorage: storage } as unknown as Window);
    await platform.autosave.write(encodeAutosave(edited().getState(), 1));
    storage.full = true;
    await expect(platform.autosave.write(encodeAutosave(edited().getState(), 2))).resolves.toBeUndefined();
    expect(decodeAutosave(await platform.autosave.read())?.savedAt).toBe(1);
  });

  it('never offers a record cut short at any byte, and says it could not read it', async () => {
    const full = encodeAutosave(edited().getState(), 7);
    // Every 97th cut point and the last few: what a write torn by a crash could leave behind.
    const cuts = [...Array.from({ length: Math.ceil(full.length / 97) }, (_, i) => i * 97), full.length - 1];
    for (const cut of cuts) {
      const store = presetStore();
      const platform = fakePlatform();
      await platform.autosave.write(full.slice(0, cut));
      await createProjectCommands(store, platform).checkForRecovery();
      expect(store.getState().recovery, `cut at ${cut}`).toBeNull();
      if (cut > 0) {
        expect(store.getState().toast).toMatchObject({ kind: 'error', key: 'recover.unreadable' });
        expect(await platform.autosave.read()).toBeNull();
      }
    }
  });

  it('names what is wrong with a record whose document is damaged, and drops it', async () => {
    const store = presetStore();
    const platform = fakePlatform();
    await platform.autosave.write(
      '{"format":"netcanvas-autosave","document":"{\\"format\\":\\"netcanvas\\",\\"version\\":1,"}',
    );
    await createProjectCommands(store, platform).checkForRecovery();
    expect(store.getState().toast?.vars?.reason).toMatch(/^line 1, column \d+: /);
    expect(await platform.autosave.read()).toBeNull();
  });

  it('keeps an autosave written by a newer NetCanvas for that version, and says why it is not restored', async () => {
    const store = presetStore();
    const platform = fakePlatform();
    const text = JSON.stringify({
      format: 'netcanvas-autosave',
      savedAt: 3,
      fileName: null,
      document: '{"format":"netcanvas","version":99,"nodes":[],"edges":[]}',
    });
    await platform.autosave.write(text);
    await createProjectCommands(store, platform).checkForRecovery();
    expect(store.getState().recovery).toBeNull();
    expect(String(store.getState().toast?.vars?.reason)).toMatch(/written by a newer NetCanvas/);
    expect(await platform.autosave.read()).toBe(text);
  });

  it('reports a slot it cannot read at all, and autosave still starts after it', async () => {
    const store = presetStore();
    const platform = fakePlatform();
    platform.autosave.read = async () => {
      throw new Error('the app data folder is gone');
    };
    await expect(createProjectCommands(store, platform).checkForRecovery()).resolves.toBeUndefined();
    expect(store.getState().toast?.vars?.reason).toBe('the app data folder is gone');
  });

  it('does not throw out of its timer when a write fails or the document cannot be encoded', async () => {
    const store = edited();
    const slot = memoryAutosave();
    slot.write = () => Promise.reject(new Error('disk full'));
    let fire: () => void = () => {};
    startAutosave(store, slot, { setTimer: (fn) => (fire = fn), clearTimer: () => {} });
    store.getState().applyChanges([{ type: 'setParams', id: 'hidden1', params: { units: 35 } }]);
    expect(() => fire()).not.toThrow();
    // A document JSON cannot encode (a cycle) is skipped, not thrown from the timer.
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    store.getState().applyChanges([{ type: 'setParams', id: 'hidden1', params: cyclic }]);
    expect(() => fire()).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
