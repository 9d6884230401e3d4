// `npm run bench:webgpu`: the trainer on tf.js's WebGPU backend in Node, through Dawn (the `webgpu`
// package: the WebGPU implementation Chromium uses, without the browser). On a machine with a GPU
// this measures the real adapter; here it finds SwiftShader (point VK_ICD_FILENAMES at Chromium's
// vk_swiftshader_icd.json). Prints the adapter, updates/s on the four reference graphs and the
// matmul peak as JSON (also to the file named by --out).
import { writeFileSync } from 'node:fs';
import { create, globals } from 'webgpu';
import { benchGraphs, flopsPerUpdate } from './graphs.js';
import { summarize } from './measure.js';
import { trainerThroughput } from './node-throughput.js';
import { matmulPeak } from './peak.js';
import { profileUpdate } from './webgpu-profile.js';

Object.assign(globalThis, globals);
const gpu = create([]);
Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true });

const tf = await import('@tensorflow/tfjs');
await import('@tensorflow/tfjs-backend-webgpu');

const quick = process.argv.includes('--quick');
const outArg = process.argv.find((a) => a.startsWith('--out='));
const adapter = (await gpu.requestAdapter()) as { info?: Record<string, unknown> } | null;
const info = adapter?.info ?? {};
const adapterName = ['vendor', 'architecture', 'device', 'description']
  .map((k) => info[k])
  .filter((v) => typeof v === 'string' && v)
  .join(' ');
if (!adapter || !(await tf.setBackend('webgpu').catch(() => false))) {
  console.error('No WebGPU adapter: nothing to measure.');
  process.exit(1);
}
await tf.ready();
console.error(`WebGPU adapter: ${adapterName || 'unnamed'}`);

if (process.argv.includes('--profile')) {
  const profile: Record<string, Record<string, number>> = {};
  for (const g of benchGraphs()) {
    profile[g.id] = await profileUpdate(tf, g);
    console.error(g.id, JSON.stringify(profile[g.id]));
  }
  if (outArg)
    writeFileSync(
      outArg.slice('--out='.length),
      `${JSON.stringify({ adapter: adapterName, profile }, null, 2)}\n`,
    );
  process.exit(0);
}

const results = [];
for (const g of benchGraphs()) {
  const wide = g.id.startsWith('wide');
  const updates = quick ? 64 : wide ? 320 : 640;
  const rates = await trainerThroughput(g, updates, 3);
  const figure = summarize(rates);
  const gflops = (figure.median * flopsPerUpdate(g.widths, g.batchSize === 'full' ? 300 : g.batchSize)) / 1e9;
  console.error(`${g.id}: ${figure.median.toFixed(1)} updates/s (${gflops.toFixed(2)} GFLOP/s)`);
  results.push({ graph: g.id, updatesPerSecond: figure, gflops });
}
const peak = summarize(await matmulPeak(2048, 20, 3));
const dispatch = summarize(await dispatchMicroseconds());
console.error(`one small op, dispatched and waited for in a chain of 500: ${dispatch.median.toFixed(0)} µs`);
console.error(`matmul peak (2048³): ${peak.median.toFixed(0)} GFLOP/s`);
const report = {
  adapter: adapterName,
  backend: tf.getBackend(),
  results,
  peakGflops: peak,
  dispatchMicroseconds: dispatch,
};
const json = JSON.stringify(report, null, 2);
console.log(json);
if (outArg) writeFileSync(outArg.slice('--out='.length), `${json}\n`);

/** What one tiny kernel costs end to end: 500 dependent adds on 64 values, one readback, per op. */
async function dispatchMicroseconds(): Promise<number[]> {
  const out: number[] = [];
  for (let r = 0; r < 4; r++) {
    let x = tf.zeros([64]);
    const t0 = performance.now();
    for (let i = 0; i < 500; i++) {
      const y = tf.add(x, 1);
      x.dispose();
      x = y;
    }
    await x.data();
    x.dispose();
    if (r > 0) out.push(((performance.now() - t0) * 1000) / 500);
  }
  return out;
}
