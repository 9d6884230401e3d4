import { selectNodeBackend } from '../cli/backend.js';
import { prepareRun } from '../engine/compile/prepare.js';
import { sequentialDocument } from '../engine/document/build.js';
import type { GraphDocument } from '../engine/document/schema.js';
import { deepSigmoidSpec } from '../engine/inspect/deep-sigmoid.js';
import type { LayersEvent } from '../engine/train/events.js';
import { TrainingRun } from '../engine/train/trainer.js';
import { presetDocuments } from '../presets/lessons.js';

/**
 * The figures of docs/inside.md: every lesson (but the image ones) for 30 epochs on the fast
 * executor with the layers measured every 10 updates, the ten-layer sigmoid stack with and without
 * its cures, and α = 10 on the moons. Per run: how often each diagnosis came up, the largest and the
 * median update ratio, and ‖dW‖ of the first weighted layer over the last's.
 * `npx tsx scripts/measure-inspection.ts [lessons|deep|alpha]`.
 */
async function measure(name: string, doc: GraphDocument, epochs: number, every = 10): Promise<void> {
  const prepared = await prepareRun(doc);
  if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join('; '));
  const events: LayersEvent[] = [];
  let ending = '';
  const run = new TrainingRun(prepared.value.plan, prepared.value.splits, {
    executor: 'fast',
    epochs,
    layerStatsEvery: every,
    onEvent: (e) => {
      if (e.type === 'layers') events.push(e);
      if (e.type === 'done') ending = `${e.reason}, train cost ${e.train?.cost.toFixed(3) ?? '—'}`;
    },
  });
  await run.start();
  run.dispose();
  const counts = new Map<string, number>();
  for (const d of events.flatMap((e) => e.diagnoses)) {
    const key = `${d.code}@${d.nodeId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const ratios = events.flatMap((e) =>
    e.layers.flatMap((l) => (l.updateRatio === null ? [] : [l.updateRatio])),
  );
  ratios.sort((a, b) => a - b);
  const flow = events.map((e) => {
    const weighted = e.layers.filter((l) => !l.batchNorm);
    return (weighted[0]?.gradNorm ?? 0) / (weighted[weighted.length - 1]?.gradNorm ?? 1);
  });
  const sci = (x: number | undefined) => (x === undefined ? '—' : x.toExponential(1));
  console.log(
    `| ${name} | ${events.length} | ${[...counts].map(([k, n]) => `${k} ×${n}`).join(', ') || '—'} | ${sci(ratios[ratios.length - 1])} / ${sci(ratios[Math.floor(ratios.length / 2)])} | ${sci(flow[0])} | ${ending} |`,
  );
}

await selectNodeBackend('wasm');
const which = process.argv[2] ?? 'all';
console.log(
  '| run | layers events | diagnoses (events) | update ratio max / median | ‖dW¹‖/‖dWᴸ‖ at t = 1 | end |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
if (which === 'all' || which === 'lessons') {
  for (const p of presetDocuments()) {
    if (p.file.includes('fashion') || p.file.includes('convolution')) continue;
    await measure(p.file.replace('.netcanvas.json', ''), p.doc, 30);
  }
}
if (which === 'all' || which === 'deep') {
  for (const cure of ['none', 'batchNorm', 'residual'] as const)
    await measure(`ten sigmoid layers, ${cure}`, sequentialDocument(deepSigmoidSpec(cure)), 10);
}
if (which === 'all' || which === 'alpha') {
  const moons = presetDocuments().find((p) => p.file === 'moons-adam.netcanvas.json');
  if (!moons) throw new Error('moons-adam preset missing');
  for (const algorithm of ['adam', 'gd']) {
    const doc = structuredClone(moons.doc);
    const optimizer = doc.nodes.find((n) => n.kind === 'Optimizer');
    if (optimizer) optimizer.params = { ...(optimizer.params as object), algorithm, learningRate: 10 };
    await measure(`moons, ${algorithm} α = 10`, doc, 30, 1);
  }
}
