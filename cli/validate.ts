import { analyzeGraph } from '../engine/graph/analyze.js';
import { hasErrors } from '../engine/problems.js';
import { formatProblem, loadDocumentOrExit } from './files.js';
import type { Output } from './output.js';

/**
 * `netcanvas validate FILE`: exit 0 when valid (warnings printed), 1 with one line per problem,
 * 2 when the file cannot be read or parsed.
 */
export async function validateCommand(file: string, out: Output): Promise<number> {
  const loaded = await loadDocumentOrExit(file, out);
  if (typeof loaded === 'number') return loaded;
  const { problems } = analyzeGraph(loaded.doc);
  for (const p of problems) (p.severity === 'error' ? out.line : out.error)(formatProblem(p));
  if (hasErrors(problems)) return 1;
  out.error(
    `${file}: valid (${loaded.doc.nodes.length} nodes, ${loaded.doc.edges.length} edges${problems.length ? `, ${problems.length} warning${problems.length > 1 ? 's' : ''}` : ''}).`,
  );
  return 0;
}
