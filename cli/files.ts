import { readFile, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { DataFileReader } from '../engine/data/types.js';
import { parseDocument } from '../engine/document/parse.js';
import type { GraphDocument } from '../engine/document/schema.js';
import type { Problem } from '../engine/problems.js';

export type LoadedDocument =
  | { ok: true; doc: GraphDocument; reader: DataFileReader }
  | { ok: false; problems: Problem[] };

/** Set to 1 to let documents read data files outside their own folder (e.g. a shared data folder). */
export const ALLOW_OUTSIDE_DATA = 'NETCANVAS_ALLOW_OUTSIDE_DATA';

const isUrl = (path: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(path);

/**
 * Reads data files named in a document relative to the document's own folder. A project file is data:
 * it may not make the CLI fetch a URL, nor read a file outside its folder (`../../etc/passwd`, an
 * absolute path, a symbolic link leading out) unless the user allows it with
 * NETCANVAS_ALLOW_OUTSIDE_DATA=1. Refusals are errors whose message says why and what to do.
 */
export function folderReader(
  documentPath: string,
  allowOutside = process.env[ALLOW_OUTSIDE_DATA] === '1',
): DataFileReader {
  const folder = dirname(resolve(documentPath));
  return {
    async readText(path) {
      if (isUrl(path))
        throw new Error('it is a URL; NetCanvas reads data from files only, never from the network');
      const target = resolve(folder, path);
      if (!allowOutside) {
        const [realFolder, realTarget] = await Promise.all([
          realpath(folder).catch(() => folder),
          realpath(target).catch(() => target),
        ]);
        const inside = relative(realFolder, realTarget);
        if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
          throw new Error(
            `it is outside the document's folder ${folder}; NetCanvas reads data files only from there ` +
              `and below. Move the file into that folder, or set ${ALLOW_OUTSIDE_DATA}=1 to allow it`,
          );
        }
      }
      return readFile(target, 'utf8');
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
