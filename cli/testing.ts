import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeDocument } from '../engine/document/parse.js';
import type { GraphDocument } from '../engine/document/schema.js';
import type { Output } from './output.js';

/** An Output that keeps what a command printed, for tests. */
export function captureOutput(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    line: (t) => stdout.push(t),
    error: (t) => stderr.push(t),
    status: () => {},
    isTerminal: false,
  };
}

/** Writes a document (or raw text) into a fresh temporary folder; returns its path. */
export async function writeDocumentFile(
  doc: GraphDocument | string,
  name = 'graph.netcanvas.json',
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'netcanvas-cli-'));
  const path = join(dir, name);
  await writeFile(path, typeof doc === 'string' ? doc : serializeDocument(doc));
  return path;
}
