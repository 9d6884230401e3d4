import type { GraphDocument, GraphEdge } from '../document/schema.js';
import { nodeKind } from '../nodes/registry.js';
import { detailed, error, type Problem } from '../problems.js';

/**
 * Stage 2: edges must join existing ports of the same type, and every input port takes one edge
 * (a merge's `multiple` port takes several).
 * Returns the edges that are sound; the rest are reported.
 */
export function checkEdges(doc: GraphDocument): { edges: GraphEdge[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const edges: GraphEdge[] = [];
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const taken = new Map<string, string>();
  for (const edge of doc.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
      const missing = source ? edge.target : edge.source;
      problems.push(
        detailed(
          error(
            'DANGLING_EDGE',
            source ? edge.source : null,
            `Edge "${edge.id}" points at a node "${missing}" that does not exist.`,
          ),
          'edgeToNowhere',
          { edge: edge.id, missing },
        ),
      );
      continue;
    }
    const sourceKind = nodeKind(source.kind);
    const targetKind = nodeKind(target.kind);
    if (!sourceKind || !targetKind) continue; // reported as UNKNOWN_KIND
    const out = sourceKind.outputs.find((p) => p.name === edge.sourcePort);
    const inp = targetKind.inputs.find((p) => p.name === edge.targetPort);
    if (!out || !inp) {
      const [node, port, kind] = out
        ? [target.id, edge.targetPort, target.kind]
        : [source.id, edge.sourcePort, source.kind];
      problems.push(
        detailed(
          error('DANGLING_EDGE', node, `Edge "${edge.id}": ${kind} "${node}" has no port "${port}".`),
          'noSuchPort',
          { edge: edge.id, kind, id: node, port },
        ),
      );
      continue;
    }
    if (out.type !== inp.type) {
      problems.push(
        detailed(
          error(
            'PORT_TYPE_MISMATCH',
            target.id,
            `Edge "${edge.id}" joins ${source.kind} "${source.id}".${out.name} (${out.type}) to ${target.kind} "${target.id}".${inp.name} (${inp.type}); a ${inp.type} port only takes a ${inp.type}.`,
          ),
          'portTypes',
          {
            edge: edge.id,
            fromKind: source.kind,
            from: source.id,
            fromPort: out.name,
            fromType: out.type,
            toKind: target.kind,
            to: target.id,
            toPort: inp.name,
            toType: inp.type,
          },
        ),
      );
      continue;
    }
    const key = `${edge.target}\u0000${edge.targetPort}`;
    const first = taken.get(key);
    if (first !== undefined && !inp.multiple) {
      problems.push(
        detailed(
          error(
            'MULTIPLE_INPUTS',
            target.id,
            `${target.kind} "${target.id}".${inp.name} takes one input but has two ("${first}" and "${edge.id}").`,
          ),
          'multipleInputs',
          { kind: target.kind, id: target.id, port: inp.name, first, second: edge.id },
        ),
      );
      continue;
    }
    taken.set(key, edge.id);
    edges.push(edge);
  }
  return { edges, problems };
}

/** Stage 3: the graph must be acyclic. Reports one problem per cycle found, naming its nodes. */
export function findCycles(nodeIds: readonly string[], edges: readonly GraphEdge[]): Problem[] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const state = new Map<string, 'open' | 'done'>();
  const problems: Problem[] = [];
  for (const start of nodeIds) {
    if (state.has(start)) continue;
    // Iterative DFS so a long chain cannot overflow the stack.
    const stack: { id: string; i: number }[] = [{ id: start, i: 0 }];
    const path: string[] = [start];
    state.set(start, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const succ = next.get(top.id) ?? [];
      if (top.i >= succ.length) {
        state.set(top.id, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const to = succ[top.i++]!;
      const s = state.get(to);
      if (s === 'open') {
        const cycle = [...path.slice(path.indexOf(to)), to];
        problems.push(
          detailed(
            error('CYCLE', to, `The graph has a cycle: ${cycle.join(' → ')}. Data must flow one way.`),
            'cycle',
            { path: cycle.join(' → ') },
          ),
        );
      } else if (s === undefined) {
        state.set(to, 'open');
        stack.push({ id: to, i: 0 });
        path.push(to);
      }
    }
  }
  return problems;
}
