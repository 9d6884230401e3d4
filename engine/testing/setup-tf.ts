import * as tf from '@tensorflow/tfjs';

// Tests run on the CPU backend: deterministic and float32 everywhere, so expected numbers hold.
// tf.js greets Node users once on first use; that greeting is noise in test output.
for (const channel of ['log', 'warn'] as const) {
  const write = console[channel];
  console[channel] = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('TensorFlow.js in Node.js')) return;
    write(...args);
  };
}
await tf.setBackend('cpu');
await tf.ready();
