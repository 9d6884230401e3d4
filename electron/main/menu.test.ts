import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { DesktopPlatform, MenuCommand } from '../shared/api.js';
import { acceleratorsOf, buildMenuTemplate } from './menu.js';

function template(
  platform: DesktopPlatform,
  dev = false,
  recent = [{ path: '/p/moons.netcanvas.json', name: 'moons.netcanvas.json' }],
) {
  const commands: MenuCommand[] = [];
  const opened: string[] = [];
  let cleared = 0;
  const menu = buildMenuTemplate({
    platform,
    appName: 'NetCanvas',
    recent,
    dev,
    actions: {
      command: (c) => commands.push(c),
      openRecent: (p) => opened.push(p),
      clearRecent: () => {
        cleared += 1;
      },
    },
  });
  return { menu, commands, opened, cleared: () => cleared };
}

/** The item at a label path, e.g. ['File', 'Save']. */
function item(menu: MenuItemConstructorOptions[], ...path: string[]): MenuItemConstructorOptions {
  let items = menu;
  let found: MenuItemConstructorOptions | undefined;
  for (const label of path) {
    found = items.find((i) => (i.label ?? i.role ?? '').replace('&', '') === label);
    if (!found) throw new Error(`No menu item ${path.join(' › ')}`);
    items = (found.submenu as MenuItemConstructorOptions[]) ?? [];
  }
  return found!;
}

const click = (i: MenuItemConstructorOptions) => (i.click as () => void)();

describe('application menu', () => {
  it("uses the editor's shortcuts on Windows and Linux (Ctrl+Y for redo)", () => {
    expect(acceleratorsOf(template('linux').menu)).toEqual({
      'File/New Project': 'CmdOrCtrl+N',
      'File/Open…': 'CmdOrCtrl+O',
      'File/Save': 'CmdOrCtrl+S',
      'File/Save As…': 'CmdOrCtrl+Shift+S',
      'Edit/Undo': 'CmdOrCtrl+Z',
      'Edit/Redo': 'Ctrl+Y',
      'Train/Train': 'CmdOrCtrl+Enter',
    });
    // Ctrl+Shift+Z redoes too, from a hidden item (the menu shows one accelerator per item).
    const hidden = (item(template('win32').menu, 'Edit').submenu as MenuItemConstructorOptions[]).filter(
      (i) => i.visible === false,
    );
    expect(hidden.map((i) => i.accelerator)).toEqual(['Ctrl+Shift+Z']);
  });

  it('follows macOS conventions: the app menu first, Cmd+Shift+Z for redo, a Window menu, Close in File', () => {
    const { menu } = template('darwin');
    expect(menu.map((m) => m.label ?? m.role)).toEqual([
      'NetCanvas',
      '&File',
      '&Edit',
      '&View',
      '&Train',
      'windowMenu',
      'help',
    ]);
    expect(
      (item(menu, 'NetCanvas').submenu as MenuItemConstructorOptions[]).map((i) => i.role ?? i.type),
    ).toEqual([
      'about',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    expect(acceleratorsOf(menu)['Edit/Redo']).toBe('Cmd+Shift+Z');
    expect(item(menu, 'File', 'close').role).toBe('close');
  });

  it('has File, Edit, View, Train and Help elsewhere, with Exit in File', () => {
    const { menu } = template('win32');
    expect(menu.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', '&Train', 'help']);
    expect(item(menu, 'File', 'Exit').role).toBe('quit');
  });

  it('asks the renderer to run its own command for each item (it owns undo, saving and training)', () => {
    const t = template('linux');
    click(item(t.menu, 'File', 'Save As…'));
    click(item(t.menu, 'Edit', 'Undo'));
    click(item(t.menu, 'Train', 'Train'));
    click(item(t.menu, 'File', 'Export Trained Model…'));
    expect(t.commands).toEqual(['saveAs', 'undo', 'train', 'export']);
  });

  it('lists recent files and clears them; says so when there are none', () => {
    const t = template('linux');
    click(item(t.menu, 'File', 'Open Recent', 'moons.netcanvas.json'));
    click(item(t.menu, 'File', 'Open Recent', 'Clear Menu'));
    expect(t.opened).toEqual(['/p/moons.netcanvas.json']);
    expect(t.cleared()).toBe(1);
    const empty = template('linux', false, []);
    expect(item(empty.menu, 'File', 'Open Recent', 'No Recent Files').enabled).toBe(false);
  });

  it('offers Reload and the developer tools only in development', () => {
    const roles = (dev: boolean) =>
      (item(template('linux', dev).menu, 'View').submenu as MenuItemConstructorOptions[]).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});
