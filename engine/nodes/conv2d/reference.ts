import { type ReferenceLowering, requiredParameter } from '../../gradcheck/lowering.js';
import { asMatrix } from '../../gradcheck/matrix.js';
import { windowGeometry } from './geometry.js';
import type { Conv2DParams } from './index.js';
import type { ConvGeometry } from './reference-math.js';

/** The convolution's geometry for its planned input [h, w, cIn]. */
export function convGeometryOf(inputShape: readonly number[], params: Conv2DParams): ConvGeometry {
  const [h = 1, w = 1, cIn = 1] = inputShape;
  const { kernelSize: k, stride: s } = params;
  return { ...windowGeometry(h, w, k, k, s, s, params.padding), cIn, cOut: params.filters };
}

/**
 * Conv2D in float64: z = conv(x, W) + b through the rule `conv2d`, a = g(z) through `activation`.
 * [m_b, h, w, cIn] → [m_b, h', w', filters]; W [f, f, cIn, filters] as tf.js lays it out.
 */
export const conv2dReference: ReferenceLowering<Conv2DParams> = {
  forward([input], params, ctx) {
    const { conv2d, activation } = ctx.rules;
    const x = input as Float64Array;
    const g = convGeometryOf(ctx.layer.inputShapes[0] ?? [], params);
    const w = requiredParameter(ctx, 'W');
    const b = ctx.parameter('b');
    const xShape = [ctx.examples, g.h, g.w, g.cIn] as const;
    const z = asMatrix(conv2d.forward(x, xShape, w.values, b?.values ?? null, g), g.cOut);
    const a = activation.forward(params.activation, z, params.leakyAlpha);
    return {
      output: a.data,
      backward(dA) {
        const dZ = activation.backward(params.activation, asMatrix(dA, g.cOut), z, a, params.leakyAlpha);
        const { dx, dw, db } = conv2d.backward(dZ.data, x, w.values, g);
        const parameters = [{ parameter: w, gradient: dw }];
        if (b) parameters.push({ parameter: b, gradient: db });
        return { inputs: [dx], parameters };
      },
    };
  },
};
