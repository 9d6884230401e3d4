import * as tf from '@tensorflow/tfjs';

/**
 * The CPU's measured matmul peak on the current backend: a tight loop of n×n×n products
 * (2n³ FLOPs each), data read back once at the end. GFLOP/s per repeat.
 */
export async function matmulPeak(n = 512, loops = 20, repeats = 3): Promise<number[]> {
  const a = tf.randomNormal([n, n]);
  const b = tf.randomNormal([n, n]);
  // Read back asynchronously: a GPU backend in Node cannot read synchronously (no OffscreenCanvas).
  const once = async () => {
    let last: tf.Tensor | null = null;
    for (let i = 0; i < loops; i++) {
      last?.dispose();
      last = tf.matMul(a, b);
    }
    await last?.data();
    last?.dispose();
  };
  await once();
  const out: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    await once();
    out.push((2 * n ** 3 * loops) / ((performance.now() - t0) / 1000) / 1e9);
  }
  tf.dispose([a, b]);
  return out;
}
