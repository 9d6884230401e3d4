import { describe, expect, it } from 'vitest';
import { matmulBias, matmulTransA, matmulTransB } from './matmul.js';

/** Values with exact zeros mixed in (the kernels skip all-zero groups, as after a ReLU). */
function values(length: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length }, (_, i) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return i % 3 === 1 ? 0 : s / 2147483648 - 0.5;
  });
}

describe('matmul kernels', () => {
  for (const [m, k, n] of [
    [1, 1, 1],
    [5, 7, 3],
    [8, 12, 9],
    [3, 4, 10],
    [6, 9, 1],
  ] as const) {
    it(`match the naive products at ${m}×${k}×${n}, remainders included`, () => {
      const a = values(m * k, 1);
      const w = values(k * n, 2);
      const bias = values(n, 3);
      const d = values(m * n, 4);
      const z = new Float32Array(m * n);
      matmulBias(a, w, bias, z, m, k, n);
      const dw = new Float32Array(k * n).fill(9);
      matmulTransA(a, d, dw, m, k, n);
      const da = new Float32Array(m * k);
      matmulTransB(d, w, da, m, k, n);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let s = bias[j] as number;
          for (let p = 0; p < k; p++) s += (a[i * k + p] as number) * (w[p * n + j] as number);
          expect(z[i * n + j]).toBeCloseTo(s, 5);
        }
        for (let p = 0; p < k; p++) {
          let s = 0;
          for (let j = 0; j < n; j++) s += (d[i * n + j] as number) * (w[p * n + j] as number);
          expect(da[i * k + p]).toBeCloseTo(s, 5);
        }
      }
      for (let p = 0; p < k; p++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let i = 0; i < m; i++) s += (a[i * k + p] as number) * (d[i * n + j] as number);
          expect(dw[p * n + j]).toBeCloseTo(s, 5);
        }
      }
    });
  }
});
