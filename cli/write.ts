import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes a file whole or not at all: a temporary file, then a rename. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/**
 * Why `--out DIR` cannot take the files, checked before training so a long run is not lost at the end:
 * `--out notes.txt` (a file) → 'netcanvas: --out notes.txt is a file; …'. Null when DIR is a folder or
 * can be made.
 */
export async function outFolderProblem(dir: string): Promise<string | null> {
  const info = await stat(dir).catch(() => null);
  if (info && !info.isDirectory())
    return `--out ${dir} is a file, not a folder; name a folder (new or existing) to write the model into.`;
  return null;
}

/** Writes `files` into `dir` (made if missing); returns the paths written. */
export async function writeFolder(dir: string, files: { name: string; data: string | Uint8Array }[]) {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const f of files) {
    await writeAtomic(join(dir, f.name), f.data);
    paths.push(join(dir, f.name));
  }
  return paths;
}
