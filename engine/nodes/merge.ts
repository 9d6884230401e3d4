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

/**
 * The two inputs that do not fit, for merge problems that name both sides:
 * {a: 'dense2', aShape: '[m, 20]', b: 'data', bShape: '[m, 2]'}.
 */
function mismatchedInputs(inputs: readonly TensorShape[], ctx: ShapeContext, a: number, b: number) {
  const name = (i: number) => ctx.inputIds[i] ?? `input ${i + 1}`;
  const shape = (i: number) => formatTensorShape(inputs[i] as TensorShape);
  return { a: name(a), aShape: shape(a), b: name(b), bShape: shape(b) };
}

/**
 * MERGE_MISMATCH between the first input and input `other`, with why the kind needs them to fit:
 * 'Add "sum" sums its inputs element by element, so they need one shape: "dense2" gives [m, 20] and
 * "data" gives [m, 2].' Its message key is `key`, its values the kind, the node and both inputs.
 */
export function mergeMismatch(
  kind: string,
  why: string,
  key: string,
  inputs: readonly TensorShape[],
  ctx: ShapeContext,
  other: number,
): Problem {
  const sides = mismatchedInputs(inputs, ctx, 0, other);
  const message = `${kind} "${ctx.nodeId}" ${why}: "${sides.a}" gives ${sides.aShape} and "${sides.b}" gives ${sides.bShape}.`;
  return detailed(error('MERGE_MISMATCH', ctx.nodeId, message), key, { kind, id: ctx.nodeId, ...sides });
}
