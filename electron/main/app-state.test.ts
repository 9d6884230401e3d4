import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppStateStore, appStateFile, parseAppState } from './app-state.js';
import { addRecentFile, isRecentFile, MAX_RECENT_FILES, removeRecentFile } from './recent-files.js';
import { captureWindowState, DEFAULT_SIZE, MIN_SIZE, restoreBounds } from './window-state.js';

describe('recent files', () => {
  it('puts the newest first, moves a reopened file up, and keeps ten', () => {
    let list = addRecentFile([], '/p/a.netcanvas.json');
    list = addRecentFile(list, '/p/b.netcanvas.json');
    list = addRecentFile(list, '/p/x/../a.netcanvas.json');
    expect(list).toEqual([
      { path: '/p/a.netcanvas.json', name: 'a.netcanvas.json' },
      { path: '/p/b.netcanvas.json', name: 'b.netcanvas.json' },
    ]);
    for (let i = 0; i < 20; i++) list = addRecentFile(list, `/p/${i}.json`);
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]!.path).toBe('/p/19.json');
    expect(isRecentFile(list, '/p/15.json')).toBe(true);
    expect(isRecentFile(removeRecentFile(list, '/p/15.json'), '/p/15.json')).toBe(false);
  });
});

describe('window state', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1080 };

  it('restores the saved bounds when the window is still on a screen', () => {
    const saved = { x: 100, y: 80, width: 1400, height: 900, maximized: true };
    expect(restoreBounds(saved, [screen])).toEqual({
      bounds: { x: 100, y: 80, width: 1400, height: 900 },
      maximized: true,
    });
  });

  it('opens centred at the default size when its monitor is gone, or nothing was saved', () => {
    const onGoneMonitor = { x: 2500, y: 100, width: 1200, height: 800, maximized: false };
    expect(restoreBounds(onGoneMonitor, [screen]).bounds).toEqual(DEFAULT_SIZE);
    expect(restoreBounds(null, [screen])).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
  });

  it('clamps the size to the screen and to the minimum', () => {
    const huge = { x: 0, y: 0, width: 5000, height: 3000, maximized: false };
    expect(restoreBounds(huge, [screen]).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    const tiny = { x: 10, y: 10, width: 200, height: 100, maximized: false };
    expect(restoreBounds(tiny, [screen]).bounds).toMatchObject(MIN_SIZE);
  });

  it('remembers the normal bounds of a maximized window', () => {
    const win = {
      getNormalBounds: () => ({ x: 10.4, y: 20, width: 800, height: 600 }),
      isMaximized: () => true,
    };
    expect(captureWindowState(win)).toEqual({ x: 10, y: 20, width: 800, height: 600, maximized: true });
  });
});

describe('app state file', () => {
  it('survives restarts, and a damaged file gives the empty state instead of an error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netcanvas-state-'));
    const file = appStateFile(dir);
    const store = await AppStateStore.load(file);
    await store.setRecent(addRecentFile([], '/p/a.netcanvas.json'));
    await store.setWindow({ x: 1, y: 2, width: 900, height: 700, maximized: false });
    const again = await AppStateStore.load(file);
    expect(again.recent).toEqual([{ path: '/p/a.netcanvas.json', name: 'a.netcanvas.json' }]);
    expect(again.window).toEqual({ x: 1, y: 2, width: 900, height: 700, maximized: false });
    expect(JSON.parse(await readFile(file, 'utf8')).version).toBe(1);
    await writeFile(file, '{ not json');
    expect((await AppStateStore.load(file)).recent).toEqual([]);
    expect(parseAppState('{"version":1,"recent":"nope","window":{"x":"a"}}')).toEqual({
      version: 1,
      recent: [],
      window: null,
    });
  });
});
