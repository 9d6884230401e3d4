import { activate, activationBackward } from '../activations.js';
import type { BatchNormKernels } from '../kernels.js';
import type { matmulBias, matmulTransA, matmulTransB } from '../matmul.js';
import { jsSteps, type StepKernels } from '../steps.js';
import { decodeBase64 } from './base64.js';
import { type ElementwiseExports, simdActivations, simdBatchNorm, simdSteps } from './elementwise.js';
import {
  ELEMENTWISE_SHARED_WASM,
  ELEMENTWISE_WASM,
  PRODUCTS_SHARED_WASM,
  PRODUCTS_WASM,
} from './kernels.generated.js';
import {
  DOTS,
  GEMM,
  JOB_BLOCK_BYTES,
  JobPoster,
  type KernelExports,
  type SpawnKernelHelper,
} from './parallel.js';

/**
 * The SIMD kernels bound to one WebAssembly.Memory of a fixed size: `take` hands out float32 views
 * of it (16-byte aligned), and the products run on views of this memory only, addressed by their
 * byte offsets. The memory never grows, so the views stay attached.
 */

const PAGE = 65536;
/** Bytes no buffer gets at the start: address 0 stands for "no bias", and the job block lives there. */
const RESERVED = JOB_BLOCK_BYTES;
/** Products of fewer multiply-adds (about 20 µs) stay on one thread: waking the helper costs more. */
const SPLIT_MACS = 1 << 20;
/** Chunks of a shared product: small enough that a late helper still takes its part. */
const CHUNKS = 8;

/** Compiled modules by source and memory ("products/shared"), null where they cannot be had. */
const compiled = new Map<string, WebAssembly.Module | null>();

/** `base64`'s module compiled once per realm under `key`, or null (see simdKernelModule). */
function compileOnce(key: string, base64: string, shared: boolean): WebAssembly.Module | null {
  const known = compiled.get(key);
  if (known !== undefined) return known;
  let module: WebAssembly.Module | null = null;
  try {
    const sharable = !shared || typeof SharedArrayBuffer === 'function'; // browsers: cross-origin isolated only
    const bytes = decodeBase64(base64);
    // validate is false where SIMD (or, for the shared module, threads) is missing.
    if (typeof WebAssembly === 'object' && sharable && WebAssembly.validate(bytes)) {
      module = new WebAssembly.Module(bytes);
      if (shared) new WebAssembly.Memory({ initial: 1, maximum: 1, shared }); // throws where unavailable
    }
  } catch {
    module = null;
  }
  compiled.set(key, module);
  return module;
}

/**
 * The compiled kernel module (the products) for a private (or a shared) memory, or null where
 * WebAssembly SIMD is missing, shared memory is unavailable (no cross-origin isolation), or
 * synchronous compilation is refused (Chromium's main thread, for modules over its limit).
 */
export function simdKernelModule(shared = false): WebAssembly.Module | null {
  return compileOnce(`products/${shared}`, shared ? PRODUCTS_SHARED_WASM : PRODUCTS_WASM, shared);
}

/** The element-wise module (optimizer steps) for a private or a shared memory, or null. */
function elementwiseModule(shared: boolean): WebAssembly.Module | null {
  return compileOnce(`elementwise/${shared}`, shared ? ELEMENTWISE_SHARED_WASM : ELEMENTWISE_WASM, shared);
}

export class SimdKernels {
  readonly name = 'simd';
  private readonly memory: WebAssembly.Memory;
  private readonly exports: KernelExports;
  /** Set when a helper thread shares the large products. */
  private readonly jobs: JobPoster | null = null;
  private next = RESERVED;
  /** Products of at least this many multiply-adds are shared with the helper (bench/split-threshold.ts sets 0). */
  splitMacs = SPLIT_MACS;
  /** The optimizer steps: SIMD where the element-wise module compiles, else the JS loops. */
  readonly steps: StepKernels;
  /** BatchNorm's passes: SIMD where the element-wise module compiles, else null (JS). */
  readonly batchNorm: BatchNormKernels | null;
  readonly activate: typeof activate;
  readonly activationBackward: typeof activationBackward;
  /** Every view `take` handed out: whole buffers, each followed by its own padding. */
  private readonly views = new WeakSet<Float32Array>();

  /**
   * Kernels over a memory that holds `floats` values in `buffers` views (alignment included). With
   * `spawn`, the module must be the shared-memory one, and `spawn` starts the helper thread on it.
   */
  constructor(module: WebAssembly.Module, floats: number, buffers: number, spawn?: SpawnKernelHelper) {
    const pages = Math.max(1, Math.ceil((RESERVED + 4 * floats + 16 * buffers) / PAGE));
    this.memory = new WebAssembly.Memory(
      spawn ? { initial: pages, maximum: pages, shared: true } : { initial: pages },
    );
    const instance = new WebAssembly.Instance(module, { env: { memory: this.memory } });
    this.exports = instance.exports as unknown as KernelExports;
    const compiledElementwise = elementwiseModule(spawn !== undefined);
    const elementwise = compiledElementwise
      ? (new WebAssembly.Instance(compiledElementwise, { env: { memory: this.memory } })
          .exports as unknown as ElementwiseExports)
      : null;
    const vector = (x: Float32Array) => this.vector(x);
    this.steps = elementwise ? simdSteps(elementwise, vector) : jsSteps;
    this.batchNorm = elementwise ? simdBatchNorm(elementwise, vector) : null;
    const activations = elementwise ? simdActivations(elementwise, (x) => this.whole(x)) : null;
    this.activate = activations?.activate ?? activate;
    this.activationBackward = activations?.activationBackward ?? activationBackward;
    if (spawn) {
      spawn(module, this.memory);
      this.jobs = new JobPoster(this.memory, this.exports);
    }
  }

  /** Threads sharing the products: 2 with a helper. */
  get threads(): number {
    return this.jobs ? 2 : 1;
  }

  /**
   * A zeroed view of `length` floats, starting on a 16-byte boundary; the bytes up to the next one
   * belong to no other view (the element-wise kernels run whole vectors over them).
   */
  take(length: number): Float32Array {
    const view = new Float32Array(this.memory.buffer, this.next, length);
    this.views.add(view);
    this.next += Math.ceil((4 * length) / 16) * 16;
    return view;
  }

  private at(x: Float32Array): number {
    if (x.buffer !== this.memory.buffer) throw new Error('A SIMD operand outside the kernel memory.');
    return x.byteOffset;
  }

  /** The address of a view that `take` handed out, for the kernels that run whole vectors past its end. */
  private vector(x: Float32Array): number {
    const at = this.whole(x);
    if (at === null) throw new Error('A SIMD vector operand that is not a whole kernel buffer.');
    return at;
  }

  /** The address of `x` when `take` handed it out, else null (a subarray, or another memory's view). */
  private whole(x: Float32Array): number | null {
    return this.views.has(x) ? x.byteOffset : null;
  }

  /** C[m×n] = A[m×k]·B[k×n] + bias (null: 0). */
  readonly matmulBias: typeof matmulBias = (a, b, bias, c, m, k, n) =>
    this.gemm(this.at(a), 4 * k, 4, this.at(b), bias ? this.at(bias) : 0, this.at(c), m, k, n);

  /** C[k×n] = Aᵀ·D with A [m×k], D [m×n]: gemm reading A by columns. */
  readonly matmulTransA: typeof matmulTransA = (a, d, c, m, k, n) =>
    this.gemm(this.at(a), 4, 4 * k, this.at(d), 0, this.at(c), k, m, n);

  /** C[m×k] = D·Bᵀ with D [m×n], B [k×n]. */
  readonly matmulTransB: typeof matmulTransB = (d, b, c, m, k, n) => {
    if (this.jobs && m * k * n >= this.splitMacs)
      this.jobs.run(DOTS, CHUNKS, this.at(d), this.at(b), this.at(c), m, k, n);
    else this.exports.dots(this.at(d), this.at(b), this.at(c), m, k, n);
  };

  /** gemm (see kernels.ts), in chunks of rows shared with the helper thread when there is one. */
  private readonly gemm: KernelExports['gemm'] = (a, aRow, aStep, b, bias, c, m, k, n) => {
    if (this.jobs && m * k * n >= this.splitMacs)
      this.jobs.run(GEMM, CHUNKS, a, aRow, aStep, b, bias, c, m, k, n);
    else this.exports.gemm(a, aRow, aStep, b, bias, c, m, k, n);
  };
}
