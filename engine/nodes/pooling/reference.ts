import type { ReferenceLowering } from '../../gradcheck/lowering.js';
import { windowGeometry } from '../conv2d/geometry.js';
import type { PoolParams } from './index.js';
import type { PoolGeometry, PoolRule } from './reference-math.js';

/** The pooling window's geometry for its planned input [h, w, c]. */
export function poolGeometryOf(inputShape: readonly number[], params: PoolParams): PoolGeometry {
  const [h = 1, w = 1, c = 1] = inputShape;
  const { poolSize: f, stride: s } = params;
  return { ...windowGeometry(h, w, f, f, s, s, params.padding), c };
}

/**
 * MaxPool2D or AveragePool2D in float64 through the rule `pick` chooses (maxPool or averagePool):
 * each channel pooled on its own, padded cells ignored, the average's exact derivative under 'same'
 * padding (tf.js 4.22's own AvgPoolGrad is not). [m_b, h, w, c] → [m_b, h', w', c].
 */
export function poolingReference(pick: (rules: { maxPool: PoolRule; averagePool: PoolRule }) => PoolRule) {
  const lowering: ReferenceLowering<PoolParams> = {
    forward([input], params, ctx) {
      const rule = pick(ctx.rules);
      const x = input as Float64Array;
      const g = poolGeometryOf(ctx.layer.inputShapes[0] ?? [], params);
      return {
        output: rule.forward(x, [ctx.examples, g.h, g.w, g.c], g),
        backward: (d) => ({ inputs: [rule.backward(d, x, g)], parameters: [] }),
      };
    },
  };
  return lowering;
}
