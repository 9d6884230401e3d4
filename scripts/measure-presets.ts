// Trains every preset at its full length on the WASM backend and prints what each reaches:
// `npx tsx scripts/measure-presets.ts [filter] [wasm|cpu]`. The figures in docs/presets.md come from
// here. Convolutions train on cpu: tf.js 4.22's WASM backend has no Conv2DBackpropFilter kernel.
import { selectNodeBackend } from '../cli/backend.js';
import { prepareRun } from '../engine/compile/prepare.js';
import type { EpochEvent, UpdateEvent } from '../engine/train/events.js';
import { TrainingRun } from '../engine/train/trainer.js';
import { presetDocuments } from '../presets/lessons.js';

const filter = process.argv[2] ?? '';
await selectNodeBackend(process.argv[3] === 'cpu' ? 'cpu' : 'wasm');
const pct = (v: number | null | undefined) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);
console.log(
  '| preset | epochs | stop | first cost | train cost | train acc | dev acc | test acc | late σ(cost) | time |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const { file, doc } of presetDocuments()) {
  if (!file.includes(filter)) continue;
  const prepared = await prepareRun(doc);
  if (!prepared.ok) {
    console.log(file, JSON.stringify(prepared.problems));
    continue;
  }
  const updates: number[] = [];
  const epochs: EpochEvent[] = [];
  const run = new TrainingRun(prepared.value.plan, prepared.value.splits, {
    onEvent: (e) => {
      if (e.type === 'update') updates.push((e as UpdateEvent).cost);
      if (e.type === 'epoch') epochs.push(e);
    },
  });
  const t0 = performance.now();
  const done = await run.start();
  const late = updates.slice(-Math.max(10, Math.floor(updates.length / 10)));
  const mean = late.reduce((a, b) => a + b, 0) / late.length;
  const sd = Math.sqrt(late.reduce((a, b) => a + (b - mean) ** 2, 0) / late.length);
  console.log(
    `| ${file.replace('.netcanvas.json', '')} | ${done.epochs} | ${done.reason} | ${updates[0]?.toFixed(3)} | ${done.train?.cost.toFixed(3) ?? '—'} | ${pct(done.train?.accuracy)} | ${pct(done.dev?.accuracy)} | ${pct(done.test?.accuracy)} | ${sd.toFixed(4)} | ${((performance.now() - t0) / 1000).toFixed(1)} s |`,
  );
  run.dispose();
}
