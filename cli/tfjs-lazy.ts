/**
 * tf.js takes about half a second to load, which `validate` and `--help` do not need. In the built CLI
 * (scripts/build-cli.mjs) every `import * as tf from '@tensorflow/tfjs'` of the engine reaches tf.js
 * through a forwarding object that this function fills; the commands that train call it before they
 * load. Run from TypeScript (tests, tsx) the imports are the real module and this only loads it early.
 */
export async function loadTfjs(): Promise<void> {
  const tf = await import('@tensorflow/tfjs');
  const slot = globalThis as { [TFJS_SLOT]?: { tf: unknown } };
  slot[TFJS_SLOT] ??= { tf: null };
  slot[TFJS_SLOT].tf = tf;
}

/** Where the built CLI's forwarding object finds tf.js (a registered symbol: one per process). */
export const TFJS_SLOT: unique symbol = Symbol.for('netcanvas.tfjs') as never;
