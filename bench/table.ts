import { cpus } from 'node:os';
import type { BrowserResults } from './chromium/bench';
import { BACKENDS, type Backend, PLACES, type Where } from './chromium/options';
import type { Cell } from './chromium/throughput';
import { footprint } from './footprint';
import { type BenchGraph, benchGraphs, flopsPerUpdate } from './graphs';
import { lessonGraphs } from './lesson-graphs';
import { type Figure, fmt } from './measure';
import type { NodeResults } from './results';

/** One line of the combined table: a figure, what it is compared with, and how it compares. */
export interface TableRow {
  section: string;
  figure: string;
  /** Median (min–max) of the repeated runs, with its unit. */
  value: string;
  /** The peer (PyTorch, the machine's peak, headless) or the target it is held to. */
  peer: string;
  /** value ÷ peer, or whether the target is met. */
  ratio: string;
}

const BACKEND_NAMES: Record<Backend, string> = {
  cpu: 'CPU',
  wasm: 'WASM',
  webgl: 'WebGL',
  fast: 'fast (f32)',
  webgpu: 'WebGPU',
};
const TARGETS = { liveRatio: 0.9, longestFrameMs: 50, panFrameMs: 1000 / 60, loadMs: 1000 };

const bytes = (b: number) => {
  const size = Math.abs(b);
  if (size < 1024) return `${b} B`;
  return size < 2 ** 20 ? `${(b / 1024).toFixed(1)} KiB` : `${(b / 2 ** 20).toFixed(1)} MiB`;
};
/** The graph's title without its mini-batch size: "digits [64, 25, 12, 10]". */
const short = (g: BenchGraph) => g.title.replace(/, m_b \d+$/, '');
const signed = (n: number, text: string) => `${n >= 0 ? '+' : ''}${text}`;
const count = (n: number) => Math.round(n).toLocaleString('en-US');
const ratio = (a: number, b: number) => (a / b).toFixed(2);
/**
 * `shown` against `threshold` (at least, or below) and whether it is met: two decimals, more where two
 * would round across the threshold (0.8996 of ≥ 0.9 shows as 0.8996, not 0.90).
 */
function verdict(shown: number, threshold: number, want: 'atLeast' | 'below'): string {
  const meets = (v: number) => (want === 'atLeast' ? v >= threshold : v < threshold);
  let digits = 2;
  while (digits < 6 && meets(Number(shown.toFixed(digits))) !== meets(shown)) digits++;
  return `${shown.toFixed(digits)} (${meets(shown) ? 'met' : 'not met'})`;
}

interface Measured {
  label: string;
  figure: Figure;
}

function throughputRows(
  g: Pick<BenchGraph, 'id' | 'title' | 'batchSize'>,
  node: NodeResults | null,
  browser: BrowserResults | null,
): { rows: TableRow[]; fastest: Measured | null } {
  const section = `Training throughput, updates/s: ${g.title}`;
  const nodeRow = node?.rows.find((r) => r.graph === g.id);
  const torch = nodeRow?.torch ?? null;
  const peer = torch ? `PyTorch CPU ${fmt(torch, 1)}` : '—';
  const rows: TableRow[] = [];
  const measured: Measured[] = [];
  const add = (label: string, figure: Figure | null, note = '') => {
    rows.push({
      section,
      figure: label,
      value: figure ? `${fmt(figure, 1)}${note}` : note || '—',
      peer,
      ratio: figure && torch ? ratio(figure.median, torch.median) : '—',
    });
    if (figure) measured.push({ label, figure });
  };
  for (const c of nodeRow?.columns ?? []) add(c.label, c.updatesPerSecond);
  const cell = (b: Backend, w: Where) =>
    browser?.throughput.find((c) => c.graph === g.id && c.backend === b && c.where === w);
  if (browser?.throughput.length) {
    for (const b of BACKENDS) {
      for (const w of PLACES) {
        const c = cell(b, w) as Cell | undefined;
        const note = !c
          ? ''
          : c.error
            ? `failed (${c.error.slice(0, 40)})`
            : c.ran !== b
              ? ` [ran ${c.ran}]`
              : '';
        add(
          `Chromium ${BACKEND_NAMES[b]} (${w === 'main' ? 'main thread' : 'worker'})`,
          c?.updatesPerSecond ?? null,
          note,
        );
      }
    }
  }
  const fastest = measured.reduce<Measured | null>(
    (best, m) => (!best || m.figure.median > best.figure.median ? m : best),
    null,
  );
  const batch = nodeRow?.batch ?? (g.batchSize === 'full' ? Number.NaN : g.batchSize);
  if (fastest) {
    const examples = Number.isFinite(batch) ? `, ${count(fastest.figure.median * batch)} examples/s` : '';
    const torchExamples =
      torch && Number.isFinite(batch) ? `, ${count(torch.median * batch)} examples/s` : '';
    rows.push({
      section,
      figure: `fastest: ${fastest.label}`,
      value: `${fmt(fastest.figure, 1)}${examples}`,
      peer: torch ? `PyTorch CPU ${fmt(torch, 1)}${torchExamples}` : '—',
      ratio: torch ? ratio(fastest.figure.median, torch.median) : '—',
    });
  }
  return { rows, fastest };
}

/** Achieved ÷ the one-thread peak, and ÷ that peak on every core where an executor may use more than one. */
const limitRatio = (achieved: number, peak: number, cores: number) => {
  const one = `${((achieved / peak) * 100).toFixed(1)} %`;
  return cores > 1
    ? `${one} of it; ${((achieved / (peak * cores)) * 100).toFixed(1)} % of ${cores} cores × it`
    : `${one} of it`;
};

function machineLimitRow(
  g: BenchGraph,
  fastest: Measured | null,
  node: NodeResults | null,
  cores: number,
): TableRow[] {
  const peak = node?.peakGflops;
  if (!fastest || g.batchSize === 'full') return [];
  const flops = flopsPerUpdate(g.widths, g.batchSize);
  const gflops = (u: number) => (u * flops) / 1e9;
  const f = fastest.figure;
  const achieved = { median: gflops(f.median), min: gflops(f.min), max: gflops(f.max), runs: f.runs };
  return [
    {
      section: 'Machine limit',
      figure: `${short(g)}, GFLOP/s: ${(flops / 1e6).toFixed(1)} MFLOP an update × the fastest (${fastest.label})`,
      value: fmt(achieved, 2),
      peer: peak ? `tf.js WASM SIMD matmul peak, one thread: ${fmt(peak, 2)} GFLOP/s` : '—',
      ratio: peak ? limitRatio(achieved.median, peak.median, cores) : '—',
    },
  ];
}

function liveRows(browser: BrowserResults): TableRow[] {
  const { app, headlessEvaluatingEveryEpoch: everyEpoch, graph, backend } = browser.live;
  if (!app) return [];
  const liveGraph = benchGraphs().find((g) => g.id === graph);
  const title = liveGraph ? short(liveGraph) : graph;
  const section = `Live UI: the app training ${title} on ${BACKEND_NAMES[backend as Backend] ?? backend}, panel and charts showing`;
  const headless = browser.throughput.find(
    (c) => c.graph === graph && c.backend === backend && c.where === 'worker',
  )?.updatesPerSecond;
  const rows: TableRow[] = [];
  const vs = (label: string, peer: Figure | null | undefined) =>
    rows.push({
      section,
      figure: `app updates/s vs headless worker, ${label}`,
      value: fmt(app.updatesPerSecond, 1),
      peer: peer ? `${fmt(peer, 1)} (target ≥ ${TARGETS.liveRatio})` : '—',
      ratio: peer ? verdict(app.updatesPerSecond.median / peer.median, TARGETS.liveRatio, 'atLeast') : '—',
    });
  vs('evaluation only at the end', headless);
  vs('evaluating every epoch as the app does', everyEpoch?.updatesPerSecond);
  const frameTarget = `< ${TARGETS.longestFrameMs} ms`;
  rows.push({
    section,
    figure: 'longest main-thread frame while the app trains, ms',
    value: fmt(app.longestFrameMs, 1),
    peer: frameTarget,
    ratio: verdict(app.longestFrameMs.median / TARGETS.longestFrameMs, 1, 'below'),
  });
  if (everyEpoch?.longestFrameMs)
    rows.push({
      section,
      figure: 'longest frame of a blank page while its worker trains the same (the machine alone), ms',
      value: fmt(everyEpoch.longestFrameMs, 1),
      peer: `${frameTarget} (reference)`,
      ratio: verdict(everyEpoch.longestFrameMs.median / TARGETS.longestFrameMs, 1, 'below'),
    });
  return rows;
}

function editorRows(browser: BrowserResults): TableRow[] {
  const e = browser.editor;
  if (!e) return [];
  const last = e.pans[Math.floor(e.pans.length / 2)];
  return [
    {
      section: 'Editor',
      figure: 'panning the 300-node graph: mean frame, ms',
      value: `${fmt(e.panMeanMs, 1)}${last ? `; p95 ${last.p95Ms}, max ${last.maxMs}, ${last.frames} frames` : ''}`,
      peer: `${(1000 / 60).toFixed(1)} ms (60 Hz)`,
      ratio: verdict(e.panMeanMs.median / TARGETS.panFrameMs, 1, 'below'),
    },
    {
      section: 'Editor',
      figure: 'web build: navigation → toolbar Train enabled, ms',
      value: fmt(e.loadToTrainableMs),
      peer: `— (compared with ${TARGETS.loadMs / 1000} s)`,
      ratio: verdict(e.loadToTrainableMs.median / TARGETS.loadMs, 1, 'below'),
    },
  ];
}

/** Tensors and bytes before → after a run on every backend, and the wide MLP's peak against its footprint. */
function memoryRows(graphs: BenchGraph[], browser: BrowserResults): TableRow[] {
  const section = 'Memory (tf.js on the bench page’s main thread)';
  const rows: TableRow[] = [];
  for (const g of graphs) {
    const cells = browser.throughput.filter((c) => c.graph === g.id && c.where === 'main' && c.memory);
    if (!cells.length) continue;
    const growth = cells.map((c) => {
      const m = c.memory as NonNullable<Cell['memory']>;
      return { tensors: m.after.tensors - m.before.tensors, bytes: m.after.bytes - m.before.bytes, m };
    });
    const worst = growth.reduce((a, b) =>
      Math.abs(b.bytes) + Math.abs(b.tensors) > Math.abs(a.bytes) + Math.abs(a.tensors) ? b : a,
    );
    const none = growth.every((x) => x.tensors === 0 && x.bytes === 0);
    rows.push({
      section,
      figure: `${short(g)}: growth over a run, worst of ${cells.map((c) => BACKEND_NAMES[c.backend]).join(', ')}`,
      value: `${signed(worst.tensors, `${worst.tensors} tensors`)}, ${signed(worst.bytes, bytes(worst.bytes))} (${worst.m.before.tensors} / ${bytes(worst.m.before.bytes)} → ${worst.m.after.tensors} / ${bytes(worst.m.after.bytes)})`,
      peer: 'growth 0',
      ratio: none ? 'met' : 'not met',
    });
  }
  const wide = graphs.find((g) => g.id.startsWith('wide'));
  const m = wide && inlineSize(wide);
  if (!wide || !m) return rows;
  const need = footprint(wide, m);
  const peer = `${bytes(need.total)} = weights ${bytes(need.weights)} + Adam ${bytes(need.adam)} + data ${bytes(need.data)}`;
  for (const b of BACKENDS) {
    const c = browser.throughput.find((x) => x.graph === wide.id && x.backend === b && x.where === 'main');
    if (!c?.memory) continue;
    const how = c.memory.peakMethod === 'profile' ? 'tf.profile' : 'sampled: a lower bound';
    rows.push({
      section,
      figure: `${short(wide)}: peak while training on ${BACKEND_NAMES[b]} (${how})`,
      value: bytes(c.memory.peakBytes),
      peer,
      ratio: `${ratio(c.memory.peakBytes, need.total)}×`,
    });
  }
  return rows;
}

/** Rows of an inline data set (the wide MLP's), for its footprint. */
function inlineSize(g: BenchGraph): number | null {
  const source = g.doc.nodes.find((n) => n.kind === 'Dataset')?.params.source as
    | { x?: unknown[] }
    | undefined;
  return source?.x?.length ?? null;
}

/** Every figure of the benchmark that was measured, with its peer or target. */
export function benchTable(node: NodeResults | null, browser: BrowserResults | null): TableRow[] {
  const graphs = benchGraphs();
  const rows: TableRow[] = [];
  const limits: TableRow[] = [];
  for (const g of graphs) {
    const t = throughputRows(g, node, browser);
    rows.push(...t.rows);
    if (g.id.startsWith('wide')) limits.push(...machineLimitRow(g, t.fastest, node, cpus().length));
  }
  for (const g of lessonGraphs()) rows.push(...throughputRows(g, node, null).rows);
  // Other Node figures (issue 16: the layer-statistics cost, the CLI's start-up) follow the throughput.
  rows.push(...(node?.moreRows ?? []));
  rows.push(...limits);
  if (browser) rows.push(...liveRows(browser), ...editorRows(browser), ...memoryRows(graphs, browser));
  return rows;
}

/** The rows as one Markdown table, a bold line opening each section. */
export function formatTable(rows: readonly TableRow[]): string {
  const header = ['figure', 'value: median (min–max)', 'peer / target', 'ratio'];
  const lines: string[][] = [];
  let section = '';
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      lines.push([`**${section}**`, '', '', '']);
    }
    lines.push([r.figure, r.value, r.peer, r.ratio]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...lines.map(line)].join('\n');
}
