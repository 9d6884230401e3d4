import { describe, expect, it } from 'vitest';
import { matmulBias, matmulTransA, matmulTransB } from '../matmul.js';
import { decodeBase64 } from './base64.js';
import { PRODUCTS_SHARED_WASM, PRODUCTS_WASM } from './kernels.generated.js';
import { SimdKernels, simdKernelModule } from './simd.js';

/** Seeded values in [−0.5, 0.5) with exact zeros mixed in (as after a ReLU). */
function fill(view: Float32Array, seed: number): Float32Array {
  let s = seed;
  for (let i = 0; i < view.length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    view[i] = i % 5 === 2 ? 0 : s / 2147483648 - 0.5;
  }
  return view;
}

/**
 * Each entry of C is a float32 sum of k products; against the float64 sum S of the same products,
 * recursive float32 summation errs by at most γ_k·Σ|terms| with γ_k = k·u/(1 − k·u), u = 2⁻²⁴, plus
 * the final rounding u·|S|: the bound B. The JS kernels sum in float64 and round once (within u·|S|),
 * so both lie within B of S and within 2B of each other. Returns the worst |ours − S| / B and the
 * worst |ours − js| / 2B (pass: both ≤ 1).
 */
function worstRatios(
  ours: Float32Array,
  js: Float32Array,
  shape: { rows: number; cols: number; k: number },
  term: (r: number, c: number, p: number) => number,
  base: (c: number) => number,
): [number, number] {
  const u = 2 ** -24;
  const { rows, cols, k } = shape;
  const gamma = (k * u) / (1 - k * u);
  let exact = 0;
  let pair = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let sum = base(c);
      let abs = Math.abs(sum);
      for (let p = 0; p < k; p++) {
        const t = term(r, c, p);
        sum += t;
        abs += Math.abs(t);
      }
      const bound = (gamma + u) * abs + 1e-30;
      const e = r * cols + c;
      exact = Math.max(exact, Math.abs((ours[e] as number) - sum) / bound);
      pair = Math.max(pair, Math.abs((ours[e] as number) - (js[e] as number)) / (2 * bound));
    }
  }
  return [exact, pair];
}

const module = simdKernelModule();

describe.runIf(module)('WebAssembly SIMD kernels', () => {
  for (const [m, k, n] of [
    [1, 1, 1],
    [3, 5, 7],
    [4, 8, 8],
    [5, 9, 10],
    [13, 17, 19],
    [2, 3, 13],
    [128, 784, 256],
  ] as const) {
    it(`match the naive products and the JS kernels at ${m}×${k}×${n}`, () => {
      const simd = new SimdKernels(module as WebAssembly.Module, 2 * m * k + 2 * k * n + 3 * m * n + n, 10);
      const a = fill(simd.take(m * k), 1);
      const w = fill(simd.take(k * n), 2);
      const bias = fill(simd.take(n), 3);
      const d = fill(simd.take(m * n), 4);
      const z = simd.take(m * n).fill(7);
      const zNoBias = simd.take(m * n).fill(7);
      const dw = simd.take(k * n).fill(7);
      const da = simd.take(m * k).fill(7);
      simd.matmulBias(a, w, bias, z, m, k, n);
      simd.matmulBias(a, w, null, zNoBias, m, k, n);
      simd.matmulTransA(a, d, dw, m, k, n);
      simd.matmulTransB(d, w, da, m, k, n);
      const js = {
        z: new Float32Array(m * n),
        zNoBias: new Float32Array(m * n),
        dw: new Float32Array(k * n),
        da: new Float32Array(m * k),
      };
      matmulBias(a, w, bias, js.z, m, k, n);
      matmulBias(a, w, null, js.zNoBias, m, k, n);
      matmulTransA(a, d, js.dw, m, k, n);
      matmulTransB(d, w, js.da, m, k, n);
      const A = (i: number, p: number) => a[i * k + p] as number;
      const W = (p: number, j: number) => w[p * n + j] as number;
      const D = (i: number, j: number) => d[i * n + j] as number;
      const none = () => 0;
      const ratios = [
        worstRatios(
          z,
          js.z,
          { rows: m, cols: n, k },
          (i, j, p) => A(i, p) * W(p, j),
          (j) => bias[j] as number,
        ),
        worstRatios(zNoBias, js.zNoBias, { rows: m, cols: n, k }, (i, j, p) => A(i, p) * W(p, j), none),
        worstRatios(dw, js.dw, { rows: k, cols: n, k: m }, (p, j, i) => A(i, p) * D(i, j), none),
        worstRatios(da, js.da, { rows: m, cols: k, k: n }, (i, p, j) => D(i, j) * W(p, j), none),
      ];
      for (const [exact, pair] of ratios) {
        expect(exact).toBeLessThanOrEqual(1);
        expect(pair).toBeLessThanOrEqual(1);
      }
    });
  }

  it.runIf(simdKernelModule(true))('cuts large products in chunks of rows, with the same numbers', () => {
    // A helper that never starts: the calling thread runs every chunk, so this checks where the chunks
    // are cut (the threads themselves: parallel.test.ts). 129·100·90 ≥ 2²⁰ multiply-adds.
    const [m, k, n] = [129, 100, 90];
    const sizes = [m * k, k * n, n, m * n, m * n, k * n, m * k];
    const floats = sizes.reduce((x, y) => x + y);
    const one = new SimdKernels(module as WebAssembly.Module, floats, sizes.length);
    const two = new SimdKernels(simdKernelModule(true) as WebAssembly.Module, floats, sizes.length, () => {});
    expect([one.threads, two.threads]).toEqual([1, 2]);
    const results = [one, two].map((simd) => {
      const [a, w, bias, d, z, dw, da] = sizes.map((size, i) => fill(simd.take(size), i + 1)) as [
        Float32Array,
        Float32Array,
        Float32Array,
        Float32Array,
        Float32Array,
        Float32Array,
        Float32Array,
      ];
      simd.matmulBias(a, w, bias, z, m, k, n);
      simd.matmulTransA(a, d, dw, m, k, n);
      simd.matmulTransB(d, w, da, m, k, n);
      return [z, dw, da].map((x) => Array.from(x));
    });
    expect(results[1]).toEqual(results[0]);
  });

  it("fits Chromium's 4 KB limit for compiling on the main thread, shared memory or not", () => {
    expect(decodeBase64(PRODUCTS_WASM).length).toBeLessThanOrEqual(4096);
    expect(decodeBase64(PRODUCTS_SHARED_WASM).length).toBeLessThanOrEqual(4096);
  });

  it('refuses operands outside its memory', () => {
    const simd = new SimdKernels(module as WebAssembly.Module, 4, 1);
    const c = simd.take(4);
    expect(() => simd.matmulBias(new Float32Array(2), new Float32Array(2), null, c, 2, 1, 2)).toThrow(
      /outside/,
    );
  });
});
