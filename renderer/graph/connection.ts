import type { GraphDocument } from '../../engine/document/schema';
import { nodeKind } from '../../engine/nodes/registry';
import type { MessageKey } from '../i18n/messages';

/** A connection being dragged: from an output port to an input port (React Flow's strict mode). */
export interface PortConnection {
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

/** Why a connection is refused: a message key and the values it names. */
export interface Refusal {
  key: MessageKey;
  vars: Record<string, string>;
}

/**
 * Checks a connection before it is made, with the same rules the engine validates (port types
 * match, one edge per input unless the port takes several, as a merge's `in` does; no cycles).
 * Returns null when it may be made, else the reason.
 */
export function checkConnection(doc: GraphDocument, c: PortConnection): Refusal | null {
  if (c.source === c.target) return { key: 'connect.self', vars: {} };
  const source = doc.nodes.find((n) => n.id === c.source);
  const target = doc.nodes.find((n) => n.id === c.target);
  const out = source && nodeKind(source.kind)?.outputs.find((p) => p.name === c.sourceHandle);
  const inp = target && nodeKind(target.kind)?.inputs.find((p) => p.name === c.targetHandle);
  if (!out || !inp) return { key: 'connect.noPort', vars: {} };
  if (out.type !== inp.type) {
    return {
      key: 'connect.typeMismatch',
      vars: { from: out.type, to: inp.type, port: `${c.target}.${inp.name}` },
    };
  }
  const port = `${c.target}.${inp.name}`;
  const into = doc.edges.filter((e) => e.target === c.target && e.targetPort === inp.name);
  if (into.some((e) => e.source === c.source && e.sourcePort === c.sourceHandle))
    return { key: 'connect.duplicate', vars: { port, from: c.source } };
  const taken = into[0];
  if (taken && !inp.multiple) return { key: 'connect.occupied', vars: { port, from: taken.source } };
  if (reaches(doc, c.target, c.source)) return { key: 'connect.cycle', vars: {} };
  return null;
}

/** Whether `to` can be reached from `from` along existing edges. */
function reaches(doc: GraphDocument, from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const e of doc.edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    for (const n of next.get(id) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return false;
}
