import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { withoutFileSystemAccess } from '../../e2e/browser';
import { EditorPage } from '../../e2e/editorPage';
import { bigDocument } from '../../e2e/fixtures';
import { type FrameStats, framesWhilePanning } from '../../e2e/frames';
import { serializeDocument } from '../../engine/document/parse';
import { type Figure, summarize } from '../measure';
import { type ChromiumOptions, NAME_SHIM, repeatsOf, VIEWPORT } from './options';

/** Time from navigation to a trainable canvas, and frame times panning a 300-node graph. */
export interface EditorFigures {
  loadToTrainableMs: Figure;
  /** Mean frame interval of each pan. */
  panMeanMs: Figure;
  pans: FrameStats[];
}

export async function editor(
  browser: Browser,
  url: string,
  dir: string,
  o: ChromiumOptions,
): Promise<EditorFigures> {
  const loads: number[] = [];
  for (let i = 0; i < repeatsOf(o); i++) {
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
  const pans: FrameStats[] = [];
  for (let i = 0; i < repeatsOf(o); i++) {
    pans.push(await framesWhilePanning(page, app.pane()));
    await page.keyboard.press('f'); // fit the view again, so that every pan starts from the same place
    await page.waitForTimeout(300);
  }
  await context.close();
  return { loadToTrainableMs: summarize(loads), panMeanMs: summarize(pans.map((p) => p.meanMs)), pans };
}
