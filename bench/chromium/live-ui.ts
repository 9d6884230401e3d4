import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { withoutFileSystemAccess } from '../../e2e/browser';
import { EditorPage } from '../../e2e/editorPage';
import { type FrameStats, frameStats, recordFrames } from '../../e2e/frames';
import { serializeDocument } from '../../engine/document/parse';
import type { GraphDocument } from '../../engine/document/schema';
import { benchGraphs } from '../graphs';
import { type Figure, summarize } from '../measure';
import { type ChromiumOptions, LIVE_BACKEND, LIVE_GRAPH, NAME_SHIM, repeatsOf, VIEWPORT } from './options';

/** The app's throughput and main-thread frames while it trains with the panel and charts showing. */
export interface LiveFigures {
  updatesPerSecond: Figure;
  longestFrameMs: Figure;
  frames: FrameStats[];
}

/** How long each run of the app is watched. */
export const liveWindowMs = (o: ChromiumOptions): number => (o.quick ? 2000 : 4000);

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

/** Opens the live graph in the app, forces the live backend, and watches `repeats` runs. */
export async function liveUi(
  browser: Browser,
  url: string,
  dir: string,
  o: ChromiumOptions,
): Promise<LiveFigures> {
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
  const frames: FrameStats[] = [];
  const running = () =>
    page.waitForSelector('[data-testid="training-panel"][data-status="running"]', { timeout: 60_000 });
  const stopped = () => page.waitForSelector('[data-testid="toolbar-train"]', { timeout: 60_000 });
  if (!(await page.getByTestId('backend-choice').count())) {
    // The backend choice is in the training panel: a first, short run opens it.
    await page.getByTestId('toolbar-train').click();
    await running();
    await page.getByTestId('toolbar-stop').click();
    await stopped();
  }
  await page.getByTestId('backend-choice').selectOption(LIVE_BACKEND);
  for (let i = 0; i < repeatsOf(o); i++) {
    await page.getByTestId('toolbar-train').click();
    await running();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="progress"]')?.getAttribute('data-updates')) > 20,
      undefined,
      { timeout: 60_000 },
    );
    await recordFrames(page);
    const a = await readProgress(page);
    await page.waitForTimeout(liveWindowMs(o));
    const b = await readProgress(page);
    frames.push(await frameStats(page));
    const status = await page.getByTestId('backend-status').textContent();
    if (!status?.includes(LIVE_BACKEND)) o.log(`live UI: backend status says "${status}"`);
    await page.getByTestId('toolbar-stop').click();
    await stopped();
    rates.push((b.updates - a.updates) / ((b.t - a.t) / 1000));
  }
  if (errors.length) o.log(`live UI page errors: ${errors.join('; ')}`);
  await page.close();
  return {
    updatesPerSecond: summarize(rates),
    longestFrameMs: summarize(frames.map((f) => f.maxMs)),
    frames,
  };
}
