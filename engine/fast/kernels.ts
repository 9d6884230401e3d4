import { activate, activationBackward } from './activations.js';
import { matmulBias, matmulTransA, matmulTransB } from './matmul.js';
import { jsSteps, type StepKernels } from './steps.js';
import type { SpawnKernelHelper } from './wasm/parallel.js';
import { SimdKernels, simdKernelModule } from './wasm/simd.js';

/** Which matrix products the fast executor runs: WebAssembly SIMD where available ('auto'), or forced. */
export type KernelChoice = 'auto' | 'simd' | 'js';

/**
 * The three products of a Dense layer on row-major float32 buffers, as matmul.ts defines them, the
 * optimizer steps (steps.ts), the activations and BatchNorm's per-element passes.
 */
export interface MatmulKernels {
  readonly name: 'simd' | 'js';
  /** Threads sharing each large product. */
  readonly threads: number;
  /** C[m×n] = A[m×k]·B[k×n] + bias (null: 0). */
  matmulBias: typeof matmulBias;
  /** C[k×n] = Aᵀ·D with A [m×k], D [m×n]. */
  matmulTransA: typeof matmulTransA;
  /** C[m×k] = D·Bᵀ with D [m×n], B [k×n]. */
  matmulTransB: typeof matmulTransB;
  /** One optimizer step on one parameter tensor. */
  readonly steps: StepKernels;
  /** out := g(z) over n values (activations.ts); SIMD for ReLU and leaky ReLU on bound buffers. */
  readonly activate: typeof activate;
  /** d := d·g′ from a = g(z) over n values (activations.ts); SIMD as `activate`. */
  readonly activationBackward: typeof activationBackward;
  /** BatchNorm's per-element passes in SIMD, or null: the lowering runs its own JS loops. */
  readonly batchNorm: BatchNormKernels | null;
}

/**
 * BatchNorm's two per-element passes over `cells` rows of c channels (c a multiple of 4), with
 * per-channel float32 vectors of c: [64×32] in, [64×32] out. Operands are buffers the kernels bound.
 */
export interface BatchNormKernels {
  /** μ := Σx/N, σ² := Σ(x − μ)²/N per channel: float64 sums down the rows, rounded to float32. */
  moments(x: Float32Array, cells: number, c: number, mean: Float32Array, variance: Float32Array): void;
  /** Σd and Σd·xHat per channel (dβ, dγ): float64 sums down the rows, rounded to float32. */
  sums(
    d: Float32Array,
    xHat: Float32Array,
    cells: number,
    c: number,
    sumD: Float32Array,
    sumDxHat: Float32Array,
  ): void;
  /** xHat := (x − μ)/σ; out := γ·xHat + β (σ = √(σ² + ε)). */
  forward(
    x: Float32Array,
    mean: Float32Array,
    std: Float32Array,
    gamma: Float32Array,
    beta: Float32Array,
    xHat: Float32Array,
    out: Float32Array,
    cells: number,
    c: number,
  ): void;
  /** dx := scale·((N·d − Σd) − xHat·Σd·xHat), N = cells, scale = γ/(N·σ) per channel. */
  backward(
    d: Float32Array,
    xHat: Float32Array,
    scale: Float32Array,
    sumD: Float32Array,
    sumDxHat: Float32Array,
    dx: Float32Array,
    cells: number,
    c: number,
  ): void;
}

export const jsKernels: MatmulKernels = {
  name: 'js',
  threads: 1,
  matmulBias,
  matmulTransA,
  matmulTransB,
  steps: jsSteps,
  activate,
  activationBackward,
  batchNorm: null,
};

/** Whether this realm runs the SIMD kernels (WebAssembly SIMD present and the module compiles). */
export function simdAvailable(): boolean {
  return simdKernelModule() !== null;
}

/**
 * The kernels for `choice`, bound to the buffers that `holders` keep in Float32Array properties. The
 * SIMD kernels run on one WebAssembly memory, so every such buffer moves into it first: the sizes are
 * summed, the memory is made once, and each property is replaced by a view holding the same values
 * (two properties sharing one buffer share one view). 'simd' throws where SIMD is unavailable.
 * With `helper`, and where shared memory is available, a second thread shares each large product
 * (see wasm/parallel.ts); elsewhere the products run on the calling thread alone.
 */
export function bindKernels(
  choice: KernelChoice,
  holders: readonly object[],
  helper?: SpawnKernelHelper,
): MatmulKernels {
  if (choice === 'js') return jsKernels;
  const buffers = new Set<Float32Array>();
  for (const holder of holders) {
    for (const value of Object.values(holder)) if (value instanceof Float32Array) buffers.add(value);
  }
  let floats = 0;
  for (const b of buffers) floats += b.length;
  const simd = simdKernels(floats, buffers.size, helper);
  if (!simd) {
    if (choice === 'simd') throw new Error(`No WebAssembly SIMD kernels here for ${floats} floats.`);
    return jsKernels;
  }
  const moved = new Map<Float32Array, Float32Array>();
  for (const b of buffers) {
    const view = simd.take(b.length);
    view.set(b);
    moved.set(b, view);
  }
  for (const holder of holders) {
    const fields = holder as Record<string, unknown>;
    for (const [key, value] of Object.entries(fields)) {
      if (value instanceof Float32Array) fields[key] = moved.get(value);
    }
  }
  return simd;
}

/**
 * SIMD kernels with room for `floats` values in `buffers` views: on two threads where `helper` is
 * given and shared memory works, else on one; null where neither module nor memory can be had (no
 * SIMD, or a memory too large for this platform: the JS kernels then run on the buffers as they are).
 */
function simdKernels(floats: number, buffers: number, helper?: SpawnKernelHelper): SimdKernels | null {
  const shared = helper ? simdKernelModule(true) : null;
  const attempts: [WebAssembly.Module | null, SpawnKernelHelper | undefined][] = [
    [shared, helper],
    [simdKernelModule(), undefined],
  ];
  for (const [module, spawn] of attempts) {
    if (!module) continue;
    try {
      return new SimdKernels(module, floats, buffers, spawn);
    } catch {
      // the next attempt, or none
    }
  }
  return null;
}
