// The desktop shell's entry point: wires the concerns (windows, menu, files, IPC, security, app
// state) together and runs the app's life cycle. Each concern lives in its own file.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { app, type BrowserWindow, ipcMain, Menu, protocol, session, shell } from 'electron';
import { DEBIAN_DATASETS_FOLDER } from '../../engine/data/builtin-files.js';
import type { RecentFile } from '../shared/api.js';
import { IpcChannel } from '../shared/channels.js';
import { AppStateStore, appStateFile } from './app-state.js';
import { projectFilesFromArgv } from './command-line.js';
import { nativeDialogs } from './dialogs.js';
import { readProjectFile } from './files.js';
import { webgpuSwitches } from './gpu.js';
import { FileGrants } from './grants.js';
import { registerIpc } from './ipc.js';
import { buildMenuTemplate } from './menu.js';
import { devServerUrl, preloadPath, RENDERER_ENTRY, rendererDir } from './paths.js';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol.js';
import { addRecentFile } from './recent-files.js';
import {
  APP_ORIGIN,
  APP_SCHEME,
  contentSecurityPolicy,
  guardWebContents,
  hardenSession,
  isExternalLink,
  senderWindow,
} from './security.js';
import { WindowSession } from './window-session.js';
import { createMainWindow } from './windows.js';

const appRoot = app.getAppPath();
const devUrl = devServerUrl(process.env, app.isPackaged);
const trustedOrigins = devUrl ? [APP_ORIGIN, devUrl] : [APP_ORIGIN];
const csp = contentSecurityPolicy(devUrl);
const pageUrl = devUrl ?? `${APP_ORIGIN}/${RENDERER_ENTRY}`;

for (const [name, value] of webgpuSwitches(process.platform, process.env))
  app.commandLine.appendSwitch(name, value);
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const openExternal = (url: string) => {
  if (isExternalLink(url)) void shell.openExternal(url);
};

if (!app.requestSingleInstanceLock()) {
  // Another NetCanvas runs: it gets our command line (second-instance) and opens the files.
  app.quit();
} else {
  run();
}

function run(): void {
  const dialogs = nativeDialogs();
  const grants = new FileGrants();
  let state: AppStateStore | null = null;
  let win: BrowserWindow | null = null;
  let windowSession: WindowSession | null = null;
  let quitting = false;
  /** Files the OS handed over before the window existed. */
  const waiting: string[] = projectFilesFromArgv(process.argv, process.cwd());

  const setMenu = (recent: readonly RecentFile[]) => {
    const template = buildMenuTemplate({
      platform: process.platform as 'darwin' | 'win32' | 'linux',
      appName: app.name,
      recent,
      dev: !app.isPackaged,
      actions: {
        command: (command) => win?.webContents.send(IpcChannel.MenuCommand, command),
        openRecent: (path) => void openFromOutside(path),
        clearRecent: () =>
          void state?.setRecent([]).then(() => {
            app.clearRecentDocuments();
            setMenu([]);
          }),
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  /** A file the user opened outside the page (double-click, second instance, Open Recent). */
  const openFromOutside = async (path: string) => {
    if (!state) {
      waiting.push(path); // before ready: the first window takes it
      return;
    }
    if (!win || !windowSession) {
      waiting.push(path); // macOS, no window left: open one, which takes it
      openWindow(state);
      return;
    }
    if (win.isMinimized()) win.restore();
    win.focus();
    try {
      const text = await readProjectFile(path);
      grants.grant(win.id, path);
      const recent = addRecentFile(state.recent, path);
      await state.setRecent(recent);
      app.addRecentDocument(path);
      setMenu(recent);
      windowSession.openFile({ path, name: basename(path), text });
    } catch (err) {
      dialogs.showError(win, (err as Error).message);
    }
  };

  const openWindow = (store: AppStateStore) => {
    const created = createMainWindow({
      url: pageUrl,
      preload: preloadPath(appRoot),
      devTools: !app.isPackaged,
      state: store,
      // Packaged, the icon comes from the .desktop file (Linux) or the app bundle; unpackaged, from build/.
      ...(process.platform === 'linux' && !app.isPackaged
        ? { icon: join(appRoot, 'build', 'icon.png') }
        : {}),
    });
    const current = new WindowSession({
      send: (channel, payload) => created.webContents.send(channel, payload),
      confirmDiscard: () => dialogs.confirmDiscard(created),
      close: () => created.close(),
    });
    created.on('close', (event) => current.onClose(event));
    created.webContents.on('did-start-loading', () => current.pageReloading());
    created.on('closed', () => {
      grants.forget(created.id);
      if (win === created) {
        win = null;
        windowSession = null;
      }
    });
    win = created;
    windowSession = current;
    for (const path of waiting.splice(0)) void openFromOutside(path);
  };

  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openFromOutside(path);
  });
  app.on('second-instance', (_event, argv, cwd) => {
    const files = projectFilesFromArgv(argv, cwd);
    if (files.length === 0 && win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    for (const path of files) void openFromOutside(path);
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitting) app.quit();
  });

  void app.whenReady().then(async () => {
    const userData = app.getPath('userData');
    const store = await AppStateStore.load(appStateFile(userData));
    state = store;
    const renderer = rendererDir(appRoot);
    if (!devUrl && !existsSync(join(renderer, RENDERER_ENTRY))) {
      dialogs.showError(
        null,
        `The editor is not built (${join(renderer, RENDERER_ENTRY)} is missing). Run: npm run build:web`,
      );
    }
    protocol.handle(APP_SCHEME, createAppProtocolHandler(renderer, csp));
    hardenSession(session.defaultSession, trustedOrigins, csp);
    registerIpc({
      ipcMain,
      windowOf: (event) => senderWindow(event, win ? [win] : [], trustedOrigins),
      dialogs,
      state: store,
      grants,
      userData,
      datasetsFolder: DEBIAN_DATASETS_FOLDER,
      recentChanged: (recent, added) => {
        if (added) app.addRecentDocument(added);
        else if (recent.length === 0) app.clearRecentDocuments();
        setMenu(recent);
      },
      readyForFiles: () => windowSession?.markReady(),
      closeAnswer: (_win, id, mayClose) => void windowSession?.answer(id, mayClose),
      warn: (message) => console.warn(message),
    });
    setMenu(store.recent);
    openWindow(store);
    app.on('activate', () => {
      if (!win) openWindow(store);
    });
  });
}
