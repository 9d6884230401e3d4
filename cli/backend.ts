import * as tf from '@tensorflow/tfjs';

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
