import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { TrainingPlan } from '../../engine/compile/plan';
import type { LabeledData } from '../../engine/data/types';
import { chooseExecutor, describeTimings, type ExecutorTiming } from '../../engine/train/choose-executor';
import type { ExecutorName } from '../../engine/train/trainer';
import { BACKENDS, type BackendChoice, type BackendName } from './protocol';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});
// The page is cross-origin isolated (for the fast executor's second thread), where tf.js would pick
// its threaded WASM build: its pthread workers, started from a blob, fail in this bundle ("e is not
// defined") and the backend never initializes. tf.js keeps its one-thread SIMD build.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

/** What the machine offers, probed in the worker before tf.js is asked. */
export interface BackendProbe {
  name: BackendName;
  available: boolean;
  /** A software rasterizer (SwiftShader, llvmpipe): works, but far slower than WASM for small nets. */
  software: boolean;
  adapter: string | null;
}

interface GpuAdapterInfo {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(): Promise<{ info?: GpuAdapterInfo; isFallbackAdapter?: boolean } | null>;
}

const SOFTWARE = /swiftshader|llvmpipe|software|lavapipe/i;

async function probeWebGpu(): Promise<BackendProbe> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  const adapter = gpu ? await gpu.requestAdapter().catch(() => null) : null;
  if (!adapter) return { name: 'webgpu', available: false, software: false, adapter: null };
  const info = adapter.info ?? {};
  const name =
    [info.vendor, info.architecture, info.description || info.device].filter(Boolean).join(' ') ||
    'WebGPU adapter';
  const software = Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter) || SOFTWARE.test(name);
  return { name: 'webgpu', available: true, software, adapter: name };
}

function probeWebGl(): BackendProbe {
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = canvas.getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return { name: 'webgl', available: false, software: false, adapter: null };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    return { name: 'webgl', available: true, software: SOFTWARE.test(renderer), adapter: renderer };
  } catch {
    return { name: 'webgl', available: false, software: false, adapter: null };
  }
}

export async function probeBackends(): Promise<BackendProbe[]> {
  return [
    await probeWebGpu(),
    probeWebGl(),
    {
      name: 'wasm',
      available: typeof WebAssembly === 'object',
      software: false,
      adapter: 'WebAssembly SIMD',
    },
    { name: 'cpu', available: true, software: false, adapter: 'JavaScript' },
  ];
}

/**
 * The order to try for a choice. "auto" takes a hardware GPU first (WebGPU, then WebGL); a software
 * GPU (SwiftShader) is skipped because WASM beats it by ~20× on the small networks of the notes.
 * An explicit choice is tried first, then the rest of the chain after it.
 */
export function backendOrder(
  choice: BackendChoice,
  probes: readonly BackendProbe[],
): { order: BackendName[]; notes: string[] } {
  const notes: string[] = [];
  const usable = (p: BackendProbe) => p.available;
  if (choice !== 'auto') {
    // The fast executor keeps a tf.js network for the boundary and export: on WASM.
    const start = BACKENDS.indexOf(choice === 'fast' ? 'wasm' : choice);
    const order = BACKENDS.slice(start).filter((n) => probes.find((p) => p.name === n)?.available !== false);
    return { order, notes };
  }
  const order: BackendName[] = [];
  for (const p of probes) {
    if (!usable(p)) continue;
    if (p.software && (p.name === 'webgpu' || p.name === 'webgl')) {
      notes.push(`${p.name} runs on a software adapter (${p.adapter}); WASM is faster here.`);
      continue;
    }
    order.push(p.name);
  }
  return { order, notes };
}

/** Sets the first backend of `order` that initializes; says which and why the others were passed over. */
export async function initBackend(
  order: readonly BackendName[],
  probes: readonly BackendProbe[],
): Promise<{ name: BackendName; adapter: string | null; notes: string[] }> {
  const notes: string[] = [];
  for (const name of order) {
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        return { name, adapter: probes.find((p) => p.name === name)?.adapter ?? null, notes };
      }
      notes.push(`${name} did not initialize.`);
    } catch (err) {
      notes.push(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  await tf.setBackend('cpu');
  return { name: 'cpu', adapter: 'JavaScript', notes };
}

/** The backend to offer after `name` fails mid-run. */
export function nextBackend(name: BackendName): BackendName | null {
  return BACKENDS[BACKENDS.indexOf(name) + 1] ?? null;
}

/** Where a run trains: the tf.js backend set, and the executor of the updates. */
export interface TrainingSetup {
  name: BackendName;
  adapter: string | null;
  notes: string[];
  executor: ExecutorName;
  timings: ExecutorTiming[];
}

/**
 * Sets up the run's backend and executor. "auto" times the fast executor and every usable backend
 * on the plan (`chooseExecutor`) and takes the fastest; "fast" takes the fast executor (tf.js on
 * WASM beside it); a backend name trains with tf.js there. Without a plan to time, "auto" takes the
 * first backend of the automatic order.
 */
export async function setUpTraining(
  choice: BackendChoice,
  plan: TrainingPlan | null,
  train: LabeledData | null,
): Promise<TrainingSetup> {
  const probes = await probeBackends();
  const { order, notes } = backendOrder(choice, probes);
  if (choice !== 'auto' || !plan || !train) {
    const backend = await initBackend(order, probes);
    return {
      ...backend,
      notes: [...notes, ...backend.notes],
      executor: choice === 'fast' ? 'fast' : 'tfjs',
      timings: [],
    };
  }
  const chosen = await chooseExecutor(plan, train, order);
  const name = (BACKENDS as readonly string[]).includes(chosen.backend)
    ? (chosen.backend as BackendName)
    : 'cpu';
  return {
    name,
    adapter: probes.find((p) => p.name === name)?.adapter ?? null,
    notes: [...notes, `Measured: ${describeTimings(chosen.timings)}.`],
    executor: chosen.executor,
    timings: chosen.timings,
  };
}
