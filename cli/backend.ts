import * as tf from '@tensorflow/tfjs';
import type { TrainingPlan } from '../engine/compile/plan.js';
import type { LabeledData } from '../engine/data/types.js';
import { chooseExecutor, type ExecutorTiming } from '../engine/train/choose-executor.js';
import type { ExecutorName } from '../engine/train/trainer.js';
import type { NodeExecutorChoice } from './executor-choices.js';

export { NODE_EXECUTOR_CHOICES, type NodeExecutorChoice } from './executor-choices.js';

export type NodeBackend = 'wasm' | 'cpu';

/**
 * Node has no WebGPU: WASM (SIMD, loaded from node_modules) is the fastest backend there, CPU the
 * fallback. tf.js greets Node users with advice to install tfjs-node; that binary download is not
 * an option for NetCanvas, so the greeting is dropped.
 */
export async function selectNodeBackend(name: NodeBackend): Promise<string> {
  for (const channel of ['log', 'warn'] as const) {
    const write = console[channel];
    console[channel] = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('TensorFlow.js in Node.js')) return;
      write(...args);
    };
  }
  if (name === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm');
    if (await tf.setBackend('wasm').catch(() => false)) {
      await tf.ready();
      return 'wasm';
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}

/**
 * Sets up where a plan trains in Node: "auto" times the fast executor, WASM and CPU on the plan
 * (`chooseExecutor`); "fast" takes the fast executor (tf.js on WASM holds the network for export);
 * "wasm"/"cpu" train with tf.js on that backend.
 */
export async function selectNodeExecutor(
  choice: NodeExecutorChoice,
  plan: TrainingPlan,
  train: LabeledData,
): Promise<{ executor: ExecutorName; backend: string; timings: ExecutorTiming[] }> {
  if (choice === 'wasm' || choice === 'cpu') {
    return { executor: 'tfjs', backend: await selectNodeBackend(choice), timings: [] };
  }
  const wasm = await selectNodeBackend('wasm');
  if (choice === 'fast') return { executor: 'fast', backend: wasm, timings: [] };
  const backends = wasm === 'wasm' ? ['wasm', 'cpu'] : ['cpu'];
  const chosen = await chooseExecutor(plan, train, backends);
  return { executor: chosen.executor, backend: chosen.backend, timings: chosen.timings };
}
