/**
 * Float64 reference maths of 2-D max and average pooling, for the gradient check. Layout as in
 * conv2d/reference-math.ts: row-major, channels-last, x [m, h, w, c] → out [m, outH, outW, c], each
 * channel pooled on its own. Windows are placed by conv2d/geometry.ts, as for a convolution.
 */
import type { WindowGeometry } from '../conv2d/geometry.js';

/** A pooling layer's shapes: where its kh × kw window slides over h × w, and the c channels it pools. */
export interface PoolGeometry extends WindowGeometry {
  c: number;
}

/**
 * Calls `visit` for every output cell with the input indices of its window's real cells, in row-major
 * window order. Padded cells are left out: they are no values at all to tf.js's pooling (not zeros),
 * so a max never picks one and a mean never counts one. Under TF's 'same' rules every window keeps at
 * least one real cell (the padding before is under the window size), so no list is empty.
 */
function forEachWindow(
  g: PoolGeometry,
  m: number,
  visit: (outIndex: number, inIndices: number[]) => void,
): void {
  const cells: number[] = [];
  for (let n = 0; n < m; n++) {
    for (let oy = 0; oy < g.outH; oy++) {
      const top = oy * g.strideH - g.padTop;
      for (let ox = 0; ox < g.outW; ox++) {
        const left = ox * g.strideW - g.padLeft;
        for (let ch = 0; ch < g.c; ch++) {
          cells.length = 0;
          for (let iy = Math.max(top, 0); iy < Math.min(top + g.kh, g.h); iy++) {
            for (let ix = Math.max(left, 0); ix < Math.min(left + g.kw, g.w); ix++) {
              cells.push(((n * g.h + iy) * g.w + ix) * g.c + ch);
            }
          }
          visit(((n * g.outH + oy) * g.outW + ox) * g.c + ch, cells);
        }
      }
    }
  }
}

/** m and the output's length, checked against the geometry. */
function sizes(g: PoolGeometry, inLength: number): { m: number; outLength: number } {
  const m = inLength / (g.h * g.w * g.c);
  if (!Number.isInteger(m))
    throw new Error(`x has ${inLength} values, not a multiple of ${g.h}·${g.w}·${g.c}.`);
  return { m, outLength: m * g.outH * g.outW * g.c };
}

function checkShape(
  x: Float64Array,
  xShape: readonly [number, number, number, number],
  g: PoolGeometry,
): void {
  const [m, h, w, c] = xShape;
  if (h !== g.h || w !== g.w || c !== g.c) {
    throw new Error(`x is [${xShape.join(', ')}] but the geometry expects [m, ${g.h}, ${g.w}, ${g.c}].`);
  }
  if (x.length !== m * h * w * c) throw new Error(`x has ${x.length} values, not [${xShape.join(', ')}].`);
}

/**
 * The first cell holding the window's maximum, in row-major window order. tf.js's cpu backend does the
 * same (maxPoolPositions keeps a position only when a value is strictly greater), and its MaxPoolGrad
 * routes dOut to that one position; the gradient check draws random data, so ties do not arise there.
 */
function argMax(x: Float64Array, cells: number[]): number {
  let best = cells[0] as number;
  for (const k of cells) if ((x[k] as number) > (x[best] as number)) best = k;
  return best;
}

/** out = the largest real cell of each window. E.g. [m, 8, 8, 6] with 2×2 windows, stride 2 → [m, 4, 4, 6]. */
export function maxPoolForward(
  x: Float64Array,
  xShape: readonly [number, number, number, number],
  g: PoolGeometry,
): Float64Array {
  checkShape(x, xShape, g);
  const { m, outLength } = sizes(g, x.length);
  const out = new Float64Array(outLength);
  forEachWindow(g, m, (o, cells) => {
    out[o] = x[argMax(x, cells)] as number;
  });
  return out;
}

/**
 * dx: each window's dOut goes wholly to the cell its maximum came from (the max is locally that one
 * cell); cells of overlapping windows add up. E.g. dOut [m, 4, 4, 6], x [m, 8, 8, 6] → dx [m, 8, 8, 6].
 */
export function maxPoolBackward(dOut: Float64Array, x: Float64Array, g: PoolGeometry): Float64Array {
  const { m, outLength } = sizes(g, x.length);
  if (dOut.length !== outLength) throw new Error(`dOut has ${dOut.length} values, expected ${outLength}.`);
  const dx = new Float64Array(x.length);
  forEachWindow(g, m, (o, cells) => {
    dx[argMax(x, cells)]! += dOut[o] as number;
  });
  return dx;
}

/**
 * out = the mean of each window's real cells: under 'same' padding a border window divides by the
 * cells it really covers, not by kh·kw (TF and tf.js's forward pass both do this).
 * E.g. [m, 8, 8, 6] with 3×3 windows, stride 1, same → [m, 8, 8, 6].
 */
export function avgPoolForward(
  x: Float64Array,
  xShape: readonly [number, number, number, number],
  g: PoolGeometry,
): Float64Array {
  checkShape(x, xShape, g);
  const { m, outLength } = sizes(g, x.length);
  const out = new Float64Array(outLength);
  forEachWindow(g, m, (o, cells) => {
    let sum = 0;
    for (const k of cells) sum += x[k] as number;
    out[o] = sum / cells.length;
  });
  return out;
}

/**
 * dx: each real cell of a window receives dOut / (that window's count of real cells), the exact
 * derivative of avgPoolForward. tf.js 4.22's AvgPoolGrad (cpu and webgl) divides by kh·kw instead,
 * so under 'same' padding its gradient at the borders is not the derivative of its own forward pass
 * (reference-math.test.ts pins this). `m` comes from dOut. E.g. dOut [m, 4, 4, 6] → dx [m, 8, 8, 6].
 */
export function avgPoolBackward(dOut: Float64Array, g: PoolGeometry): Float64Array {
  const m = dOut.length / (g.outH * g.outW * g.c);
  if (!Number.isInteger(m))
    throw new Error(`dOut has ${dOut.length} values, not a multiple of ${g.outH}·${g.outW}·${g.c}.`);
  const dx = new Float64Array(m * g.h * g.w * g.c);
  forEachWindow(g, m, (o, cells) => {
    const share = (dOut[o] as number) / cells.length;
    for (const k of cells) dx[k]! += share;
  });
  return dx;
}

/** One pooling kind's two halves, as the reference's rule table holds them. x [m, h, w, c] → [m, outH, outW, c]. */
export interface PoolRule {
  forward(x: Float64Array, xShape: readonly [number, number, number, number], g: PoolGeometry): Float64Array;
  /** dOut → dx; x is the forward pass's input. */
  backward(dOut: Float64Array, x: Float64Array, g: PoolGeometry): Float64Array;
}

export const maxPoolRule: PoolRule = { forward: maxPoolForward, backward: maxPoolBackward };

export const averagePoolRule: PoolRule = {
  forward: avgPoolForward,
  backward: (dOut, _x, g) => avgPoolBackward(dOut, g),
};
