import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random.js';
import { jsSteps } from '../steps.js';
import { SimdKernels, simdKernelModule } from './simd.js';

const module = simdKernelModule();
const u = 2 ** -24; // float32's unit roundoff
/** 1003 values: the last vector has 3 of them, and a guard buffer follows. */
const N = 1003;

/**
 * The SIMD steps and the JS ones on the same random state: w, dw ~ U(−1, 1), v ~ U(−0.1, 0.1),
 * s ~ U(0, 0.01). Returns the worst |simd − js| / bound over the values, for each tensor, where
 * `bounds` gives the bound of value e from the JS results. The guard after each tensor must stay 0.
 */
function worst(
  seed: number,
  run: (
    k: typeof jsSteps,
    t: { w: Float32Array; dw: Float32Array; v: Float32Array; s: Float32Array },
  ) => void,
  bounds: (
    e: number,
    t: { w: Float32Array; dw: Float32Array; v: Float32Array; s: Float32Array },
  ) => {
    w: number;
    v: number;
    s: number;
  },
) {
  const random = createRandom(seed);
  const draw = (scale: number, offset: number) => (random.next() - offset) * scale;
  const simd = new SimdKernels(module as WebAssembly.Module, 8 * N, 8);
  const fresh = () => ({
    w: new Float32Array(N),
    dw: new Float32Array(N),
    v: new Float32Array(N),
    s: new Float32Array(N),
  });
  const before = fresh();
  for (let e = 0; e < N; e++) {
    before.w[e] = draw(2, 0.5);
    before.dw[e] = draw(2, 0.5);
    before.v[e] = draw(0.2, 0.5);
    before.s[e] = draw(0.01, 0);
  }
  const names = ['w', 'dw', 'v', 's'] as const;
  const ours = { w: simd.take(N), dw: simd.take(N), v: simd.take(N), s: simd.take(N) };
  const guard = simd.take(4);
  for (const name of names) ours[name].set(before[name]);
  const theirs = fresh();
  for (const name of names) theirs[name].set(before[name]);
  run(simd.steps, ours);
  run(jsSteps, theirs);
  expect(Array.from(guard)).toEqual([0, 0, 0, 0]);
  const ratio = { w: 0, v: 0, s: 0 };
  for (let e = 0; e < N; e++) {
    const b = bounds(e, before);
    for (const name of ['w', 'v', 's'] as const) {
      const diff = Math.abs((ours[name][e] as number) - (theirs[name][e] as number));
      ratio[name] = Math.max(ratio[name], diff / (b[name] + 1e-45));
    }
  }
  return ratio;
}

describe.runIf(module)('optimizer steps in WebAssembly SIMD', () => {
  // Each SIMD value is a chain of float32 roundings, each within u of its result; the JS value is
  // rounded once (within u of the exact one). A sum a + b computed so errs by at most k·u·(|a| + |b|),
  // k the roundings on its path (cancellation makes |a + b| small, never this bound), so the two
  // agree within (k + 1)·u·(|a| + |b|). The bounds below count k for each formula.
  const alpha = 0.01;

  it('gradient descent: W − α dW within 4u·(|W| + α|dW|)', () => {
    // α and α·dW rounded (2), the difference (1), the JS store (1).
    const r = worst(
      1,
      (k, t) => k.gd(t.w, t.dw, alpha),
      (e, t) => ({
        w: 4 * u * (Math.abs(t.w[e] as number) + alpha * Math.abs(t.dw[e] as number)),
        v: 0,
        s: 0,
      }),
    );
    expect(r.w).toBeLessThanOrEqual(1);
  });

  it("momentum: v within 5u·(β|v| + (1 − β)|dW|), W within 4u·|W| + α's share of it", () => {
    // v: β, 1 − β, both products and the sum rounded (4 on a path), the JS store (1).
    // W: v's error times α, plus α, α·v and the difference rounded (3) and the store (1).
    const beta = 0.9;
    const r = worst(
      2,
      (k, t) => k.momentum(t.w, t.dw, t.v, beta, alpha),
      (e, t) => {
        const tv = beta * Math.abs(t.v[e] as number) + (1 - beta) * Math.abs(t.dw[e] as number);
        return {
          w: 4 * u * (Math.abs(t.w[e] as number) + alpha * tv) + alpha * 5 * u * tv,
          v: 5 * u * tv,
          s: 0,
        };
      },
    );
    expect(r.v).toBeLessThanOrEqual(1);
    expect(r.w).toBeLessThanOrEqual(1);
  });

  it('RMSprop: s within 6u·(β₂s + (1 − β₂)dW²), W within 4u·|W| + 8u·|α dW/√(s + ε)|', () => {
    // s: β₂, 1 − β₂, β₂·s, (1 − β₂)·g, ·g and the sum (5 on a path), the store (1); no cancellation.
    // The step q = α g/√(s + ε): s's relative error halves under the root; α, α·g, + ε, √ and ÷ round
    // (5), so q is within 8u·|q|; the difference and the store add 2u·|W| (and u·|q|).
    const [beta2, epsilon] = [0.9, 1e-8];
    const r = worst(
      3,
      (k, t) => k.rmsprop(t.w, t.dw, t.s, beta2, epsilon, alpha),
      (e, t) => {
        const g = t.dw[e] as number;
        const s = beta2 * (t.s[e] as number) + (1 - beta2) * g * g;
        const q = Math.abs((alpha * g) / Math.sqrt(s + epsilon));
        return { w: 4 * u * Math.abs(t.w[e] as number) + 9 * u * q, v: 0, s: 6 * u * s };
      },
    );
    expect(r.s).toBeLessThanOrEqual(1);
    expect(r.w).toBeLessThanOrEqual(1);
  });

  for (const t of [1, 7]) {
    it(`Adam at t = ${t}: v, s and W within their rounding bounds`, () => {
      // v: 5u·T_v, T_v = β₁|v| + (1 − β₁)|dW| (as momentum's); s: 6u·T_s, T_s = β₂s + (1 − β₂)dW².
      // The step q = α v̂/√(ŝ + ε): v's absolute error 5u·T_v carries over as α·5u·T_v/(c₁√(ŝ + ε));
      // the rest (α, c₁, c₂ and ÷c₁, ·α, ÷c₂, + ε, √, ÷: 9 roundings, plus ŝ's 6u halved) within
      // 12u·|q|. W: 4u·|W| + u·|q| for the difference and the store, plus q's error.
      const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];
      const [c1, c2] = [1 - beta1 ** t, 1 - beta2 ** t];
      const r = worst(
        4 + t,
        (k, x) => k.adam(x.w, x.dw, x.v, x.s, { beta1, beta2, epsilon }, alpha, t),
        (e, x) => {
          const g = x.dw[e] as number;
          const tv = beta1 * Math.abs(x.v[e] as number) + (1 - beta1) * Math.abs(g);
          const ts = beta2 * (x.s[e] as number) + (1 - beta2) * g * g;
          const v = beta1 * (x.v[e] as number) + (1 - beta1) * g;
          const root = Math.sqrt(ts / c2 + epsilon);
          const q = Math.abs((alpha * v) / c1 / root);
          const w = 4 * u * Math.abs(x.w[e] as number) + 13 * u * q + (alpha * 5 * u * tv) / (c1 * root);
          return { w, v: 5 * u * tv, s: 6 * u * ts };
        },
      );
      expect(r.v).toBeLessThanOrEqual(1);
      expect(r.s).toBeLessThanOrEqual(1);
      expect(r.w).toBeLessThanOrEqual(1);
    });
  }
});
