/**
 * The browser part of the benchmark (`npm run bench:browser`, `-- --quick` for a short pass): in Debian's
 * Chromium, headless, with the e2e tests' flags (and a second launch with the SwiftShader WebGPU flags),
 * measures training throughput of the four reference graphs on CPU, WASM, WebGL and WebGPU in a worker
 * and on the main thread (a small bench page, bench/page/), tf.js memory before/after a run and its
 * peak, the live app's throughput and longest frame while training, and the editor's frame times and
 * time to a trainable canvas. Prints a table and writes bench/browser-results.json.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { BROWSER_ARGS, CHROMIUM, hasChromium, WEBGPU_ARGS, withoutFileSystemAccess } from '../e2e/browser';
import { EditorPage } from '../e2e/editorPage';
import { bigDocument } from '../e2e/fixtures';
import { type FrameStats, frameStats, recordFrames } from '../e2e/frames';
import { freePort, serveRenderer } from '../e2e/server';
import { serializeDocument } from '../engine/document/parse';
import type { GraphDocument } from '../engine/document/schema';
import { benchGraphs } from './graphs';
import { type Figure, fmt, summarize } from './measure';
import type { MeasureRequest, MeasureResult, MemoryFigures } from './page/measure';

const quick = process.argv.includes('--quick');
/** `--only=throughput` or `--only=ui` runs one half (for a quick check; results then lack the other). */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? null;
const REPEATS = quick ? 1 : 3;
const VIEWPORT = { width: 1440, height: 1000 };
const BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'] as const;
type Backend = (typeof BACKENDS)[number];
type Where = 'worker' | 'main';
const PLACES: Where[] = ['worker', 'main'];
/** The graph and backend of the live-UI comparison. */
const LIVE_GRAPH = 'moons-2-5-2-1';
const LIVE_BACKEND: Backend = 'wasm';
const LIVE_WINDOW_MS = quick ? 2000 : 4000;

interface Cell {
  graph: string;
  backend: Backend;
  where: Where;
  /** The backend tf.js actually ran on. */
  ran: string;
  updatesPerSecond: Figure | null;
  /** Updates each timed run reached (runs stop at a count or a time cap). */
  updates: number[];
  memory: MemoryFigures | null;
  error: string | null;
}

/** tsx compiles with esbuild's keepNames: functions sent to page.evaluate call `__name`, which pages lack. */
const NAME_SHIM = { content: 'globalThis.__name = (f) => f;' };

const pageRoot = fileURLToPath(new URL('./page/', import.meta.url));
const resultsPath = fileURLToPath(new URL('./browser-results.json', import.meta.url));

/** Builds the bench page with Vite (config inline: vite.config.ts is the app's) and serves it. */
async function serveBenchPage(): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'netcanvas-bench-page-'));
  await build({
    configFile: false,
    root: pageRoot,
    base: './',
    logLevel: 'error',
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 16384 },
  });
  const port = await freePort();
  const server = await preview({
    configFile: false,
    root: pageRoot,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

const launch = (webgpu: boolean): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: webgpu ? [...BROWSER_ARGS, ...WEBGPU_ARGS] : BROWSER_ARGS,
    headless: true,
  });

/** Caps per graph: the wide MLP is slow on CPU and SwiftShader, so each timed run stops at ~5 s. */
function caps(
  graph: string,
  backend: Backend,
): Pick<MeasureRequest, 'maxUpdates' | 'maxMs' | 'readbackEvery'> {
  const wide = graph.startsWith('wide');
  const gpu = backend === 'webgl' || backend === 'webgpu';
  // On a GPU the trainer reads costs back every 32 updates; the wide MLP reads back every 4 here so
  // that a 5 s run on a slow (software) adapter still spans several readbacks.
  const readback = wide && gpu ? { readbackEvery: 4 } : {};
  if (quick) return { maxUpdates: wide ? 40 : gpu ? 128 : 100, maxMs: 1500, ...readback };
  return { maxUpdates: wide ? 200 : 500, maxMs: wide ? 5000 : 3000, ...readback };
}

async function measureIn(page: Page, req: MeasureRequest, where: Where): Promise<MeasureResult> {
  return page.evaluate(
    ([r, w]) =>
      (
        window as unknown as {
          __bench: { run(req: unknown, where: string): Promise<MeasureResult> };
        }
      ).__bench.run(r, w),
    [req, where] as const,
  );
}

async function throughput(url: string, webgpu: boolean, cells: Cell[], extra: Cell[]): Promise<void> {
  const browser = await launch(webgpu);
  try {
    const backends: Backend[] = webgpu ? ['webgpu'] : ['cpu', 'wasm', 'webgl'];
    for (const where of PLACES) {
      const page = await browser.newPage();
      await page.addInitScript(NAME_SHIM);
      page.on('pageerror', (e) => console.warn(`bench page: ${e.message}`));
      await page.goto(url);
      await page.waitForFunction(() => '__bench' in window);
      for (const backend of backends) {
        for (const graph of benchGraphs()) {
          const req: MeasureRequest = {
            graph: graph.id,
            backend,
            repeats: REPEATS,
            evaluateEvery: Number.MAX_SAFE_INTEGER,
            memory: true,
            ...caps(graph.id, backend),
          };
          const r = await measureIn(page, req, where);
          const cell: Cell = {
            graph: graph.id,
            backend,
            where,
            ran: r.backend,
            updatesPerSecond: r.rates.length ? summarize(r.rates) : null,
            updates: r.updates,
            memory: r.memory,
            error: r.error,
          };
          cells.push(cell);
          console.info(
            `  ${graph.id} ${backend} (${where}, ran ${r.backend}): ${fmt(cell.updatesPerSecond, 1)} updates/s` +
              `${r.updates.length ? ` [${r.updates.join(', ')} updates]` : ''}${r.error ? ` — ${r.error}` : ''}`,
          );
        }
      }
      if (!webgpu && where === 'worker') {
        // The live-UI graph in a worker with evaluation every epoch, as the app's worker trains it.
        const r = await measureIn(
          page,
          {
            graph: LIVE_GRAPH,
            backend: LIVE_BACKEND,
            repeats: REPEATS,
            evaluateEvery: 1,
            memory: false,
            ...caps(LIVE_GRAPH, LIVE_BACKEND),
          },
          'worker',
        );
        extra.push({
          graph: LIVE_GRAPH,
          backend: LIVE_BACKEND,
          where: 'worker',
          ran: r.backend,
          updatesPerSecond: r.rates.length ? summarize(r.rates) : null,
          updates: r.updates,
          memory: null,
          error: r.error,
        });
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

/** The graph as a file the app opens, trained "forever" (the benchmark stops it). */
function liveDocument(): GraphDocument {
  const graph = benchGraphs().find((g) => g.id === LIVE_GRAPH);
  if (!graph) throw new Error(`no ${LIVE_GRAPH}`);
  return {
    ...graph.doc,
    nodes: graph.doc.nodes.map((n) =>
      n.kind === 'Training' ? { ...n, params: { ...n.params, epochs: 100_000 } } : n,
    ),
  };
}

const readProgress = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('[data-testid="progress"]');
    return { t: performance.now(), updates: Number(el?.getAttribute('data-updates') ?? 0) };
  });

interface LiveFigures {
  updatesPerSecond: Figure;
  longestFrameMs: Figure;
  frames: FrameStats[];
}

async function liveUi(browser: Browser, url: string, dir: string): Promise<LiveFigures> {
  const file = join(dir, 'live.netcanvas.json');
  writeFileSync(file, serializeDocument(liveDocument()));
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript(NAME_SHIM);
  await page.addInitScript(withoutFileSystemAccess);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new EditorPage(page);
  await app.goto(url);
  await app.openFile(file);
  await app.node('training').waitFor({ state: 'attached' });
  const rates: number[] = [];
  const longest: number[] = [];
  const frames: FrameStats[] = [];
  const running = () =>
    page.waitForSelector('[data-testid="training-panel"][data-status="running"]', { timeout: 60_000 });
  if (!(await page.getByTestId('backend-choice').count())) {
    // The backend choice is in the training panel: a first, short run opens it.
    await page.getByTestId('toolbar-train').click();
    await running();
    await page.getByTestId('toolbar-stop').click();
    await page.waitForSelector('[data-testid="toolbar-train"]', { timeout: 60_000 });
  }
  await page.getByTestId('backend-choice').selectOption(LIVE_BACKEND);
  for (let i = 0; i < REPEATS; i++) {
    await page.getByTestId('toolbar-train').click();
    await running();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="progress"]')?.getAttribute('data-updates')) > 20,
      undefined,
      { timeout: 60_000 },
    );
    await recordFrames(page);
    const a = await readProgress(page);
    await page.waitForTimeout(LIVE_WINDOW_MS);
    const b = await readProgress(page);
    const f = await frameStats(page);
    const status = await page.getByTestId('backend-status').textContent();
    if (!status?.includes(LIVE_BACKEND)) console.warn(`live UI: backend status says "${status}"`);
    await page.getByTestId('toolbar-stop').click();
    await page.waitForSelector('[data-testid="toolbar-train"]', { timeout: 60_000 });
    rates.push((b.updates - a.updates) / ((b.t - a.t) / 1000));
    longest.push(f.maxMs);
    frames.push(f);
  }
  if (errors.length) console.warn(`live UI page errors: ${errors.join('; ')}`);
  await page.close();
  return { updatesPerSecond: summarize(rates), longestFrameMs: summarize(longest), frames };
}

interface EditorFigures {
  loadToTrainableMs: Figure;
  pan300: FrameStats;
}

async function editor(browser: Browser, url: string, dir: string): Promise<EditorFigures> {
  const loads: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(NAME_SHIM);
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(url);
    await page.waitForSelector('[data-testid="toolbar-train"]:not([disabled])', { timeout: 60_000 });
    loads.push(Date.now() - start);
    await context.close();
  }
  const file = join(dir, 'big.netcanvas.json');
  writeFileSync(file, serializeDocument(bigDocument()));
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(NAME_SHIM);
  await context.addInitScript(withoutFileSystemAccess);
  const page = await context.newPage();
  const app = new EditorPage(page);
  await app.goto(url);
  await app.openFile(file);
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 300, undefined, {
    timeout: 30_000,
  });
  await page.evaluate(() => new Promise(requestAnimationFrame));
  const box = await app.pane().boundingBox();
  if (!box) throw new Error('no canvas pane');
  const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await recordFrames(page);
  await page.mouse.move(mid.x, mid.y);
  await page.mouse.down();
  for (let i = 0; i < 60; i++) await page.mouse.move(mid.x - i * 6, mid.y - i * 3);
  await page.mouse.up();
  const pan300 = await frameStats(page);
  await context.close();
  return { loadToTrainableMs: summarize(loads), pan300 };
}

const mib = (bytes: number) =>
  bytes < 2 ** 20 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  if (!hasChromium) {
    console.warn(`bench:browser: ${CHROMIUM} is missing (apt-get install chromium); nothing measured.`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'netcanvas-bench-'));
  const cells: Cell[] = [];
  const extra: Cell[] = [];
  console.info('Building the bench page…');
  const benchPage = await serveBenchPage();
  try {
    if (only !== 'ui') {
      console.info('Throughput (CPU, WASM, WebGL):');
      await throughput(benchPage.url, false, cells, extra);
      console.info('Throughput (WebGPU through SwiftShader):');
      await throughput(benchPage.url, true, cells, extra);
    }
  } finally {
    await benchPage.close();
  }

  let live: LiveFigures | null = null;
  let edit: EditorFigures | null = null;
  if (only !== 'throughput') {
    console.info('Building and serving the app…');
    const app = await serveRenderer();
    const browser = await launch(false);
    try {
      console.info('Live UI…');
      live = await liveUi(browser, app.url, dir);
      console.info('Editor…');
      edit = await editor(browser, app.url, dir);
    } finally {
      await browser.close();
      await app.close();
    }
  }
  rmSync(dir, { recursive: true, force: true });

  const cell = (graph: string, backend: Backend, where: Where) =>
    cells.find((c) => c.graph === graph && c.backend === backend && c.where === where);
  const shown = (c: Cell | undefined) => {
    if (!c) return '—';
    if (c.error) return `failed (${c.error.slice(0, 40)})`;
    const ran = c.ran === c.backend ? '' : ` [ran ${c.ran}]`;
    return `${fmt(c.updatesPerSecond, 1)}${ran}`;
  };
  const graphs = benchGraphs();
  const throughputRows = graphs.flatMap((g) =>
    PLACES.map((where) => [g.title, where, ...BACKENDS.map((b) => shown(cell(g.id, b, where)))]),
  );
  const headless = cell(LIVE_GRAPH, LIVE_BACKEND, 'worker');
  const headlessEval = extra[0];
  const ratio =
    live && headless?.updatesPerSecond
      ? live.updatesPerSecond.median / headless.updatesPerSecond.median
      : Number.NaN;
  const ratioEval =
    live && headlessEval?.updatesPerSecond
      ? live.updatesPerSecond.median / headlessEval.updatesPerSecond.median
      : Number.NaN;
  const memoryRows = graphs.flatMap((g) =>
    BACKENDS.map((b) => {
      const c = cell(g.id, b, 'main');
      const m = c?.memory;
      if (!m) return [g.id, b, '—', '—', '—'];
      return [
        g.id,
        b,
        `${m.before.tensors} / ${mib(m.before.bytes)}`,
        `${m.after.tensors} / ${mib(m.after.bytes)}`,
        `${mib(m.peakBytes)} (${m.peakMethod})`,
      ];
    }),
  );

  const out = [
    `Training throughput in Chromium, updates/s, median (min–max) of ${REPEATS} after a warm-up:`,
    table(['graph', 'where', ...BACKENDS], throughputRows),
    '',
    `Live UI (${LIVE_GRAPH}, ${LIVE_BACKEND}, app with the training panel and charts):`,
    table(
      ['figure', 'value'],
      [
        ['app updates/s', fmt(live?.updatesPerSecond, 1)],
        ['headless worker updates/s (evaluation at the end)', fmt(headless?.updatesPerSecond, 1)],
        ['headless worker updates/s (evaluation every epoch)', fmt(headlessEval?.updatesPerSecond, 1)],
        ['app ÷ headless (target ≥ 0.9)', ratio.toFixed(2)],
        ['app ÷ headless, both evaluating every epoch', ratioEval.toFixed(2)],
        ['longest main-thread frame, ms (target < 50)', fmt(live?.longestFrameMs, 1)],
      ],
    ),
    '',
    'Editor:',
    table(
      ['figure', 'value'],
      [
        ['page load → Train enabled, ms', fmt(edit?.loadToTrainableMs)],
        [
          'pan 300 nodes: frames / mean / p95 / max ms',
          edit
            ? `${edit.pan300.frames} / ${edit.pan300.meanMs} / ${edit.pan300.p95Ms} / ${edit.pan300.maxMs}`
            : '—',
        ],
      ],
    ),
    '',
    'tf.js memory on the main thread (tensors / bytes before and after a run; peak while training):',
    table(['graph', 'backend', 'before', 'after', 'peak'], memoryRows),
  ].join('\n');
  console.info(`\n${out}`);

  const results = {
    date: new Date().toISOString(),
    quick,
    chromium: CHROMIUM,
    throughput: cells,
    live: {
      graph: LIVE_GRAPH,
      backend: LIVE_BACKEND,
      ...live,
      headless,
      headlessEvaluatingEveryEpoch: headlessEval,
      ratio,
      ratioEval,
    },
    editor: edit,
  };
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  console.info(`\nWrote ${resultsPath}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
