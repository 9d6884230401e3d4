import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppSession, openAppSession } from './appSession';
import { hasChromium, warnIfNoChromium } from './browser';
import type { EditorPage } from './editorPage';

warnIfNoChromium('gradient-check tests');

const verdicts = (page: Page) =>
  page
    .getByTestId('gradcheck-table')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.verdict));

describe.skipIf(!hasChromium)('Check gradients in the app (Chromium)', () => {
  let session: AppSession | undefined;
  let page: Page;
  let app: EditorPage;
  let errors: string[] = [];

  const check = async () => {
    await app.byTestId('menu-tools').click();
    await app.byTestId('cmd-gradcheck').click();
    await page.waitForSelector('[data-testid="gradcheck"][data-status="done"]', { timeout: 30_000 });
  };

  beforeAll(async () => {
    session = await openAppSession();
    ({ page, app, errors } = session);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('checks the start graph: every row passes, tf.js agrees, and no word of dropout (it has none)', async () => {
    await app.viewMenu('theme-light');
    await check();
    // [2, 5, 2, 1]: W and b of three Dense layers, as `netcanvas gradcheck` prints them.
    expect(await verdicts(page)).toHaveLength(6);
    for (const v of await verdicts(page)) expect(['correct', 'rounding']).toContain(v);
    expect(await app.byTestId('gradcheck-overall').getAttribute('data-verdict')).toMatch(/correct|rounding/);
    expect(await app.byTestId('gradcheck-verdict').getAttribute('data-kind')).toBe('passed');
    expect(await app.byTestId('gradcheck-verdict').textContent()).toContain('agree');
    expect(await app.byTestId('gradcheck-dropout').count()).toBe(0);
    const header = await app.byTestId('gradcheck-table').locator('thead').textContent();
    for (const column of ['Layer', 'Parameter', 'Relative difference', 'Verdict', 'tf.js float32']) {
      expect(header).toContain(column);
    }
    await app.screenshot('gradcheck-light');
    await app.byTestId('gradcheck-close').click();
    expect(await app.byTestId('gradcheck').count()).toBe(0);
  }, 60_000);

  it('checks the dropout lesson, naming each dropout it turned off', async () => {
    await app.byTestId('cmd-lessons').click();
    await app.byTestId('preset-regularization-dropout').click();
    await expect.poll(() => app.byTestId('project-title').textContent()).toContain('Dropout');
    await app.viewMenu('theme-dark');
    await check();
    for (const v of await verdicts(page)) expect(['correct', 'rounding']).toContain(v);
    expect(await app.byTestId('gradcheck-notes').textContent()).toMatch(
      /Dropout ".+" \(keep_prob 0\.86\) is off/,
    );
    expect(await app.byTestId('gradcheck-dropout').textContent()).toContain('Dropout is off');
    expect(await app.byTestId('gradcheck-verdict').getAttribute('data-kind')).toBe('passed');
    await app.screenshot('gradcheck-dark');
    await page.keyboard.press('Escape');
    await app.viewMenu('theme-light');
  }, 60_000);

  it('checks the batch-norm lesson (γ and β too)', async () => {
    await app.byTestId('cmd-lessons').click();
    await app.byTestId('preset-batch-norm-bn').click();
    await expect.poll(() => app.byTestId('project-title').textContent()).toContain('BatchNorm');
    await check();
    const rows = await app.byTestId('gradcheck-table').locator('tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('gamma'))).toBe(true);
    for (const v of await verdicts(page)) expect(['correct', 'rounding']).toContain(v);
    await app.byTestId('gradcheck-close').click();
    expect(errors).toEqual([]);
  }, 60_000);
});
