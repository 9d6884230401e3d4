import type { TensorShape } from './types.js';

/** A shape not known yet (a CSV not read, a layer before it with invalid params). */
export const UNKNOWN_SHAPE: TensorShape = { dims: null };

/** The shape with these per-example dims: shapeOf([8, 8, 1]). */
export const shapeOf = (dims: readonly number[]): TensorShape => ({ dims });

/** Values per example: [8, 8, 1] → 64; null while unknown. */
export function sizeOf(shape: TensorShape): number | null {
  return shape.dims === null ? null : product(shape.dims);
}

export function product(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

/** "[m, 20]", "[m, 28, 28, 1]", or "[m, ?]" while unknown. */
export function formatTensorShape(shape: TensorShape): string {
  return shape.dims === null ? '[m, ?]' : `[m, ${shape.dims.join(', ')}]`;
}

/** The dims of an image [h, w, c], or null when the shape is not rank 3. */
export function imageDims(shape: TensorShape): [number, number, number] | null {
  const d = shape.dims;
  return d && d.length === 3 ? [d[0] as number, d[1] as number, d[2] as number] : null;
}

/** Same dims, entry by entry. */
export function sameDims(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
