import type { GraphDocument } from '../document/schema.js';
import { analyzeGraph } from '../graph/analyze.js';
import { hasRole } from '../nodes/registry.js';
import { detailed, error, type Problem, warning } from '../problems.js';
import { readParam, writeParam } from './params.js';
import { coordinateInterval, valueAt } from './scales.js';
import { paramKey, type SearchParam, type SearchSpace } from './space.js';

const problemKey = (p: Problem): string => `${p.nodeId}|${p.code}|${p.message}`;

/** The smallest and largest value a param can be drawn at. */
export function rangeEnds(p: SearchParam): [number, number] {
  const { lo, hi } = coordinateInterval(p.scale, p.min, p.max);
  const a = valueAt(p.scale, lo, p.min, p.max);
  const b = valueAt(p.scale, hi, p.min, p.max);
  return [Math.min(a, b), Math.max(a, b)];
}

function checkParam(doc: GraphDocument, p: SearchParam, known: Set<string>): Problem[] {
  const read = readParam(doc, p.nodeId, p.path);
  if (!read.ok) return read.problems;
  const node = doc.nodes.find((n) => n.id === p.nodeId)!;
  const key = paramKey(p);
  if (hasRole(node.kind, 'training') && p.path === 'epochs') {
    return [
      detailed(
        error(
          'INVALID_PARAM',
          p.nodeId,
          'Search: epochs are the budget of each trial (epochsPerTrial), not a searched param.',
          p.path,
        ),
        'searchEpochs',
        {},
      ),
    ];
  }
  const problems: Problem[] = [];
  if (hasRole(node.kind, 'training') && p.path === 'batchSize') {
    const mode = (node.params as { batchMode?: unknown }).batchMode ?? 'mini';
    if (mode !== 'mini') {
      problems.push(
        detailed(
          warning(
            'INVALID_PARAM',
            p.nodeId,
            `Search: ${key} does nothing while batchMode is "${String(mode)}"; set it to "mini".`,
            p.path,
          ),
          'searchBatchMode',
          { param: key, mode: String(mode) },
        ),
      );
    }
  }
  for (const end of rangeEnds(p)) {
    const written = writeParam(doc, p.nodeId, p.path, end);
    if (!written.ok) {
      problems.push(...written.problems);
      continue;
    }
    // Errors the graph only has at this end of the range, e.g. m_b above m or output units ≠ classes.
    for (const q of analyzeGraph(written.value).problems) {
      if (q.severity === 'error' && !known.has(problemKey(q))) {
        problems.push({ ...q, message: `Search: with ${key} = ${end}: ${q.message}` });
      }
    }
  }
  return problems;
}

/**
 * Checks a search space against the document it searches: every node exists and has the numeric
 * param, both ends of every range give a valid node and a valid graph, and nothing searched is the
 * budget itself. Returns every problem at once (empty when the search can run); a trial that still
 * fails at run time comes back as an "invalid" trial, not an exception.
 */
export function validateSpace(doc: GraphDocument, space: SearchSpace): Problem[] {
  const known = new Set(analyzeGraph(doc).problems.map(problemKey));
  return space.params.flatMap((p) => checkParam(doc, p, known));
}
