import type { BuiltinDataFile } from '../../engine/data/builtin-files';
import type { DataFileReader, FolderEntry } from '../../engine/data/types';

/**
 * The engine's file reader inside the training worker: it reads only what the app handed over with
 * the run (files the user opened, by the path the document names; built-in files the app read), so a
 * document can never make the worker read anything else. Own keys only: a path named "constructor"
 * or "__proto__" must not read Object.prototype.
 */
export function workerReader(
  files: Readonly<Record<string, string | Blob>> = {},
  builtin: Readonly<Partial<Record<BuiltinDataFile, Blob | null>>> = {},
): DataFileReader {
  const find = (path: string) => (Object.hasOwn(files, path) ? files[path] : undefined);
  return {
    async readText(path) {
      const file = find(path);
      if (file === undefined) throw new Error(`the file "${path}" was not opened in the app`);
      return typeof file === 'string' ? file : file.text();
    },
    async readBytes(path) {
      const file = find(path);
      if (file === undefined) throw new Error(`the file "${path}" was not opened in the app`);
      return typeof file === 'string'
        ? new TextEncoder().encode(file)
        : new Uint8Array(await file.arrayBuffer());
    },
    async listFolder(path) {
      const prefix = `${path.replace(/\/+$/, '')}/`;
      const entries = new Map<string, FolderEntry['kind']>();
      for (const key of Object.keys(files)) {
        if (!key.startsWith(prefix)) continue;
        const [name = '', ...rest] = key.slice(prefix.length).split('/');
        if (name) entries.set(name, rest.length ? 'folder' : 'file');
      }
      if (entries.size === 0) throw new Error(`the folder "${path}" was not opened in the app`);
      return [...entries].map(([name, kind]) => ({ name, kind }));
    },
    async readBuiltin(file) {
      if (!Object.hasOwn(builtin, file))
        throw new Error('the app was still reading it; train again in a moment');
      const blob = builtin[file];
      return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
    },
  };
}
