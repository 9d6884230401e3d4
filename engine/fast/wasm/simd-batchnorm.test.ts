import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random.js';
import { SimdKernels, simdKernelModule } from './simd.js';

const module = simdKernelModule();
const f32 = Math.fround;
const u = 2 ** -24; // float32's unit roundoff
const [cells, c] = [5, 8];

/** Kernels with room for the operands; `fill` draws U(lo, hi) into a view of n values. */
function setUp(seed: number) {
  const simd = new SimdKernels(module as WebAssembly.Module, 8 * cells * c + 8 * c, 16);
  const random = createRandom(seed);
  const take = (n: number, lo: number, hi: number) => {
    const view = simd.take(n);
    for (let e = 0; e < n; e++) view[e] = lo + (hi - lo) * random.next();
    return view;
  };
  expect(simd.batchNorm).not.toBeNull();
  return { take, batchNorm: simd.batchNorm! };
}

describe.runIf(module)('BatchNorm in WebAssembly SIMD', () => {
  it('normalizes, scales and shifts bit for bit as the float32 formula', () => {
    // Every operand is float32 and each JS step is rounded to float32, as each SIMD op rounds, so
    // the values must be equal: x̂ = f32(f32(x − μ)/σ), out = f32(f32(x̂·γ) + β).
    const { take, batchNorm } = setUp(1);
    const x = take(cells * c, -3, 3);
    const [mean, std, gamma, beta] = [take(c, -1, 1), take(c, 0.1, 2), take(c, 0.5, 1.5), take(c, -1, 1)];
    const [xHat, out] = [take(cells * c, 0, 0), take(cells * c, 0, 0)];
    batchNorm.forward(x, mean, std, gamma, beta, xHat, out, cells, c);
    for (let e = 0; e < cells * c; e++) {
      const j = e % c;
      const h = f32(f32((x[e] as number) - (mean[j] as number)) / (std[j] as number));
      expect(xHat[e]).toBe(h);
      expect(out[e]).toBe(f32(f32(h * (gamma[j] as number)) + (beta[j] as number)));
    }
  });

  it('gives the input gradient within 6u·|scale|·(N|d| + |Σd| + |x̂·Σd·x̂|) of the float64 formula', () => {
    // dx = scale·((N·d − Σd) − x̂·Σdx̂): N·d, the two differences, x̂·Σdx̂ and ·scale each round once
    // in float32 (an error of u times the magnitudes met, at most the sum T of the terms'), and
    // the float64 result is rounded once on the store: within 6u·|scale|·T.
    const { take, batchNorm } = setUp(2);
    const [d, xHat] = [take(cells * c, -1, 1), take(cells * c, -2, 2)];
    const [scale, sumD, sumDxHat] = [take(c, -0.5, 0.5), take(c, -2, 2), take(c, -2, 2)];
    const dx = take(cells * c, 0, 0);
    batchNorm.backward(d, xHat, scale, sumD, sumDxHat, dx, cells, c);
    let worst = 0;
    for (let e = 0; e < cells * c; e++) {
      const j = e % c;
      const [g, h, s, sd, sdh] = [d[e], xHat[e], scale[j], sumD[j], sumDxHat[j]] as number[] as [
        number,
        number,
        number,
        number,
        number,
      ];
      const exact = s * (cells * g - sd - h * sdh);
      const bound = 6 * u * Math.abs(s) * (cells * Math.abs(g) + Math.abs(sd) + Math.abs(h * sdh));
      worst = Math.max(worst, Math.abs((dx[e] as number) - exact) / bound);
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(worst).toBeGreaterThan(0); // float32 does round somewhere: the comparison is live
  });

  it("takes the batch's μ and σ² and the parameter gradients' sums bit for bit as the float64 loop", () => {
    // Per channel, float64 sums down the rows in the loop's order (a float32 square or product is
    // exact in float64), divided in float64, rounded to float32: the same operations, the same values.
    const { take, batchNorm } = setUp(3);
    const [x, d, xHat] = [take(cells * c, -3, 3), take(cells * c, -1, 1), take(cells * c, -2, 2)];
    const [mean, variance, sumD, sumDxHat] = [take(c, 0, 0), take(c, 0, 0), take(c, 0, 0), take(c, 0, 0)];
    batchNorm.moments(x, cells, c, mean, variance);
    batchNorm.sums(d, xHat, cells, c, sumD, sumDxHat);
    for (let j = 0; j < c; j++) {
      const column = (v: Float32Array) => Array.from({ length: cells }, (_, p) => v[p * c + j] as number);
      let sum = 0;
      for (const value of column(x)) sum += value;
      const mu = f32(sum / cells);
      let squares = 0;
      for (const value of column(x)) squares += f32(value - mu) ** 2;
      let [sd, sdh] = [0, 0];
      const hs = column(xHat);
      for (const [p, g] of column(d).entries()) {
        sd += g;
        sdh += g * (hs[p] as number);
      }
      expect([mean[j], variance[j], sumD[j], sumDxHat[j]]).toEqual([
        mu,
        f32(squares / cells),
        f32(sd),
        f32(sdh),
      ]);
    }
  });
});
