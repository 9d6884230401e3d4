// `npm run bench`: training throughput of NetCanvas's trainer in Node (CPU and WASM backends) on the
// four reference graphs, the same networks in PyTorch on the CPU as the peer, and the machine's matmul
// peak. Writes bench/results.json and prints a table. Browser figures: see docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { selectNodeBackend } from '../cli/backend.js';
import { fastThroughput } from './fast-throughput.js';
import { benchGraphs, flopsPerUpdate } from './graphs.js';
import { type Figure, fmt, summarize } from './measure.js';
import { trainerThroughput } from './node-throughput.js';
import { matmulPeak } from './peak.js';

const REPEATS = 3;
const quick = process.argv.includes('--quick');
const graphs = benchGraphs();
const updatesFor = (id: string, backend: string) => {
  const wide = id.startsWith('wide');
  const n = wide ? (backend === 'cpu' ? 30 : 120) : 600;
  return quick ? Math.max(10, Math.floor(n / 5)) : n;
};
/** The float32 fast executor (engine/fast) takes microseconds per small-net update: time more of them. */
const fastUpdatesFor = (id: string) => {
  const n = id.startsWith('wide') ? 120 : 5000;
  return quick ? Math.max(10, Math.floor(n / 5)) : n;
};

interface Row {
  graph: string;
  title: string;
  batch: number;
  node: Record<string, Figure>;
  /** The float32 fast executor in Node (no tf.js per update). */
  fast: Figure | null;
  torch: Figure | null;
}

const rows: Row[] = graphs.map((g) => ({
  graph: g.id,
  title: g.title,
  batch: 0,
  node: {},
  fast: null,
  torch: null,
}));
const trainSizes: Record<string, number> = {
  'moons-2-5-2-1': 300,
  'noisy-2-20-3-1': 300,
  'digits-64-25-12-10': 1797,
  'wide-784-256-256-10': 2560,
};
let peak: Figure | null = null;

for (const backend of ['cpu', 'wasm'] as const) {
  const used = await selectNodeBackend(backend);
  for (const [i, g] of graphs.entries()) {
    const rates = await trainerThroughput(g, updatesFor(g.id, backend), REPEATS);
    const row = rows[i] as Row;
    row.node[used] = summarize(rates);
    row.batch = g.batchSize === 'full' ? (trainSizes[g.id] as number) : g.batchSize;
    process.stderr.write(`${used} ${g.id}: ${fmt(row.node[used], 1)} updates/s\n`);
  }
  if (used === 'wasm') peak = summarize(await matmulPeak());
}

for (const [i, g] of graphs.entries()) {
  const row = rows[i] as Row;
  row.fast = summarize(await fastThroughput(g, fastUpdatesFor(g.id), REPEATS));
  process.stderr.write(`fast ${g.id}: ${fmt(row.fast, 1)} updates/s\n`);
}

const torchProbe = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { encoding: 'utf8' });
let torchInfo: { torch: string; threads: number } | null = null;
if (torchProbe.status === 0) {
  const jobs = graphs.map((g) => ({
    id: g.id,
    widths: g.widths,
    output: g.output,
    batch: g.batchSize,
    m: trainSizes[g.id],
    warmup: 20,
    updates: updatesFor(g.id, 'wasm') * (g.id.startsWith('wide') ? 1 : 2),
    repeats: REPEATS,
  }));
  const peer = spawnSync('/usr/bin/python3', [new URL('./torch_peer.py', import.meta.url).pathname], {
    input: JSON.stringify(jobs),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (peer.status === 0) {
    const out = JSON.parse(peer.stdout) as {
      torch: string;
      threads: number;
      results: { id: string; updatesPerSecond: number[] }[];
    };
    torchInfo = { torch: out.torch, threads: out.threads };
    for (const r of out.results) {
      const row = rows.find((x) => x.graph === r.id);
      if (row) row.torch = summarize(r.updatesPerSecond);
    }
  } else {
    console.error(`PyTorch peer failed: ${peer.stderr.slice(-500)}`);
  }
} else {
  console.error('PyTorch peer skipped: /usr/bin/python3 has no torch (apt-get install python3-torch).');
}

const best = (r: Row) => Math.max(...Object.values(r.node).map((f) => f.median), r.fast ? r.fast.median : 0);
console.log(
  `\nNetCanvas training throughput, updates/s: median (min–max) of ${REPEATS} runs; ${cpus().length} cores, ${cpus()[0]?.model ?? ''}`,
);
console.log(
  '| graph | m_b | Node CPU | Node WASM | Node fast (f32) | PyTorch CPU | best ÷ PyTorch | examples/s (best) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const ratio = r.torch ? (best(r) / r.torch.median).toFixed(2) : '—';
  console.log(
    `| ${r.title} | ${r.batch} | ${fmt(r.node.cpu, 1)} | ${fmt(r.node.wasm, 1)} | ${fmt(r.fast, 1)} | ${fmt(r.torch, 1)} | ${ratio} | ${Math.round(best(r) * r.batch)} |`,
  );
}
const wide = rows.find((r) => r.graph.startsWith('wide'));
const wideGraph = graphs.find((g) => g.id.startsWith('wide'));
let peakFraction: number | null = null;
if (wide && wideGraph && peak) {
  const achieved = (flopsPerUpdate(wideGraph.widths, 128) * best(wide)) / 1e9;
  peakFraction = achieved / peak.median;
  console.log(
    `\nMachine limit: WASM matmul peak ${fmt(peak, 2)} GFLOP/s (512×512×512, tf.js WASM SIMD); the wide MLP reaches ${achieved.toFixed(2)} GFLOP/s = ${(peakFraction * 100).toFixed(1)}% of it.`,
  );
}
writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), cpu: cpus()[0]?.model, cores: cpus().length, torch: torchInfo, peakGflops: peak, wideMlpPeakFraction: peakFraction, rows }, null, 2)}\n`,
);
console.log('\nWrote bench/results.json.');
