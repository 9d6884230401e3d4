/** `--backend`: tf.js on WASM or CPU, the float32 fast executor, or whichever is measured fastest. */
export type NodeExecutorChoice = 'wasm' | 'cpu' | 'fast' | 'auto';
export const NODE_EXECUTOR_CHOICES: readonly NodeExecutorChoice[] = ['auto', 'fast', 'wasm', 'cpu'];
