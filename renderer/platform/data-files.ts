import type { OpenedData } from './types';

/**
 * Data the user hands the app as files: a folder of class subfolders of images, or loose files
 * (CSV, IDX). The same DOM code serves a picked folder (the File System Access API, or an
 * <input webkitdirectory>) and a folder dropped on the window, in the browser and in Electron.
 * Paths are what a document names: 'shoes/boot/1.png' for a folder 'shoes', 'train.csv' for a file.
 */

const IMAGE = /\.(png|jpe?g)$/i;

/** 'shoes/boot/1.png' is an image of class 'boot'; deeper files, hidden ones and others are left out. */
export function isClassImage(path: string): boolean {
  const parts = path.split('/');
  return parts.length === 3 && parts.every((p) => p !== '' && !p.startsWith('.')) && IMAGE.test(path);
}

/** Files of an <input webkitdirectory>: each knows its path from the chosen folder ('shoes/boot/1.png'). */
export function folderFromFileList(files: readonly File[]): OpenedData | null {
  const kept = files
    .map((file) => ({ path: file.webkitRelativePath || file.name, data: file as Blob }))
    .filter((f) => isClassImage(f.path));
  const name = (files[0]?.webkitRelativePath ?? '').split('/')[0] ?? '';
  return name ? { name, kind: 'folder', files: kept } : null;
}

/** The parts of FileSystemDirectoryHandle (File System Access API) used here. */
export interface DirectoryHandleLike {
  kind: 'directory';
  name: string;
  values(): AsyncIterable<DirectoryHandleLike | FileHandleLike>;
}
export interface FileHandleLike {
  kind: 'file';
  name: string;
  getFile(): Promise<File>;
}

/** A picked folder: each visible subfolder's images, as 'folder/class/file.png'. */
export async function folderFromHandle(root: DirectoryHandleLike): Promise<OpenedData> {
  const files: OpenedData['files'] = [];
  for await (const sub of root.values()) {
    if (sub.kind !== 'directory' || sub.name.startsWith('.')) continue;
    for await (const entry of sub.values()) {
      const path = `${root.name}/${sub.name}/${entry.name}`;
      if (entry.kind === 'file' && isClassImage(path)) files.push({ path, data: await entry.getFile() });
    }
  }
  return { name: root.name, kind: 'folder', files };
}

/** The parts of the drag-and-drop FileSystemEntry API used here (webkitGetAsEntry). */
interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  file?(success: (file: File) => void, failure: (err: unknown) => void): void;
  createReader?(): {
    readEntries(success: (entries: EntryLike[]) => void, failure: (err: unknown) => void): void;
  };
}

/** Every entry of a dropped folder (readEntries answers in batches until an empty one). */
async function entriesOf(folder: EntryLike): Promise<EntryLike[]> {
  const reader = folder.createReader?.();
  if (!reader) return [];
  const all: EntryLike[] = [];
  for (;;) {
    const batch = await new Promise<EntryLike[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

const fileOf = (entry: EntryLike) =>
  new Promise<File>((resolve, reject) =>
    entry.file ? entry.file(resolve, reject) : reject(new Error('not a file')),
  );

/**
 * What was dropped: a folder (its class subfolders' images) or files, or null when the drop holds
 * neither (text, a link).
 */
export async function dataFromDrop(transfer: DataTransfer): Promise<OpenedData | null> {
  const entries = Array.from(transfer.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() as EntryLike | null)
    .filter((entry): entry is EntryLike => entry !== null && entry !== undefined);
  const folder = entries.find((e) => e.isDirectory);
  if (folder) {
    const files: OpenedData['files'] = [];
    for (const sub of await entriesOf(folder)) {
      if (!sub.isDirectory || sub.name.startsWith('.')) continue;
      for (const entry of await entriesOf(sub)) {
        const path = `${folder.name}/${sub.name}/${entry.name}`;
        if (entry.isFile && isClassImage(path)) files.push({ path, data: await fileOf(entry) });
      }
    }
    return { name: folder.name, kind: 'folder', files };
  }
  const files = Array.from(transfer.files ?? []);
  if (files.length === 0) return null;
  return { name: files[0]?.name ?? '', kind: 'files', files: files.map((f) => ({ path: f.name, data: f })) };
}
