import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { MAX_PROJECT_BYTES } from '../shared/validation.js';

/** The project file extension; files of any `.json` name open, saves add this when it is missing. */
export const PROJECT_EXTENSION = '.netcanvas.json';

/** A user-facing failure: its message is shown as it is (no stack, no errno codes). */
export class FileError extends Error {
  override name = 'FileError';
}

/** The absolute, normalized form of a path the renderer sent; refuses relative paths. */
export function normalizeAbsolutePath(path: string): string {
  if (!isAbsolute(path)) throw new FileError('Paths from the page must be absolute.');
  return resolve(path);
}

/** True for names a project may have: *.json (NetCanvas writes *.netcanvas.json). */
export function isProjectFileName(path: string): boolean {
  return extname(path).toLowerCase() === '.json';
}

/** "moons" → "moons.netcanvas.json"; names that already end in .json stay as they are. */
export function withProjectExtension(path: string): string {
  return isProjectFileName(path) ? path : `${path}${PROJECT_EXTENSION}`;
}

/**
 * Writes a file whole or not at all: a temporary file beside it, flushed to disk, then renamed over
 * the target (atomic on one file system), so a crash mid-save leaves the old file, never half of one.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await unlink(tmp).catch(() => {});
    throw err;
  }
  await handle.close();
  try {
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
}

/** Reads a project file as UTF-8: a regular file of at most `limit` bytes, else a FileError. */
export async function readProjectFile(path: string, limit = MAX_PROJECT_BYTES): Promise<string> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new FileError(
      code === 'ENOENT' ? `${basename(path)} no longer exists.` : `Cannot read ${basename(path)}.`,
    );
  }
  if (!info.isFile()) throw new FileError(`${basename(path)} is not a file.`);
  if (info.size > limit) {
    throw new FileError(
      `${basename(path)} is ${Math.round(info.size / 2 ** 20)} MiB; projects are at most ${limit / 2 ** 20} MiB.`,
    );
  }
  const handle = await open(path, 'r');
  try {
    // Read at most limit + 1 bytes: a file that grew since stat() is refused, not read whole.
    const buffer = Buffer.alloc(Math.min(info.size, limit) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > limit) throw new FileError(`${basename(path)} is larger than ${limit / 2 ** 20} MiB.`);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Writes project text atomically after checking its UTF-8 size. */
export async function writeProjectFile(path: string, text: string, limit = MAX_PROJECT_BYTES): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > limit) throw new FileError(`The project is larger than ${limit / 2 ** 20} MiB.`);
  await writeFileAtomic(path, bytes);
}

/** Writes export files into `folder` (created if needed), each atomically. Names are plain already. */
export async function writeExportFiles(
  folder: string,
  files: { name: string; data: Uint8Array }[],
): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const f of files) {
    if (basename(f.name) !== f.name) throw new FileError(`"${f.name}" is not a plain file name.`);
    await writeFileAtomic(join(folder, f.name), f.data);
    written.push(f.name);
  }
  return written;
}

/** The autosave slot: one file in the app's data folder. */
export function autosaveFile(userData: string): string {
  return join(userData, `autosave${PROJECT_EXTENSION}`);
}

/** Reads the autosave, or null when there is none (or it cannot be read: autosave is best effort). */
export async function readAutosave(userData: string): Promise<string | null> {
  try {
    return await readProjectFile(autosaveFile(userData));
  } catch {
    return null;
  }
}

export async function writeAutosave(userData: string, text: string): Promise<void> {
  await mkdir(userData, { recursive: true });
  await writeProjectFile(autosaveFile(userData), text);
}

export async function clearAutosave(userData: string): Promise<void> {
  await unlink(autosaveFile(userData)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}
