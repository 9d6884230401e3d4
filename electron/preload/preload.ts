// The preload script, run sandboxed before the page: it may require only 'electron' (bundled by
// esbuild into one CommonJS file). It exposes the NetCanvas API and nothing else.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { DesktopPlatform } from '../shared/api.js';
import { createNetCanvasApi } from './api.js';

contextBridge.exposeInMainWorld(
  'netcanvas',
  createNetCanvasApi({
    ipc: ipcRenderer,
    pathForFile: (file) => webUtils.getPathForFile(file),
    platform: process.platform as DesktopPlatform,
  }),
);
