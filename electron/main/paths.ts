import { join } from 'node:path';

/**
 * Where the desktop app's pieces live, relative to the app's root (the folder holding package.json,
 * `app.getAppPath()` at run time; inside app.asar once packaged). The one place these are named:
 * the build script, the start script, the packaging config test and main all read them here.
 */
export const RENDERER_OUT_DIR = 'dist/web';
export const RENDERER_ENTRY = 'index.html';
export const ELECTRON_OUT_DIR = 'dist/electron';
export const MAIN_BUNDLE = `${ELECTRON_OUT_DIR}/main.cjs`;
export const PRELOAD_BUNDLE = `${ELECTRON_OUT_DIR}/preload.cjs`;
export const DEFAULT_PRESET = 'presets/moons-adam.netcanvas.json';

/** In development, main loads the renderer from this URL (Vite's dev server) instead of dist/. */
export const DEV_URL_ENV = 'NETCANVAS_DEV_URL';

export function rendererDir(appRoot: string): string {
  return join(appRoot, RENDERER_OUT_DIR);
}

export function preloadPath(appRoot: string): string {
  return join(appRoot, PRELOAD_BUNDLE);
}

/**
 * The dev server URL, only for an unpackaged app and only on this machine (localhost): a packaged
 * app, or a URL elsewhere, always loads the built renderer.
 */
export function devServerUrl(env: Record<string, string | undefined>, isPackaged: boolean): string | null {
  const value = env[DEV_URL_ENV];
  if (!value || isPackaged) return null;
  try {
    const url = new URL(value);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return local && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : null;
  } catch {
    return null;
  }
}
