import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random.js';
import { activate, activationBackward } from '../activations.js';
import { SimdKernels, simdKernelModule } from './simd.js';

const module = simdKernelModule();
/** 23 values: the last vector has 3 of them, and a guard buffer follows. */
const N = 23;

/** U(−2, 2) draws with the edge cases at the front: 0, −0, NaN, ±∞ and a tiny negative. */
function values(seed: number): Float32Array {
  const random = createRandom(seed);
  const v = Float32Array.from({ length: N }, () => 4 * random.next() - 2);
  v.set([0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1e-40]);
  return v;
}

describe.runIf(module)('ReLU and leaky ReLU in WebAssembly SIMD', () => {
  // Max, a comparison mask and α·x widened to float64 and rounded once to float32: the JS loops'
  // values to the bit (NaN stays NaN), so the results must be equal, not close.
  for (const [g, alpha] of [
    ['relu', 0],
    ['leakyRelu', 0.2],
  ] as const) {
    it(`${g} forward and backward give the JS loops' values`, () => {
      const simd = new SimdKernels(module as WebAssembly.Module, 4 * N + 4, 5);
      const [z, out, d] = [simd.take(N), simd.take(N), simd.take(N)];
      const guard = simd.take(4);
      z.set(values(1));
      d.set(values(2));
      const js = { out: new Float32Array(N), d: Float32Array.from(d) };
      simd.activate(g, alpha, z, out, N);
      activate(g, alpha, z, js.out, N);
      expect(Array.from(out)).toEqual(Array.from(js.out));
      simd.activationBackward(g, alpha, out, d, N);
      activationBackward(g, alpha, js.out, js.d, N);
      expect(Array.from(d)).toEqual(Array.from(js.d));
      expect(Array.from(guard)).toEqual([0, 0, 0, 0]);
    });
  }

  it('leaves a subarray to the JS loop, so the next values are untouched', () => {
    // A whole-vector kernel on z[0..5) would write z[5..8) too.
    const simd = new SimdKernels(module as WebAssembly.Module, 8, 1);
    const z = simd.take(8);
    z.set([-1, 2, -3, 4, -5, -6, -7, -8]);
    simd.activate('relu', 0, z.subarray(0, 5), z.subarray(0, 5), 5);
    expect(Array.from(z)).toEqual([0, 2, 0, 4, 0, -6, -7, -8]);
  });
});
