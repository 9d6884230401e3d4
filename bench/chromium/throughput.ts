import type { Page } from 'playwright-core';
import { type FrameStats, frameStats, recordFrames } from '../../e2e/frames';
import { benchGraphs } from '../graphs';
import { type Figure, fmt, summarize } from '../measure';
import type { MeasureRequest, MeasureResult, MemoryFigures } from '../page/measure';
import {
  type Backend,
  type ChromiumOptions,
  LIVE_BACKEND,
  LIVE_GRAPH,
  launch,
  NAME_SHIM,
  PLACES,
  repeatsOf,
  type Where,
} from './options';

/** One graph on one backend, on the bench page's main thread or in its worker. */
export interface Cell {
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

/**
 * The live-UI graph trained headless in the bench page's worker with evaluation every epoch, as the
 * app's worker trains it, for as long as the app is watched; the page's own frames meanwhile show what
 * the machine alone costs a main thread that draws nothing.
 */
export interface HeadlessLive {
  updatesPerSecond: Figure | null;
  longestFrameMs: Figure | null;
  frames: FrameStats[];
  error: string | null;
}

/** Caps per graph: the wide MLP is slow on CPU and SwiftShader, so each timed run stops at ~5 s. */
function caps(
  graph: string,
  backend: Backend,
  quick: boolean,
): Pick<MeasureRequest, 'maxUpdates' | 'maxMs' | 'readbackEvery'> {
  const wide = graph.startsWith('wide');
  const gpu = backend === 'webgl' || backend === 'webgpu';
  // On a GPU the trainer reads costs back every 32 updates; the wide MLP reads back every 4 here so
  // that a 5 s run on a slow (software) adapter still spans several readbacks.
  const readback = wide && gpu ? { readbackEvery: 4 } : {};
  // The fast executor takes microseconds an update on the small nets: time many more of them.
  if (backend === 'fast')
    return { maxUpdates: wide ? (quick ? 100 : 600) : quick ? 5000 : 20_000, maxMs: 3000 };
  if (quick) return { maxUpdates: wide ? 40 : gpu ? 128 : 100, maxMs: 1500, ...readback };
  return { maxUpdates: wide ? 200 : 500, maxMs: wide ? 5000 : 3000, ...readback };
}

function measureIn(page: Page, req: MeasureRequest, where: Where): Promise<MeasureResult> {
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

async function openBenchPage(page: Page, url: string, o: ChromiumOptions): Promise<void> {
  await page.addInitScript(NAME_SHIM);
  page.on('pageerror', (e) => o.log(`bench page: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => '__bench' in window);
}

/** Every reference graph on each backend (WebGPU alone when `webgpu`, in its own launch) and place. */
export async function throughput(url: string, webgpu: boolean, o: ChromiumOptions): Promise<Cell[]> {
  const cells: Cell[] = [];
  const browser = await launch(webgpu);
  try {
    const backends: Backend[] = webgpu ? ['webgpu'] : ['cpu', 'wasm', 'webgl', 'fast'];
    for (const where of PLACES) {
      const page = await browser.newPage();
      await openBenchPage(page, url, o);
      for (const backend of backends) {
        for (const graph of benchGraphs()) {
          const req: MeasureRequest = {
            graph: graph.id,
            backend,
            repeats: repeatsOf(o),
            evaluateEvery: Number.MAX_SAFE_INTEGER,
            // tf.memory() sees tf.js's tensors; the fast executor's buffers are plain memory.
            memory: backend !== 'fast',
            ...caps(graph.id, backend, o.quick),
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
          o.log(
            `  ${graph.id} ${backend} (${where}, ran ${r.backend}): ${fmt(cell.updatesPerSecond, 1)} updates/s` +
              `${r.updates.length ? ` [${r.updates.join(', ')} updates]` : ''}${r.error ? ` — ${r.error}` : ''}`,
          );
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return cells;
}

/** The live-UI graph in the bench page's worker, evaluating every epoch, `windowMs` a run. */
export async function headlessLive(url: string, windowMs: number, o: ChromiumOptions): Promise<HeadlessLive> {
  const browser = await launch(false);
  const rates: number[] = [];
  const frames: FrameStats[] = [];
  let error: string | null = null;
  try {
    const page = await browser.newPage();
    await openBenchPage(page, url, o);
    for (let i = 0; i < repeatsOf(o); i++) {
      await recordFrames(page);
      const req: MeasureRequest = {
        graph: LIVE_GRAPH,
        backend: LIVE_BACKEND,
        repeats: 1,
        evaluateEvery: 1,
        memory: false,
        maxUpdates: Number.MAX_SAFE_INTEGER,
        maxMs: windowMs,
      };
      const r = await measureIn(page, req, 'worker');
      frames.push(await frameStats(page));
      rates.push(...r.rates);
      error ??= r.error;
    }
  } finally {
    await browser.close();
  }
  const live: HeadlessLive = {
    updatesPerSecond: rates.length ? summarize(rates) : null,
    longestFrameMs: frames.length ? summarize(frames.map((f) => f.maxMs)) : null,
    frames,
    error,
  };
  o.log(
    `  ${LIVE_GRAPH} ${LIVE_BACKEND} (worker, evaluating every epoch): ${fmt(live.updatesPerSecond, 1)} updates/s, ` +
      `page's longest frame ${fmt(live.longestFrameMs, 1)} ms${error ? ` — ${error}` : ''}`,
  );
  return live;
}
