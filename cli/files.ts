import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DEBIAN_DATASETS_FOLDER, isBuiltinDataFile } from '../engine/data/builtin-files.js';
import { MAX_DATA_FILE_BYTES } from '../engine/data/limits.js';
import type { DataFileReader, FolderEntry } from '../engine/data/types.js';
import { parseDocument } from '../engine/document/parse.js';
import type { GraphDocument } from '../engine/document/schema.js';
import type { Problem } from '../engine/problems.js';
import type { Output } from './output.js';

export type LoadedDocument =
  | { ok: true; doc: GraphDocument; reader: DataFileReader }
  | { ok: false; problems: Problem[] };

/** Set to 1 to let documents read data files outside their own folder (e.g. a shared data folder). */
export const ALLOW_OUTSIDE_DATA = 'NETCANVAS_ALLOW_OUTSIDE_DATA';

const isUrl = (path: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(path);

/** What a data file may not be, as the reason after "Cannot read '…': ". */
const outsideReason = (folder: string) =>
  `it is outside the document's folder ${folder}; NetCanvas reads data files only from there ` +
  `and below. Move the file into that folder, or set ${ALLOW_OUTSIDE_DATA}=1 to allow it`;

/**
 * Reads data files named in a document relative to the document's own folder. A project file is data:
 * it may not make the CLI fetch a URL, nor read a file outside its folder (`../../etc/passwd`, an
 * absolute path, a symbolic link leading out) unless the user allows it with
 * NETCANVAS_ALLOW_OUTSIDE_DATA=1. The same rules hold for text (CSV), bytes (IDX files, images) and
 * folder listings (image folders). Built-in data sets are read from `builtinFolder` (Debian's
 * /usr/share/datasets), and only the files BUILTIN_DATA_FILES names. Refusals are errors whose
 * message says why and what to do.
 */
export function folderReader(
  documentPath: string,
  allowOutside = process.env[ALLOW_OUTSIDE_DATA] === '1',
  builtinFolder = DEBIAN_DATASETS_FOLDER,
): DataFileReader {
  const folder = dirname(resolve(documentPath));
  let realFolder: Promise<string> | null = null;
  /** The absolute path of `path`, after the URL and folder checks. */
  const checked = async (path: string): Promise<string> => {
    if (isUrl(path))
      throw new Error('it is a URL; NetCanvas reads data from files only, never from the network');
    const target = resolve(folder, path);
    if (allowOutside) return target;
    realFolder ??= realpath(folder).catch(() => folder);
    const [inFolder, realTarget] = await Promise.all([realFolder, realpath(target).catch(() => target)]);
    const inside = relative(inFolder, realTarget);
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
      throw new Error(outsideReason(folder));
    return target;
  };
  return {
    async readText(path) {
      return readFile(await checked(path), 'utf8');
    },
    async readBytes(path) {
      const target = await checked(path);
      const info = await stat(target);
      if (info.isDirectory()) throw new Error('it is a folder, not a file');
      if (info.size > MAX_DATA_FILE_BYTES) {
        throw new Error(
          `it is ${(info.size / 2 ** 20).toFixed(0)} MiB; NetCanvas reads data files of at most ${MAX_DATA_FILE_BYTES / 2 ** 20} MiB`,
        );
      }
      return readFile(target);
    },
    async listFolder(path) {
      const target = await checked(path);
      const entries = await readdir(target, { withFileTypes: true });
      const listed: FolderEntry[] = [];
      for (const entry of entries) {
        // A link is listed as what it points to; reading it later checks where that is.
        const info = entry.isSymbolicLink() ? await stat(join(target, entry.name)).catch(() => null) : entry;
        if (info?.isDirectory()) listed.push({ name: entry.name, kind: 'folder' });
        else if (info?.isFile()) listed.push({ name: entry.name, kind: 'file' });
      }
      return listed;
    },
    async readBuiltin(file) {
      if (!isBuiltinDataFile(file)) throw new Error(`'${String(file)}' is not a file of a built-in data set`);
      try {
        return await readFile(join(builtinFolder, file));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}

/** Reads and parses a document file; an unreadable file is a problem, not a crash. */
export async function loadDocumentFile(
  path: string,
): Promise<LoadedDocument | { ok: false; unreadable: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message;
    return { ok: false, unreadable: `Cannot read ${path}: ${why}.` };
  }
  const parsed = parseDocument(text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  return { ok: true, doc: parsed.value, reader: folderReader(path) };
}

/** `nodeId CODE message`, one problem a line (`-` when it concerns the whole document). */
export function formatProblem(p: Problem): string {
  return `${p.nodeId ?? '-'} ${p.code} ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** Reads and parses a document; prints why not and returns exit code 2 when it cannot. */
export async function loadDocumentOrExit(
  file: string,
  out: Output,
): Promise<Extract<LoadedDocument, { ok: true }> | number> {
  const loaded = await loadDocumentFile(file);
  if (loaded.ok) return loaded;
  if ('unreadable' in loaded) out.error(loaded.unreadable);
  else for (const p of loaded.problems) out.error(`${file}: ${formatProblem(p)}`);
  return 2;
}
