import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BuiltinDataFile } from '../../engine/data/builtin-files.js';
import { MAX_DATA_FILE_BYTES, MAX_FOLDER_IMAGES } from '../../engine/data/limits.js';
import type { OpenedDataFile, OpenedDataFolder } from '../shared/api.js';
import { FileError } from './files.js';

/**
 * Data files for the page, read only where the user pointed: a folder or files chosen in a dialog,
 * and the four files of a built-in data set in Debian's fixed folder. Main sends their bytes; the
 * page's training worker decodes them.
 */

/** Most bytes one folder of images sends to the page. */
export const MAX_DATA_FOLDER_BYTES = 1024 * 2 ** 20;

const IMAGE = /\.(png|jpe?g)$/i;
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

/** A built-in data set's file from `folder` (/usr/share/datasets), or null when it is not installed. */
export async function readBuiltinDataFile(folder: string, file: BuiltinDataFile): Promise<Uint8Array | null> {
  try {
    const info = await stat(join(folder, file));
    if (!info.isFile() || info.size > MAX_DATA_FILE_BYTES)
      throw new FileError(`${file} is not a data file NetCanvas reads.`);
    return await readFile(join(folder, file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Files the user chose, each a regular file of at most MAX_DATA_FILE_BYTES. */
export async function readDataFiles(paths: readonly string[]): Promise<OpenedDataFile[]> {
  const files: OpenedDataFile[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (!info.isFile()) throw new FileError(`${basename(path)} is not a file.`);
    if (info.size > MAX_DATA_FILE_BYTES) {
      throw new FileError(
        `${basename(path)} is ${mib(info.size)}; data files are at most ${mib(MAX_DATA_FILE_BYTES)}.`,
      );
    }
    files.push({ name: basename(path), data: await readFile(path) });
  }
  return files;
}

/**
 * The images of a folder the user chose: each visible subfolder's .png/.jpg/.jpeg files, as paths
 * relative to the folder ('boot/1.png'). Deeper folders and other files are left, as the engine
 * leaves them; at most MAX_FOLDER_IMAGES images and MAX_DATA_FOLDER_BYTES in all.
 */
export async function readDataFolder(folder: string): Promise<OpenedDataFolder> {
  const name = basename(folder);
  const found: { path: string; full: string }[] = [];
  for (const sub of await readdir(folder, { withFileTypes: true })) {
    if (sub.name.startsWith('.')) continue;
    const subPath = join(folder, sub.name);
    if (
      !(sub.isDirectory() || (sub.isSymbolicLink() && (await stat(subPath).catch(() => null))?.isDirectory()))
    )
      continue;
    for (const entry of await readdir(subPath)) {
      if (entry.startsWith('.') || !IMAGE.test(entry)) continue;
      found.push({ path: `${sub.name}/${entry}`, full: join(subPath, entry) });
      if (found.length > MAX_FOLDER_IMAGES) {
        throw new FileError(
          `${name} holds more than ${MAX_FOLDER_IMAGES.toLocaleString('en-US')} images; NetCanvas reads at most that many.`,
        );
      }
    }
  }
  let total = 0;
  const files: OpenedDataFolder['files'] = [];
  for (const image of found) {
    const info = await stat(image.full);
    if (!info.isFile()) continue;
    total += info.size;
    if (total > MAX_DATA_FOLDER_BYTES) {
      throw new FileError(
        `${name} holds more than ${mib(MAX_DATA_FOLDER_BYTES)} of images; NetCanvas reads at most that much.`,
      );
    }
    files.push({ path: image.path, data: await readFile(image.full) });
  }
  return { name, files };
}
