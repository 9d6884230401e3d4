import { BUILTIN_DATA_URL_PREFIX, type BuiltinDataFile } from '../../engine/data/builtin-files';
import { type DirectoryHandleLike, folderFromFileList, folderFromHandle } from './data-files';
import type { OpenedData } from './types';

/** The plain browser's data files: pickers, and the built-in data sets from the web server. */

interface DataPickerWindow {
  showDirectoryPicker?: (options?: object) => Promise<DirectoryHandleLike>;
  showOpenFilePicker?: (options: object) => Promise<{ getFile(): Promise<File> }[]>;
}

const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';

/**
 * A built-in data set's file from the server that serves the app (`npm run web` and `vite preview`
 * serve Fashion-MNIST's from Debian's folder at datasets/…); null when it is not there.
 */
export async function fetchBuiltinData(win: Window, file: BuiltinDataFile): Promise<Uint8Array | null> {
  const response = await win.fetch(new URL(`${BUILTIN_DATA_URL_PREFIX}${file}`, win.document.baseURI));
  // A static host may answer any path with the app's own index.html: that is "not there" too.
  if (response.status === 404 || response.headers.get('content-type')?.startsWith('text/html')) return null;
  if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** An <input type="file"> that resolves with the chosen files, or null on cancel. */
function chooseFiles(doc: Document, setUp: (input: HTMLInputElement) => void): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.style.display = 'none';
    setUp(input);
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []);
      input.remove();
      resolve(files.length ? files : null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    doc.body.append(input);
    input.click();
  });
}

/** A folder of class subfolders: the File System Access picker where there is one, else webkitdirectory. */
export async function pickDataFolder(win: Window): Promise<OpenedData | null> {
  const picker = win as unknown as DataPickerWindow;
  if (picker.showDirectoryPicker) {
    try {
      return await folderFromHandle(await picker.showDirectoryPicker({ id: 'netcanvas-data', mode: 'read' }));
    } catch (err) {
      if (isAbort(err)) return null;
      throw err;
    }
  }
  const files = await chooseFiles(win.document, (input) => {
    input.webkitdirectory = true;
  });
  return files ? folderFromFileList(files) : null;
}

/** Data files (a CSV, IDX files): several at once. */
export async function pickDataFiles(win: Window): Promise<OpenedData | null> {
  const picker = win as unknown as DataPickerWindow;
  let files: File[] | null;
  if (picker.showOpenFilePicker) {
    try {
      const handles = await picker.showOpenFilePicker({ id: 'netcanvas-data', multiple: true });
      files = await Promise.all(handles.map((h) => h.getFile()));
    } catch (err) {
      if (isAbort(err)) return null;
      throw err;
    }
  } else {
    files = await chooseFiles(win.document, (input) => {
      input.multiple = true;
    });
  }
  if (!files?.length) return null;
  return { name: files[0]?.name ?? '', kind: 'files', files: files.map((f) => ({ path: f.name, data: f })) };
}
