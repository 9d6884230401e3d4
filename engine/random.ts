/**
 * Seeded pseudo-random numbers. Every random choice the engine makes (initial weights, shuffles,
 * generated data sets, dropout masks, search samples) draws from one of these, so a document and a
 * seed always reproduce the same run.
 */

/** A random source: `next()` is uniform in [0, 1). */
export interface Random {
  next(): number;
  /** Standard normal draw N(0, 1) (Box–Muller). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** A new independent stream derived from this one (e.g. one per layer). */
  fork(): Random;
}

/** Mixes a seed into a well-spread 32-bit state (splitmix32 finaliser). */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * mulberry32: small, fast and good enough for weights and shuffles (passes gjrand's tests at the
 * sizes used here). Not cryptographic.
 */
export function createRandom(seed: number): Random {
  let state = mix32(Math.floor(seed) >>> 0);
  let spareNormal: number | null = null;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    normal() {
      if (spareNormal !== null) {
        const s = spareNormal;
        spareNormal = null;
        return s;
      }
      // 1 - next() is in (0, 1], so the log is finite.
      const r = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spareNormal = r * Math.sin(angle);
      return r * Math.cos(angle);
    },
    int(n) {
      return Math.floor(next() * n);
    },
    fork() {
      return createRandom(Math.floor(next() * 4294967296));
    },
  };
}

/** Fisher–Yates shuffle of 0..n-1, seeded. [n] → permutation of length n. */
export function permutation(n: number, random: Random): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const tmp = order[i] as number;
    order[i] = order[j] as number;
    order[j] = tmp;
  }
  return order;
}

/** A seed for one (step, layer) pair: different layers and steps get unrelated masks. */
export function mixSeeds(a: number, b: number): number {
  return mix32((Math.imul(a | 0, 0x27d4eb2d) ^ (b | 0)) | 0) % 2147483647;
}
