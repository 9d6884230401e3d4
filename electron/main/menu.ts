import type { MenuItemConstructorOptions } from 'electron';
import type { DesktopPlatform, MenuCommand, RecentFile } from '../shared/api.js';

export interface MenuActions {
  /** Asks the focused window's renderer to run one of its commands. */
  command(command: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
}

export interface MenuOptions {
  platform: DesktopPlatform;
  appName: string;
  recent: readonly RecentFile[];
  /** Development builds get Reload and the developer tools. */
  dev: boolean;
  actions: MenuActions;
}

/**
 * The application menu, with the platform's conventions: on macOS an app menu (About, Services,
 * Hide, Quit) and Close/Minimize in Window; elsewhere Exit in File. Accelerators match the
 * editor's shortcuts (renderer/panels/shortcuts.ts); the renderer handles those keys itself and
 * calls preventDefault, so Electron only runs a menu accelerator for keys the page left alone.
 */
export function buildMenuTemplate({
  platform,
  appName,
  recent,
  dev,
  actions,
}: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const run = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.command(command),
  });
  const recentMenu: MenuItemConstructorOptions[] = recent.length
    ? [
        ...recent.map((f) => ({ label: f.name, toolTip: f.path, click: () => actions.openRecent(f.path) })),
        { type: 'separator' },
        { label: 'Clear Menu', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No Recent Files', enabled: false }];

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      run('New Project', 'new', 'CmdOrCtrl+N'),
      run('Open…', 'open', 'CmdOrCtrl+O'),
      { label: 'Open Recent', submenu: recentMenu },
      { type: 'separator' },
      run('Save', 'save', 'CmdOrCtrl+S'),
      run('Save As…', 'saveAs', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      run('Export Trained Model…', 'export'),
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit', label: 'E&xit' },
    ],
  };
  const redo: MenuItemConstructorOptions[] = mac
    ? [run('Redo', 'redo', 'Cmd+Shift+Z')]
    : [run('Redo', 'redo', 'Ctrl+Y'), { ...run('Redo', 'redo', 'Ctrl+Shift+Z'), visible: false }];
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      run('Undo', 'undo', 'CmdOrCtrl+Z'),
      ...redo,
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      run('Fit Graph to Window', 'fitView'),
      run('Tidy Layout', 'layout'),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(dev ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as const) : []),
    ],
  };
  const train: MenuItemConstructorOptions = {
    label: '&Train',
    submenu: [run('Train', 'train', 'CmdOrCtrl+Enter'), run('Stop Training', 'stopTraining')],
  };
  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      run('Keyboard Shortcuts', 'showShortcuts'),
      ...(mac ? [] : ([{ type: 'separator' }, { role: 'about' }] as const)),
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, train, ...(mac ? [windowMenu] : []), help];
}

/** Every accelerator of a template, by label path ("File/Save" → "CmdOrCtrl+S"); for tests and docs. */
export function acceleratorsOf(template: MenuItemConstructorOptions[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of template) {
    const label = `${prefix}${(item.label ?? item.role ?? '').replace('&', '')}`;
    if (item.accelerator && item.visible !== false) out[label] = String(item.accelerator);
    if (Array.isArray(item.submenu)) Object.assign(out, acceleratorsOf(item.submenu, `${label}/`));
  }
  return out;
}
