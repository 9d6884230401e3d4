import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from '../../e2e/browser';
import { serveBuild, serveRenderer } from '../../e2e/server';
import { type EditorFigures, editor } from './editor';
import { type LiveFigures, liveUi, liveWindowMs } from './live-ui';
import { type ChromiumOptions, LIVE_BACKEND, LIVE_GRAPH, launch, repeatsOf } from './options';
import { type Cell, type HeadlessLive, headlessLive, throughput } from './throughput';

/** Everything the browser part measured; a half left out by `only` is empty or null. */
export interface BrowserResults {
  chromium: string;
  repeats: number;
  throughput: Cell[];
  live: {
    graph: string;
    backend: string;
    app: LiveFigures | null;
    headlessEvaluatingEveryEpoch: HeadlessLive | null;
  };
  editor: EditorFigures | null;
}

const pageRoot = fileURLToPath(new URL('../page/', import.meta.url));

/**
 * The bench page (bench/page/: the engine and the app's backend setup, no UI), built with an inline
 * Vite config (vite.config.ts is the app's) and served.
 */
const serveBenchPage = () =>
  serveBuild({
    configFile: false,
    root: pageRoot,
    base: './',
    worker: { format: 'es' },
    build: { chunkSizeWarningLimit: 16384 },
  });

/**
 * The browser part of the benchmark, in Debian's Chromium, headless: training throughput of the four
 * reference graphs on CPU, WASM, WebGL and WebGPU in a worker and on the main thread (with tf.js memory
 * before/after a run and its peak), the live-UI graph headless in a worker as the app trains it, then
 * the app itself: its throughput and frames while training, time to a trainable canvas, panning.
 */
export async function browserBench(o: ChromiumOptions): Promise<BrowserResults> {
  const dir = mkdtempSync(join(tmpdir(), 'netcanvas-bench-'));
  const cells: Cell[] = [];
  let headless: HeadlessLive | null = null;
  let app: LiveFigures | null = null;
  let edit: EditorFigures | null = null;
  try {
    o.log('Building the bench page…');
    const benchPage = await serveBenchPage();
    try {
      if (o.only !== 'ui') {
        o.log('Throughput in Chromium (CPU, WASM, WebGL):');
        cells.push(...(await throughput(benchPage.url, false, o)));
        o.log('Throughput in Chromium (WebGPU through SwiftShader):');
        cells.push(...(await throughput(benchPage.url, true, o)));
      }
      if (o.only !== 'throughput') {
        o.log('Live-UI graph headless in a worker, evaluating every epoch:');
        headless = await headlessLive(benchPage.url, liveWindowMs(o), o);
      }
    } finally {
      await benchPage.close();
    }
    if (o.only !== 'throughput') {
      o.log('Building and serving the app…');
      const served = await serveRenderer();
      const browser = await launch(false);
      try {
        o.log('Live UI…');
        app = await liveUi(browser, served.url, dir, o);
        o.log('Editor…');
        edit = await editor(browser, served.url, dir, o);
      } finally {
        await browser.close();
        await served.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    chromium: CHROMIUM,
    repeats: repeatsOf(o),
    throughput: cells,
    live: { graph: LIVE_GRAPH, backend: LIVE_BACKEND, app, headlessEvaluatingEveryEpoch: headless },
    editor: edit,
  };
}
