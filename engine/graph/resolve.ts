import type { GraphDocument, GraphNode } from '../document/schema.js';
import { nodeKind } from '../nodes/registry.js';
import type { AnyNodeKind } from '../nodes/types.js';
import { detailed, error, type Problem } from '../problems.js';
import { paramIssueDetail } from './paramIssue.js';

/** A node whose kind is known and whose params parsed, with every default filled in. */
export interface ResolvedNode {
  node: GraphNode;
  kind: AnyNodeKind;
  params: unknown;
}

/**
 * Stage 1: look up each node's kind and parse its params against the kind's schema.
 * Nodes that fail are reported and left out of later stages (but stay in the document).
 */
export function resolveNodes(doc: GraphDocument): {
  resolved: Map<string, ResolvedNode>;
  problems: Problem[];
} {
  const resolved = new Map<string, ResolvedNode>();
  const problems: Problem[] = [];
  for (const node of doc.nodes) {
    const kind = nodeKind(node.kind);
    if (!kind) {
      const problem = error(
        'UNKNOWN_KIND',
        node.id,
        `Node "${node.id}" has the unknown kind "${node.kind}".`,
      );
      problems.push(detailed(problem, 'unknownKind', { id: node.id, kind: node.kind }));
      continue;
    }
    const parsed = kind.params.safeParse(node.params);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.');
        const field = path || 'params';
        const problem = error(
          'INVALID_PARAM',
          node.id,
          `${kind.kind} "${node.id}", ${field}: ${issue.message}`,
          field,
        );
        problems.push(detailed(problem, ...paramIssueDetail(issue, { kind: kind.kind, id: node.id, field })));
      }
      continue;
    }
    resolved.set(node.id, { node, kind, params: parsed.data });
  }
  return { resolved, problems };
}
