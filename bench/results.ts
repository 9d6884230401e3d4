import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { BrowserResults } from './chromium/bench';
import type { Figure } from './measure';
import type { TableRow } from './table';

/** One reference graph's Node figures: each NetCanvas column, and PyTorch on the CPU as the peer. */
export interface NodeRow {
  graph: string;
  title: string;
  /** Examples per update (the training-set size for full batch). */
  batch: number;
  columns: { label: string; updatesPerSecond: Figure | null }[];
  torch: Figure | null;
}

/** The Node part of the benchmark (bench/run.ts). */
export interface NodeResults {
  rows: NodeRow[];
  torch: { torch: string; threads: number } | null;
  /** Why there is no PyTorch peer, when there is none. */
  torchNote: string | null;
  /** tf.js WASM SIMD matmul (512×512×512), GFLOP/s. */
  peakGflops: Figure | null;
  /**
   * Rows measured by other parts of the Node bench (issue 16: the layer-statistics cost, the CLI's
   * start-up), shown after the training throughput.
   */
  moreRows?: TableRow[];
}

export interface BenchResults {
  date: string;
  quick: boolean;
  machine: { cpu: string; cores: number; node: string; platform: string };
  node: NodeResults | null;
  browser: BrowserResults | null;
  /** Why a part is missing. */
  skipped: string[];
  table: TableRow[];
}

export const machine = (): BenchResults['machine'] => ({
  cpu: cpus()[0]?.model ?? '?',
  cores: cpus().length,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
});

export function writeResults(file: URL, results: unknown): void {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
