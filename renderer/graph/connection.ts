import type { GraphDocument } from '../../engine/document/schema';
import { nodeKind } from '../../engine/nodes/registry';
import type { MessageKey } from '../i18n/messages';
import type { GraphChange } from '../store/changes';
import { edgeIdFor } from './ids';

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
 * match; no edge twice; no cycles). An input that takes one edge and has one may still take the new
 * edge: `connectionChanges` replaces the old one. Returns null when it may be made, else the reason.
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

/**
 * The changes that make a connection: the new edge, after removing the edge it replaces when the
 * input takes one edge and already has one (one undo step). Null when `checkConnection` refuses it.
 * data.x → hidden2.in while hidden1.out feeds it → [removeEdge hidden1.out->hidden2.in, addEdge].
 */
export function connectionChanges(doc: GraphDocument, c: PortConnection): GraphChange[] | null {
  if (checkConnection(doc, c) !== null || !c.sourceHandle || !c.targetHandle) return null;
  const target = doc.nodes.find((n) => n.id === c.target);
  const multiple = target && nodeKind(target.kind)?.inputs.find((p) => p.name === c.targetHandle)?.multiple;
  const replaced = multiple
    ? []
    : doc.edges.filter((e) => e.target === c.target && e.targetPort === c.targetHandle);
  const edge = {
    id: edgeIdFor(c.source, c.sourceHandle, c.target, c.targetHandle),
    source: c.source,
    sourcePort: c.sourceHandle,
    target: c.target,
    targetPort: c.targetHandle,
  };
  return [...replaced.map((e) => ({ type: 'removeEdge' as const, id: e.id })), { type: 'addEdge', edge }];
}
