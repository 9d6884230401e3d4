// The Node part of `npm run bench` (bench/main.ts imports it): training throughput of NetCanvas's
// trainer in Node (CPU and WASM backends) and of the fast executor on the four reference graphs, the
// same networks in PyTorch on the CPU as the peer, and the machine's matmul peak, as `nodeResults`;
// then the other Node rows (`moreRows`): the layer statistics' cost (bench/inspect-overhead.ts) and
// the command line's start-up (bench/cli-startup.ts).
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { selectNodeBackend } from '../cli/backend.js';
import { nodeKernelHelpers } from '../cli/kernel-threads.js';
import { simdAvailable } from '../engine/fast/kernels.js';
import { cliStartupRows } from './cli-startup.js';
import { fastThroughput } from './fast-throughput.js';
import { benchGraphs } from './graphs.js';
import { inspectOverheadRows } from './inspect-overhead.js';
import { lessonGraphs, prepareBenchGraph } from './lesson-graphs.js';
import { type Figure, fmt, summarize } from './measure.js';
import { trainerThroughput } from './node-throughput.js';
import { matmulPeak } from './peak.js';
import type { NodeResults } from './results.js';
import { benchTable, formatTable } from './table.js';

const REPEATS = 3;
const quick = process.argv.includes('--quick');
const graphs = benchGraphs();
const lessons = lessonGraphs();
/** Updates of a heavy graph (the wide MLP, the CNN): each takes milliseconds. */
const heavy = (id: string) => id.startsWith('wide') || id.startsWith('lenet');
const updatesFor = (id: string, backend: string) => {
  const n = heavy(id) ? (backend === 'cpu' ? 30 : 120) : id.startsWith('lesson') ? 300 : 600;
  return quick ? Math.max(10, Math.floor(n / 5)) : n;
};
/** The float32 fast executor (engine/fast) takes microseconds per small-net update: time more of them. */
const fastUpdatesFor = (id: string) => {
  const n = heavy(id) ? 120 : 5000;
  return quick ? Math.max(10, Math.floor(n / 5)) : n;
};

interface Row {
  graph: string;
  title: string;
  batch: number;
  node: Record<string, Figure>;
  /** The float32 fast executor in Node (no tf.js per update), JS matrix products. */
  fast: Figure | null;
  /** The same with the WebAssembly SIMD products (engine/fast/wasm), on one thread and on two. */
  fastSimd: Figure | null;
  fastSimd2: Figure | null;
  torch: Figure | null;
}

const rows: Row[] = [...graphs, ...lessons].map((g) => ({
  graph: g.id,
  title: g.title,
  batch: 0,
  node: {},
  fast: null,
  fastSimd: null,
  fastSimd2: null,
  torch: null,
}));
const trainSizes: Record<string, number> = {
  'moons-2-5-2-1': 300,
  'noisy-2-20-3-1': 300,
  'digits-64-25-12-10': 1797,
  'wide-784-256-256-10': 2560,
};
for (const g of lessons) {
  const { splits } = await prepareBenchGraph(g);
  const row = rows.find((r) => r.graph === g.id) as Row;
  trainSizes[g.id] = splits.train.m;
  row.batch = g.batchSize === 'full' ? splits.train.m : g.batchSize;
}
let peak: Figure | null = null;
const helpers = nodeKernelHelpers();

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
// The lessons' networks on tf.js WASM only (CPU is slower on each); the CNN on neither (see skipTfjs).
for (const g of lessons.filter((l) => !l.skipTfjs)) {
  const row = rows.find((r) => r.graph === g.id) as Row;
  row.node.wasm = summarize(await trainerThroughput(g, updatesFor(g.id, 'wasm'), REPEATS));
  process.stderr.write(`wasm ${g.id}: ${fmt(row.node.wasm, 1)} updates/s\n`);
}

for (const g of [...graphs, ...lessons]) {
  const row = rows.find((r) => r.graph === g.id) as Row;
  const fastRates = async (products: Parameters<typeof fastThroughput>[3]) =>
    summarize(await fastThroughput(g, fastUpdatesFor(g.id), REPEATS, products));
  row.fast = await fastRates({ kernels: 'js' });
  if (simdAvailable()) {
    row.fastSimd = await fastRates({ kernels: 'simd' });
    row.fastSimd2 = await fastRates({ kernels: 'simd', helper: helpers.spawn, ready: helpers.ready });
    await helpers.stop();
  }
  process.stderr.write(
    `fast ${g.id}: ${fmt(row.fast, 1)} (JS), ${fmt(row.fastSimd, 1)} (SIMD), ${fmt(row.fastSimd2, 1)} (SIMD, 2 threads) updates/s\n`,
  );
}

const torchProbe = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { encoding: 'utf8' });
let torchInfo: { torch: string; threads: number } | null = null;
if (torchProbe.status === 0) {
  const job = (g: { id: string; batchSize: number | 'full' }) => ({
    id: g.id,
    batch: g.batchSize,
    m: trainSizes[g.id],
    warmup: 20,
    updates: updatesFor(g.id, 'wasm') * (heavy(g.id) ? 1 : 2),
    repeats: REPEATS,
  });
  const jobs = [
    ...graphs.map((g) => ({ ...job(g), widths: g.widths, output: g.output })),
    ...lessons.map((g) => ({ ...job(g), net: g.torch, output: g.torch.output })),
  ];
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

process.stderr.write('layer statistics overhead…\n');
const inspectRows = await inspectOverheadRows(quick);
process.stderr.write('command line start-up…\n');
const startupRows = cliStartupRows(quick ? 3 : 5);

/** The Node part's figures for the combined table (bench/main.ts): each NetCanvas column, PyTorch as the peer. */
export const nodeResults: NodeResults = {
  rows: rows.map((r) => ({
    graph: r.graph,
    title: r.title,
    batch: r.batch,
    columns: [
      { label: 'Node CPU', updatesPerSecond: r.node.cpu ?? null },
      { label: 'Node WASM', updatesPerSecond: r.node.wasm ?? null },
      { label: 'Node fast (f32)', updatesPerSecond: r.fast },
      { label: 'Node fast (f32, SIMD)', updatesPerSecond: r.fastSimd },
      { label: 'Node fast (SIMD, 2 threads)', updatesPerSecond: r.fastSimd2 },
    ],
    torch: r.torch,
  })),
  torch: torchInfo,
  torchNote: torchInfo
    ? null
    : torchProbe.status === 0
      ? 'PyTorch peer failed: see its error above.'
      : 'PyTorch peer skipped: /usr/bin/python3 has no torch (apt-get install python3-torch).',
  peakGflops: peak,
  moreRows: [...inspectRows, ...startupRows],
};

// Run alone (`tsx bench/run.ts`), the Node part prints its rows of the table; `npm run bench` prints all.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatTable(benchTable(nodeResults, null)));
}
