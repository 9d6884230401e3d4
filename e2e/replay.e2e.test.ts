import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_VIEWPORT, type AppSession, openAppSession } from './appSession';
import { hasChromium, warnIfNoChromium } from './browser';
import { EditorPage, waitStatus } from './editorPage';

warnIfNoChromium('replay tests');

const LAPTOP = { width: 1280, height: 720 };
const poll = { timeout: 10_000 };
/** The preset trains 300 epochs of 3 updates (900); the worker records a boundary every ⌈900 / 60⌉ = 15. */
const UPDATES = 900;
const RECORD_EVERY = 15;

const attribute = async (page: Page, testId: string, name: string) =>
  Number(await page.getByTestId(testId).getAttribute(name));
const boundaryPixels = (page: Page) =>
  page.getByTestId('boundary').evaluate((c) => (c as HTMLCanvasElement).toDataURL());

describe.skipIf(!hasChromium)('watching a recorded run (Chromium, 1280 × 720)', () => {
  let session: AppSession | undefined;
  let page: Page;
  let app: EditorPage;
  let errors: string[] = [];

  beforeAll(async () => {
    session = await openAppSession({ noFileSystemAccess: true, viewport: LAPTOP });
    ({ page, app, errors } = session);
    await app.byTestId('toolbar-train').click();
    await waitStatus(page, 'done', 45_000);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('scrubs to an update t: the cost chart’s line, the epoch and the boundary of that moment', async () => {
    await expect.poll(() => attribute(page, 'boundary', 'data-boundary-t'), poll).toBe(UPDATES);
    const finalField = await boundaryPixels(page);
    const slider = app.byTestId('replay-slider');
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    await slider.click({ position: { x: box.width * 0.3, y: box.height / 2 } });
    const t = await attribute(page, 'replay-at', 'data-t');
    expect(t).toBeGreaterThan(150);
    expect(t).toBeLessThan(400);
    await expect.poll(() => attribute(page, 'chart-cost', 'data-marker'), poll).toBe(t);
    // 3 updates an epoch: the epoch charts mark the last epoch finished by t.
    expect(await attribute(page, 'replay-at', 'data-epoch')).toBe(Math.floor(t / 3));
    await expect.poll(() => attribute(page, 'chart-epoch-cost', 'data-marker'), poll).toBe(Math.floor(t / 3));
    // The boundary recorded at t or at most one recording before it, not the final one.
    const shownAt = await attribute(page, 'boundary', 'data-boundary-t');
    expect(shownAt).toBeLessThanOrEqual(t);
    expect(shownAt).toBeGreaterThan(t - RECORD_EVERY);
    expect(await boundaryPixels(page)).not.toBe(finalField);
    expect(await app.byTestId('replay-metrics').textContent()).toMatch(/train cost \d\.\d{4}/);

    // One step right moves the line with it; Latest follows the run's end again.
    await slider.press('ArrowRight');
    await expect.poll(() => attribute(page, 'chart-cost', 'data-marker'), poll).toBe(t + 1);
    await app.byTestId('replay-latest').click();
    await expect.poll(() => attribute(page, 'boundary', 'data-boundary-t'), poll).toBe(UPDATES);
    expect(await boundaryPixels(page)).toBe(finalField);
    expect(await app.byTestId('chart-cost').getAttribute('data-marker')).toBe('');
  }, 60_000);

  it('plays the run back at the chosen pace, the boundary following, and stops at its end', async () => {
    await app.byTestId('replay-speed').selectOption('300');
    await app.byTestId('replay-play').click();
    await expect.poll(() => attribute(page, 'replay-at', 'data-t'), poll).toBeGreaterThan(150);
    const during = await attribute(page, 'boundary', 'data-boundary-t');
    expect(during).toBeLessThan(UPDATES);
    // 300 updates/s: the 900 updates take 3 s.
    await expect.poll(() => app.byTestId('replay-play').textContent(), poll).toBe('Play');
    expect(await attribute(page, 'replay-at', 'data-t')).toBe(UPDATES);
    expect(await attribute(page, 'boundary', 'data-boundary-t')).toBe(UPDATES);
  }, 30_000);

  it('shows the whole graph, the replay and the charts in a 1440 × 1000 window (the README’s screenshot)', async () => {
    const big = await session!.browser.newPage({ viewport: APP_VIEWPORT });
    try {
      const wide = new EditorPage(big);
      await wide.goto(session!.url);
      await wide.byTestId('toolbar-train').click();
      await waitStatus(big, 'done', 45_000);
      await wide.setRange('replay-slider', 300);
      await expect.poll(() => attribute(big, 'chart-cost', 'data-marker'), poll).toBe(300);
      const canvas = (await wide.byTestId('canvas').boundingBox())!;
      for (const card of await big.locator('.react-flow__node').all()) {
        const b = (await card.boundingBox())!;
        expect(b.y + b.height).toBeLessThanOrEqual(canvas.y + canvas.height);
      }
      await wide.screenshot('replay-1440');
    } finally {
      await big.close();
    }
  }, 60_000);

  it('marks the run stale after an edit or New, and a new run clears the mark', async () => {
    expect(await app.byTestId('run-stale').count()).toBe(0);
    await app.node('hidden1').click();
    await app.field('units').fill('6');
    await app.byTestId('run-stale').waitFor(poll);
    expect(await app.byTestId('run-stale').textContent()).toContain('the graph changed since this run');
    await app.screenshot('run-stale');
    await app.byTestId('toolbar-train').click();
    await waitStatus(page, 'done', 45_000);
    expect(await app.byTestId('run-stale').count()).toBe(0);
    await app.byTestId('cmd-new').click();
    await app.byTestId('confirm-discard').click();
    await app.byTestId('run-stale').waitFor(poll);
    expect(errors).toEqual([]);
  }, 60_000);
});
