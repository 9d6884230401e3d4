import { BrowserWindow, screen } from 'electron';
import type { AppStateStore } from './app-state.js';
import { secureWebPreferences } from './security.js';
import { captureWindowState, MIN_SIZE, restoreBounds } from './window-state.js';

export interface MainWindowOptions {
  /** The page: app://netcanvas/index.html, or the dev server. */
  url: string;
  preload: string;
  devTools: boolean;
  state: AppStateStore;
  /** Linux draws this as the window icon (Windows and macOS take the app's). */
  icon?: string;
}

/** Saves at most this often while the window is dragged or resized. */
const SAVE_DELAY_MS = 400;

/**
 * The editor window, where it was last time (if that is still on a screen), shown once the page
 * has painted. Its size and position are remembered as they change.
 */
export function createMainWindow({ url, preload, devTools, state, icon }: MainWindowOptions): BrowserWindow {
  const { bounds, maximized } = restoreBounds(
    state.window,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'NetCanvas',
    ...(icon ? { icon } : {}),
    webPreferences: secureWebPreferences(preload, devTools),
  });
  if (maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!win.isDestroyed() && !win.isMinimized() && !win.isFullScreen())
      void state.setWindow(captureWindowState(win));
  };
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', save);

  void win.loadURL(url);
  return win;
}
