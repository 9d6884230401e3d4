import type { DataFileReader } from './types.js';

/** Test helpers for data files. */

/** An IDX file: 00 00, the type code, the number of dimensions, big-endian sizes, then the bytes. */
export function idxFile(type: number, dims: readonly number[], values: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dims.length + values.length);
  bytes.set([0, 0, type, dims.length]);
  const view = new DataView(bytes.buffer);
  dims.forEach((d, i) => {
    view.setUint32(4 + 4 * i, d, false);
  });
  bytes.set(values, 4 + 4 * dims.length);
  return bytes;
}

/** A reader over files in memory: text for readText, bytes for readBytes; a missing file rejects with ENOENT. */
export function memoryReader(files: Readonly<Record<string, string | Uint8Array>>): DataFileReader {
  const find = (path: string) => {
    const file = Object.hasOwn(files, path) ? files[path] : undefined;
    if (file === undefined) throw new Error(`ENOENT: no such file '${path}'`);
    return file;
  };
  return {
    readText: async (path) => {
      const file = find(path);
      if (typeof file !== 'string') throw new Error(`'${path}' is held as bytes in this test`);
      return file;
    },
    readBytes: async (path) => {
      const file = find(path);
      if (typeof file === 'string') throw new Error(`'${path}' is held as text in this test`);
      return file;
    },
  };
}
