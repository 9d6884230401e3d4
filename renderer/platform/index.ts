import { browserPlatform } from './browser';
import { electronPlatform } from './electron';
import type { Platform } from './types';

export { browserPlatform } from './browser';
export { dataFromDrop } from './data-files';
export type { NetcanvasPreloadApi } from './electron';
export { electronPlatform } from './electron';
export type * from './types';

/** Electron when its preload put `window.netcanvas` there, else the plain browser. */
export function detectPlatform(win: Window): Platform {
  return win.netcanvas ? electronPlatform(win.netcanvas, win.localStorage) : browserPlatform(win);
}
