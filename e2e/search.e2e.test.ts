import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppSession, openAppSession } from './appSession';
import { hasChromium, warnIfNoChromium } from './browser';
import { type EditorPage, waitStatus } from './editorPage';

warnIfNoChromium('search tests');

const ALPHA = 'optimizer.learningRate';

const waitSearch = (page: Page, status: string) =>
  page.waitForSelector(`[data-testid="tuning"][data-status="${status}"]`, { timeout: 45_000 });

describe.skipIf(!hasChromium)('hyperparameter search in the app (Chromium)', () => {
  let session: AppSession | undefined;
  let page: Page;
  let app: EditorPage;
  let errors: string[] = [];

  /** The optimizer's α in the graph, as the search space's "Now" column shows it. */
  const alpha = async () => Number(await app.byTestId(`space-${ALPHA}`).locator('td').nth(1).textContent());

  beforeAll(async () => {
    session = await openAppSession();
    ({ page, app, errors } = session);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('runs 4 trials of 10 epochs in a worker, with a table and a log-scale scatter plot', async () => {
    await app.viewMenu('theme-light');
    await app.byTestId('menu-tools').click();
    await app.byTestId('cmd-tuning').click();
    const panel = app.byTestId('tuning');
    // The default search: α on a log scale and Adam's β₁ as 1 − 10^r.
    await panel.getByTestId(`space-${ALPHA}`).waitFor();
    expect(await panel.getByTestId(`scale-${ALPHA}`).inputValue()).toBe('log10');
    expect(await panel.getByTestId('scale-optimizer.beta1').inputValue()).toBe('oneMinusLog10');
    await panel.getByTestId('unmark-optimizer.beta1').click();
    await panel.getByTestId('search-trials').fill('4');
    await panel.getByTestId('search-epochs').fill('10');
    await panel.getByTestId('search-run').click();
    await waitSearch(page, 'done');
    // The graph's own values (trial "own") and 4 drawn trials.
    expect(await panel.getByTestId('trial-table').locator('tbody tr').count()).toBe(5);
    const plot = panel.getByTestId(`scatter-${ALPHA}`);
    expect(await plot.getAttribute('data-log')).toBe('true');
    expect(await plot.locator('.scatter__point').count()).toBe(5);
    expect(await plot.locator('.scatter__best').count()).toBe(1);
    // Sorting by dev accuracy puts the best first, as sorting by dev loss does here.
    await panel.getByTestId('sort-devAccuracy').click();
    expect(
      await panel.getByTestId('trial-table').locator('tbody tr').first().getAttribute('class'),
    ).toContain('tuning__best');
    await panel.getByTestId('sort-devLoss').click();
    await app.screenshot('search-light');
  }, 60_000);

  it('applies the best trial to the graph as one undo step', async () => {
    const before = await alpha();
    expect(before).toBe(0.01);
    const best = await app.byTestId('trial-table').locator('tr.tuning__best td').nth(1).textContent();
    await app.byTestId('search-apply').click();
    await expect.poll(() => alpha()).toBe(Number(best));
    expect(Number(best)).not.toBe(before);
    await app.byTestId('cmd-undo').click();
    await expect.poll(() => alpha()).toBe(before);
    // One step: nothing left to undo (the start graph had no history).
    expect(await app.byTestId('cmd-undo').isDisabled()).toBe(true);
    await app.byTestId('cmd-redo').click();
    await expect.poll(() => alpha()).toBe(Number(best));
    await app.byTestId('cmd-undo').click();
  }, 60_000);

  it('narrows around the best trials and searches again, in dark', async () => {
    await app.viewMenu('theme-dark');
    const panel = app.byTestId('tuning');
    const range = async () =>
      [
        await panel.getByTestId(`min-${ALPHA}`).inputValue(),
        await panel.getByTestId(`max-${ALPHA}`).inputValue(),
      ].map(Number) as [number, number];
    const [minBefore, maxBefore] = await range();
    await panel.getByTestId('search-narrow').click();
    await waitSearch(page, 'done');
    // The range shrinks around the best trial (on a log scale), never beyond the old one.
    const [min, max] = await range();
    expect(max - min).toBeLessThan(maxBefore - minBefore);
    expect(min).toBeGreaterThanOrEqual(minBefore);
    expect(max).toBeLessThanOrEqual(maxBefore);
    expect(await panel.getByTestId('trial-table').locator('tbody tr').count()).toBe(9);
    expect(await panel.getByTestId('trial-table').textContent()).toContain('2.4');
    await app.screenshot('search-dark');
    await app.viewMenu('theme-light');
  }, 60_000);

  it('trains the best trial as a run to compare, and refuses a range that does not fit its scale', async () => {
    const panel = app.byTestId('tuning');
    await panel.getByTestId('search-train-best').click();
    // The trial's graph may train on the fast executor and finish before "running" is drawn.
    await waitStatus(page, ['running', 'done'], 20_000);
    expect(await app.byTestId('run-list').textContent()).toMatch(/Trial (\d\.\d)/);
    await app
      .byTestId('toolbar-stop')
      .click({ timeout: 2000 })
      .catch(() => {});
    await waitStatus(page, 'done', 20_000);

    await panel.getByTestId(`min-${ALPHA}`).fill('0');
    await panel.getByTestId('search-run').click();
    await waitSearch(page, 'invalid');
    expect(await panel.getByTestId('search-problems').textContent()).toContain('min > 0');

    // Two params, two scatter plots: α on its log axis, β₁ on 1 − 10^r.
    await panel.getByTestId(`min-${ALPHA}`).fill('0.001');
    await panel.getByTestId('mark-param').selectOption('optimizer.beta1');
    await panel.getByTestId('search-trials').fill('8');
    await panel.getByTestId('search-run').click();
    await waitSearch(page, 'done');
    expect(await panel.getByTestId('scatter-optimizer.beta1').getAttribute('data-log')).toBe('true');
    expect(
      await panel.getByTestId('scatter-optimizer.beta1').locator('.scatter__tick').allTextContents(),
    ).toEqual(expect.arrayContaining(['0.9', '0.99', '0.999']));
    await app.screenshot('search-two-params');
    await panel.getByTestId('tuning-close').click();
    expect(await app.byTestId('tuning').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);
});
