import { detailed, error, type Problem } from '../problems.js';
import { formatTensorShape } from './shape.js';
import type { PortSpec, ShapeContext, TensorShape } from './types.js';

/** The input of a merge node: several tensor edges, kept in the document's edge order. */
export const MERGE_IN: PortSpec = { name: 'in', type: 'tensor', multiple: true };

/** A merge needs two inputs or more; with fewer it merges nothing. */
export function tooFewInputs(kind: string, count: number, ctx: ShapeContext): Problem | null {
  if (count >= 2) return null;
  return detailed(
    error(
      'TOO_FEW_INPUTS',
      ctx.nodeId,
      `${kind} "${ctx.nodeId}" has ${count === 0 ? 'no input' : 'one input'}; connect two or more layers to it (e.g. a block's output and the skip connection around it).`,
    ),
    count === 0 ? 'mergeNoInput' : 'mergeOneInput',
    { kind, id: ctx.nodeId },
  );
}

/** "dense2" gives [m, 20] and "data" gives [m, 2]: for merge problems that name both sides. */
export function describeInputs(
  inputs: readonly TensorShape[],
  ctx: ShapeContext,
  a: number,
  b: number,
): string {
  const name = (i: number) =>
    `"${ctx.inputIds[i] ?? `input ${i + 1}`}" gives ${formatTensorShape(inputs[i] as TensorShape)}`;
  return `${name(a)} and ${name(b)}`;
}
