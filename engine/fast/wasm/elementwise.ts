import { activate, activationBackward } from '../activations.js';
import type { BatchNormKernels } from '../kernels.js';
import type { StepKernels } from '../steps.js';

/** The element-wise module's exports (wasm/elementwise.wat): byte addresses, counts, float32 scalars. */
export interface ElementwiseExports {
  gd(w: number, dw: number, n: number, lr: number): void;
  momentum(w: number, dw: number, v: number, n: number, beta: number, rest: number, lr: number): void;
  rmsprop(
    w: number,
    dw: number,
    s: number,
    n: number,
    beta2: number,
    rest: number,
    epsilon: number,
    lr: number,
  ): void;
  adam(
    w: number,
    dw: number,
    v: number,
    s: number,
    n: number,
    beta1: number,
    rest1: number,
    beta2: number,
    rest2: number,
    epsilon: number,
    lr: number,
    c1: number,
    c2: number,
  ): void;
  relu(z: number, out: number, n: number): void;
  reluBackward(a: number, d: number, n: number): void;
  leakyRelu(z: number, out: number, n: number, alpha: number): void;
  leakyReluBackward(a: number, d: number, n: number, alpha: number): void;
  batchNormMoments(x: number, cells: number, c: number, mean: number, variance: number): void;
  batchNormSums(d: number, xHat: number, cells: number, c: number, sumD: number, sumDxHat: number): void;
  batchNormForward(
    x: number,
    mean: number,
    std: number,
    gamma: number,
    beta: number,
    xHat: number,
    out: number,
    cells: number,
    c: number,
  ): void;
  batchNormBackward(
    d: number,
    xHat: number,
    scale: number,
    sumD: number,
    sumDxHat: number,
    dx: number,
    cells: number,
    c: number,
  ): void;
}

/**
 * The optimizer steps on the SIMD module, for tensors that `vector` turns into byte addresses (it
 * must refuse a view that does not start a buffer of the kernels' memory: the module runs whole
 * vectors, into the padding after the last value). 1 − β and Adam's 1 − βᵗ are computed here in
 * float64, as the JS steps compute them, and reach the module rounded to float32.
 */
export function simdSteps(exports: ElementwiseExports, vector: (x: Float32Array) => number): StepKernels {
  return {
    gd: (w, dw, lr) => exports.gd(vector(w), vector(dw), w.length, lr),
    momentum: (w, dw, v, beta, lr) =>
      exports.momentum(vector(w), vector(dw), vector(v), w.length, beta, 1 - beta, lr),
    rmsprop: (w, dw, s, beta2, epsilon, lr) =>
      exports.rmsprop(vector(w), vector(dw), vector(s), w.length, beta2, 1 - beta2, epsilon, lr),
    adam: (w, dw, v, s, { beta1, beta2, epsilon }, lr, t) =>
      exports.adam(
        vector(w),
        vector(dw),
        vector(v),
        vector(s),
        w.length,
        beta1,
        1 - beta1,
        beta2,
        1 - beta2,
        epsilon,
        lr,
        1 - beta1 ** t,
        1 - beta2 ** t,
      ),
  };
}

/** BatchNorm's passes on the SIMD module, addresses from `vector` as for simdSteps. */
export function simdBatchNorm(
  exports: ElementwiseExports,
  vector: (x: Float32Array) => number,
): BatchNormKernels {
  return {
    moments: (x, cells, c, mean, variance) =>
      exports.batchNormMoments(vector(x), cells, c, vector(mean), vector(variance)),
    sums: (d, xHat, cells, c, sumD, sumDxHat) =>
      exports.batchNormSums(vector(d), vector(xHat), cells, c, vector(sumD), vector(sumDxHat)),
    forward: (x, mean, std, gamma, beta, xHat, out, cells, c) =>
      exports.batchNormForward(
        vector(x),
        vector(mean),
        vector(std),
        vector(gamma),
        vector(beta),
        vector(xHat),
        vector(out),
        cells,
        c,
      ),
    backward: (d, xHat, scale, sumD, sumDxHat, dx, cells, c) =>
      exports.batchNormBackward(
        vector(d),
        vector(xHat),
        vector(scale),
        vector(sumD),
        vector(sumDxHat),
        vector(dx),
        cells,
        c,
      ),
  };
}

/**
 * activate and activationBackward (activations.ts) with ReLU and leaky ReLU on the SIMD module, for
 * buffers `whole` accepts (a view the kernels handed out, whose padding the last vector may use:
 * its address, else null); every other case runs the JS loops. The values are the JS loops' own.
 */
export function simdActivations(
  exports: ElementwiseExports,
  whole: (x: Float32Array) => number | null,
): { activate: typeof activate; activationBackward: typeof activationBackward } {
  return {
    activate(g, alpha, z, out, n) {
      const [from, to] = [whole(z), whole(out)];
      if (from === null || to === null || (g !== 'relu' && g !== 'leakyRelu')) activate(g, alpha, z, out, n);
      else if (g === 'relu') exports.relu(from, to, n);
      else exports.leakyRelu(from, to, n, alpha);
    },
    activationBackward(g, alpha, a, d, n) {
      const [at, into] = [whole(a), whole(d)];
      if (at === null || into === null || (g !== 'relu' && g !== 'leakyRelu'))
        activationBackward(g, alpha, a, d, n);
      else if (g === 'relu') exports.reluBackward(at, into, n);
      else exports.leakyReluBackward(at, into, n, alpha);
    },
  };
}
