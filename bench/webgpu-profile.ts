// `npm run bench:webgpu -- --profile`: where a WebGPU update's time goes. Queues 100 of each part
// of an update (gather; forward; forward + backward; + the optimizer step) with one readback at the
// end, so each figure is throughput, not the latency of one round trip.
import type * as TF from '@tensorflow/tfjs';
import { prepareRun } from '../engine/compile/prepare.js';
import { labelMatrix } from '../engine/model/losses.js';
import { Network } from '../engine/model/network.js';
import { createRandom } from '../engine/random.js';
import { createOptimizer } from '../engine/train/optimizers.js';
import type { BenchGraph } from './graphs.js';

export async function profileUpdate(
  tf: typeof TF,
  graph: BenchGraph,
  count = 100,
): Promise<Record<string, number>> {
  const prepared = await prepareRun(graph.doc);
  if (!prepared.ok) throw new Error(graph.id);
  const { plan, splits } = prepared.value;
  const train = splits.train;
  const labels = labelMatrix(plan.loss, train);
  const x = tf.tensor2d(train.x, [train.m, train.features]);
  const y = tf.tensor2d(labels.values, [train.m, labels.columns]);
  const net = Network.fromPlan(plan, { random: createRandom(1) });
  const optimizer = createOptimizer(plan.optimizer);
  const mb = graph.batchSize === 'full' ? train.m : graph.batchSize;
  const indices = Int32Array.from({ length: mb }, (_, i) => i);
  const parts: Record<string, () => TF.Tensor> = {
    'upload indices + gather': () => tf.gather(x, tf.tensor1d(indices, 'int32')),
    forward: () => net.cost(plan.loss, x.slice(0, mb), y.slice(0, mb), train.m, true, 1),
    'forward + backward': () => {
      const { value, grads } = tf.variableGrads(
        () => net.cost(plan.loss, x.slice(0, mb), y.slice(0, mb), train.m, true, 1),
        net.trainableVariables,
      );
      tf.dispose(grads);
      return value;
    },
    'whole update': () => {
      const idx = tf.tensor1d(indices, 'int32');
      const { value, grads } = tf.variableGrads(
        () => net.cost(plan.loss, tf.gather(x, idx), tf.gather(y, idx), train.m, true, 1),
        net.trainableVariables,
      );
      optimizer.applyGradients(grads);
      return value;
    },
  };
  const out: Record<string, number> = {};
  for (const [name, part] of Object.entries(parts)) {
    for (const n of [5, count]) {
      const before = tf.memory().numTensors;
      const t0 = performance.now();
      let last: TF.Tensor | null = null;
      for (let i = 0; i < n; i++) {
        last?.dispose();
        last = tf.tidy(part);
      }
      await last?.data();
      last?.dispose();
      if (n === count) out[`${name}, ms`] = (performance.now() - t0) / n;
      if (n === count && tf.memory().numTensors > before) throw new Error(`${name} leaks`);
    }
  }
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) await tf.scalar(i).data();
  out['upload + readback of a scalar, ms'] = (performance.now() - t0) / 20;
  tf.dispose([x, y]);
  optimizer.dispose();
  net.dispose();
  return out;
}
