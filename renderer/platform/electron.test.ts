import { describe, expect, it } from 'vitest';
import { electronPlatform, type NetcanvasPreloadApi } from './electron';

function fakeApi() {
  const calls: unknown[][] = [];
  const listeners: {
    menu?: (c: string) => void;
    open?: (f: { path: string; name: string; text: string }) => void;
  } = {};
  const api: NetcanvasPreloadApi = {
    openProject: async () => ({ path: '/p/a.netcanvas.json', name: 'a.netcanvas.json', text: '{}' }),
    saveProject: async (request) => {
      calls.push(['save', request]);
      return { path: request.path ?? '/p/new.netcanvas.json', name: 'new.netcanvas.json' };
    },
    readAutosave: async () => 'kept',
    writeAutosave: async (text) => void calls.push(['write', text]),
    clearAutosave: async () => void calls.push(['clear']),
    setTitle: (title) => void calls.push(['title', title]),
    onCloseRequest: (mayClose) => {
      calls.push(['close?', mayClose()]);
      return () => {};
    },
    setEdited: (edited) => void calls.push(['edited', edited]),
    onMenuCommand: (listener) => {
      listeners.menu = listener;
      return () => {};
    },
    onOpenFile: (listener) => {
      listeners.open = listener;
      return () => {};
    },
  };
  return { api, calls, listeners };
}

const storage = { getItem: () => null, setItem: () => {} } as unknown as Storage;

describe('the Electron platform', () => {
  it('hands paths back as opaque handles and saves to the path it was given', async () => {
    const { api, calls } = fakeApi();
    const platform = electronPlatform(api, storage);
    const opened = await platform.openProject();
    expect(opened).toEqual({ name: 'a.netcanvas.json', text: '{}', handle: '/p/a.netcanvas.json' });
    const saved = await platform.saveProject({
      suggestedName: 'a.netcanvas.json',
      text: 'x',
      handle: opened!.handle,
      saveAs: false,
    });
    expect(calls[0]).toEqual([
      'save',
      { path: '/p/a.netcanvas.json', suggestedName: 'a.netcanvas.json', text: 'x', saveAs: false },
    ]);
    expect(saved?.handle).toBe('/p/a.netcanvas.json');
  });

  it('keeps the autosave through the preload and answers close requests', async () => {
    const { api, calls } = fakeApi();
    const platform = electronPlatform(api, storage);
    expect(await platform.autosave.read()).toBe('kept');
    await platform.autosave.write('doc');
    platform.guardClose(() => true);
    platform.setEdited(true);
    expect(calls).toEqual([
      ['write', 'doc'],
      ['close?', false],
      ['edited', true],
    ]);
  });

  it('passes on menu commands and files opened from outside', () => {
    const { api, listeners } = fakeApi();
    const platform = electronPlatform(api, storage);
    const seen: unknown[] = [];
    platform.onMenuCommand((c) => seen.push(c));
    platform.onOpenFile((f) => seen.push(f));
    listeners.menu?.('layout');
    listeners.open?.({ path: '/x.netcanvas.json', name: 'x.netcanvas.json', text: '{}' });
    expect(seen).toEqual(['layout', { name: 'x.netcanvas.json', text: '{}', handle: '/x.netcanvas.json' }]);
  });

  it('works with a preload that has only the required functions', () => {
    const { api } = fakeApi();
    const { setEdited: _a, onMenuCommand: _b, onOpenFile: _c, ...minimal } = api;
    const platform = electronPlatform(minimal, storage);
    expect(() => platform.setEdited(true)).not.toThrow();
    expect(typeof platform.onMenuCommand(() => {})).toBe('function');
  });
});
