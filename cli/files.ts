import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { DataFileReader } from '../engine/data/types.js';
import { parseDocument } from '../engine/document/parse.js';
import type { GraphDocument } from '../engine/document/schema.js';
import type { Problem } from '../engine/problems.js';

export type LoadedDocument =
  | { ok: true; doc: GraphDocument; reader: DataFileReader }
  | { ok: false; problems: Problem[] };

/** Reads data files named in a document relative to the document's own folder. */
export function folderReader(documentPath: string): DataFileReader {
  const folder = dirname(resolve(documentPath));
  return { readText: (path) => readFile(resolve(folder, path), 'utf8') };
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
