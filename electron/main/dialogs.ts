import { type BrowserWindow, dialog } from 'electron';
import type { Dialogs } from './ipc.js';

const PROJECT_FILTERS = [
  { name: 'NetCanvas project', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

const DATA_FILTERS = [
  { name: 'Data files (CSV, IDX)', extensions: ['csv', 'gz', 'idx', 'idx1-ubyte', 'idx3-ubyte', 'ubyte'] },
  { name: 'All files', extensions: ['*'] },
];

/** The native dialogs, each attached to its window (a sheet on macOS). */
export function nativeDialogs(): Dialogs<BrowserWindow> & {
  confirmDiscard(win: BrowserWindow): Promise<boolean>;
  showError(win: BrowserWindow | null, message: string): void;
} {
  return {
    async openProject(win) {
      const result = await dialog.showOpenDialog(win, {
        title: 'Open Project',
        properties: ['openFile'],
        filters: PROJECT_FILTERS,
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveProject(win, defaultPath) {
      const result = await dialog.showSaveDialog(win, {
        title: 'Save Project',
        defaultPath,
        filters: PROJECT_FILTERS.slice(0, 1),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async exportFolder(win, defaultPath) {
      const result = await dialog.showSaveDialog(win, {
        title: 'Export Trained Model',
        buttonLabel: 'Export',
        message: 'The model files go into a folder of this name.',
        defaultPath,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openDataFolder(win) {
      const result = await dialog.showOpenDialog(win, {
        title: 'Open Image Folder',
        message: 'A folder with one subfolder of PNG or JPEG images per class.',
        properties: ['openDirectory'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async openDataFiles(win) {
      const result = await dialog.showOpenDialog(win, {
        title: 'Open Data Files',
        message: 'A CSV file, or IDX images and labels files (train, and optionally test).',
        properties: ['openFile', 'multiSelections'],
        filters: DATA_FILTERS,
      });
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
    },
    async confirmDiscard(win) {
      const { response } = await dialog.showMessageBox(win, {
        type: 'warning',
        buttons: ['Cancel', 'Discard Changes'],
        defaultId: 0,
        cancelId: 0,
        message: 'Close without saving?',
        detail: 'The project has unsaved changes.',
      });
      return response === 1;
    },
    showError(win, message) {
      const options = { type: 'error' as const, message: 'NetCanvas', detail: message };
      void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
    },
  };
}
