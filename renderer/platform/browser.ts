import { fetchBuiltinData, pickDataFiles, pickDataFolder } from './browser-data';
import type { AutosaveStore, FileHandle, KeyValueStore, Platform, ProjectFile, SavedFile } from './types';

const AUTOSAVE_KEY = 'netcanvas:autosave';
const PICKER_TYPES = [{ description: 'NetCanvas project', accept: { 'application/json': ['.json'] } }];

/** The parts of the File System Access API used here (Chromium; absent in Firefox and Safari). */
interface WritableFileHandle {
  name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
}
interface FileSystemAccessWindow {
  showOpenFilePicker?: (options: object) => Promise<WritableFileHandle[]>;
  showSaveFilePicker?: (options: object) => Promise<WritableFileHandle>;
}

const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';

/** Opens a file with an <input type="file"> (browsers without the File System Access API). */
function uploadFile(doc: Document): Promise<ProjectFile | null> {
  return new Promise((resolve, reject) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      file.text().then((text) => resolve({ name: file.name, text, handle: null }), reject);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    doc.body.append(input);
    input.click();
  });
}

/** Saves by downloading (browsers without the File System Access API). */
function downloadFile(doc: Document, name: string, text: string | Uint8Array): void {
  const type = typeof text === 'string' ? 'application/json' : 'application/octet-stream';
  const url = URL.createObjectURL(new Blob([text as BlobPart], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function localStorageAutosave(storage: Storage): AutosaveStore {
  return {
    read: async () => storage.getItem(AUTOSAVE_KEY),
    write: async (text) => {
      try {
        storage.setItem(AUTOSAVE_KEY, text);
      } catch {
        // Quota exceeded: keeping the last autosave is better than failing the edit.
      }
    },
    clear: async () => storage.removeItem(AUTOSAVE_KEY),
  };
}

function localPreferences(storage: Storage): KeyValueStore {
  return {
    get: (key) => storage.getItem(`netcanvas:${key}`),
    set: (key, value) => {
      try {
        storage.setItem(`netcanvas:${key}`, value);
      } catch {
        // Private mode without storage: preferences last for the session only.
      }
    },
  };
}

/**
 * The plain-browser platform: the File System Access API where the browser has it (open, then save
 * back to the same file), else upload and download; autosave and preferences in local storage.
 */
export function browserPlatform(win: Window): Platform {
  const fsa = win as unknown as FileSystemAccessWindow;
  return {
    kind: 'browser',
    async openProject() {
      if (!fsa.showOpenFilePicker) return uploadFile(win.document);
      try {
        const [handle] = await fsa.showOpenFilePicker({ types: PICKER_TYPES, multiple: false });
        if (!handle) return null;
        const file = await handle.getFile();
        return { name: file.name, text: await file.text(), handle };
      } catch (err) {
        if (isAbort(err)) return null;
        throw err;
      }
    },
    async saveProject({ suggestedName, text, handle, saveAs }): Promise<SavedFile | null> {
      if (!fsa.showSaveFilePicker) {
        downloadFile(win.document, suggestedName, text);
        return { name: suggestedName, handle: null };
      }
      try {
        let target = handle as WritableFileHandle | null;
        if (!target || saveAs) target = await fsa.showSaveFilePicker({ suggestedName, types: PICKER_TYPES });
        const writable = await target.createWritable();
        await writable.write(text);
        await writable.close();
        return { name: target.name, handle: target as FileHandle };
      } catch (err) {
        if (isAbort(err)) return null;
        throw err;
      }
    },
    autosave: localStorageAutosave(win.localStorage),
    preferences: localPreferences(win.localStorage),
    setTitle(title) {
      win.document.title = title;
    },
    guardClose(hasUnsavedChanges) {
      const onBeforeUnload = (event: BeforeUnloadEvent) => {
        if (hasUnsavedChanges()) event.preventDefault();
      };
      win.addEventListener('beforeunload', onBeforeUnload);
      return () => win.removeEventListener('beforeunload', onBeforeUnload);
    },
    setEdited() {},
    onMenuCommand: () => () => {},
    onOpenFile: () => () => {},
    async exportModel({ files }) {
      // A page cannot write a folder: each file is a download of its own.
      for (const file of files) downloadFile(win.document, file.name, file.data);
      return 'downloads';
    },
    readBuiltinData: (file) => fetchBuiltinData(win, file),
    openDataFolder: () => pickDataFolder(win),
    openDataFiles: () => pickDataFiles(win),
  };
}
