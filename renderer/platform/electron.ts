import type { BuiltinDataFile } from '../../engine/data/builtin-files';
import type { MenuCommand, ModelExport, OpenedData, Platform } from './types';

const blob = (data: Uint8Array) => new Blob([data as BlobPart]);
const OLD_BUILD = 'This NetCanvas build cannot open data files from the desktop app.';

/**
 * What this renderer needs of `window.netcanvas`, the API Electron's preload exposes through
 * contextBridge (one function per operation; `electron/shared/api.ts` has the full contract, which
 * includes these). File paths stay opaque here. The optional members are used when present.
 */
export interface NetcanvasPreloadApi {
  openProject(): Promise<{ path: string; name: string; text: string } | null>;
  saveProject(request: {
    path: string | null;
    suggestedName: string;
    text: string;
    saveAs: boolean;
  }): Promise<{ path: string; name: string } | null>;
  readAutosave(): Promise<string | null>;
  writeAutosave(text: string): Promise<void>;
  clearAutosave(): Promise<void>;
  setTitle(title: string): void;
  /**
   * Registers the renderer's answer to "may the window close now?"; main shows its own dialog when
   * the answer is false. Returns a function that unregisters it.
   */
  onCloseRequest(mayClose: () => boolean): () => void;
  setEdited?(edited: boolean): void;
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
  onOpenFile?(listener: (file: { path: string; name: string; text: string }) => void): () => void;
  exportModel?(request: ModelExport): Promise<{ folder: string; files: string[] } | null>;
  readBuiltinData?(file: BuiltinDataFile): Promise<Uint8Array | null>;
  openDataFolder?(): Promise<{ name: string; files: { path: string; data: Uint8Array }[] } | null>;
  openDataFiles?(): Promise<{ name: string; data: Uint8Array }[] | null>;
}

declare global {
  interface Window {
    netcanvas?: NetcanvasPreloadApi;
  }
}

/** The Electron platform: every operation goes through the preload API (main does the file work). */
export function electronPlatform(api: NetcanvasPreloadApi, storage: Storage): Platform {
  return {
    kind: 'electron',
    async openProject() {
      const file = await api.openProject();
      return file && { name: file.name, text: file.text, handle: file.path };
    },
    async saveProject({ suggestedName, text, handle, saveAs }) {
      const path = typeof handle === 'string' ? handle : null;
      const saved = await api.saveProject({ path, suggestedName, text, saveAs });
      return saved && { name: saved.name, handle: saved.path };
    },
    autosave: {
      read: () => api.readAutosave(),
      write: (text) => api.writeAutosave(text),
      clear: () => api.clearAutosave(),
    },
    preferences: {
      get: (key) => storage.getItem(`netcanvas:${key}`),
      set: (key, value) => storage.setItem(`netcanvas:${key}`, value),
    },
    setTitle: (title) => api.setTitle(title),
    guardClose: (hasUnsavedChanges) => api.onCloseRequest(() => !hasUnsavedChanges()),
    setEdited: (edited) => api.setEdited?.(edited),
    onMenuCommand: (listener) => api.onMenuCommand?.(listener) ?? (() => {}),
    onOpenFile: (listener) =>
      api.onOpenFile?.((file) => listener({ name: file.name, text: file.text, handle: file.path })) ??
      (() => {}),
    async exportModel(request) {
      if (!api.exportModel) throw new Error('This NetCanvas build cannot export from the desktop app.');
      return (await api.exportModel(request))?.folder ?? null;
    },
    async readBuiltinData(file) {
      if (!api.readBuiltinData) throw new Error(OLD_BUILD);
      return api.readBuiltinData(file);
    },
    async openDataFolder(): Promise<OpenedData | null> {
      if (!api.openDataFolder) throw new Error(OLD_BUILD);
      const folder = await api.openDataFolder();
      if (!folder) return null;
      const files = folder.files.map((f) => ({ path: `${folder.name}/${f.path}`, data: blob(f.data) }));
      return { name: folder.name, kind: 'folder', files };
    },
    async openDataFiles(): Promise<OpenedData | null> {
      if (!api.openDataFiles) throw new Error(OLD_BUILD);
      const files = await api.openDataFiles();
      if (!files?.length) return null;
      return {
        name: files[0]?.name ?? '',
        kind: 'files',
        files: files.map((f) => ({ path: f.name, data: blob(f.data) })),
      };
    },
  };
}
