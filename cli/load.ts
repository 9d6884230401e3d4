import { type PreparedRun, prepareRun } from '../engine/compile/prepare.js';
import { type NodeBackend, selectNodeBackend } from './backend.js';
import { formatProblem, type LoadedDocument, loadDocumentOrExit } from './files.js';
import type { Output } from './output.js';

/**
 * What every training command does first: read the file (exit 2 when it cannot be read), start tf.js
 * on `backend`, validate and load the data (exit 1 with one line per problem).
 */
export async function loadPrepared(
  file: string,
  backend: NodeBackend,
  out: Output,
): Promise<(Extract<LoadedDocument, { ok: true }> & PreparedRun) | number> {
  const loaded = await loadDocumentOrExit(file, out);
  if (typeof loaded === 'number') return loaded;
  await selectNodeBackend(backend);
  const prepared = await prepareRun(loaded.doc, loaded.reader);
  for (const p of prepared.problems) out.error(formatProblem(p));
  return prepared.ok ? { ...loaded, ...prepared.value } : 1;
}
