import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { LAPTOP_VIEWPORT, suiteSession } from './appSession';
import { hasChromium, warnIfNoChromium } from './browser';
import { type EditorPage, waitStatus } from './editorPage';
import { ALLOWED, kindNames, latinWords } from './latinWords';

warnIfNoChromium('Chinese UI test');

describe.skipIf(!hasChromium)('the Chinese UI', () => {
  const session = suiteSession({ viewport: LAPTOP_VIEWPORT, noFileSystemAccess: true });
  let page: Page;
  let app: EditorPage;
  let allowed: Set<string>;
  const found = new Map<string, string[]>();
  const look = async (what: string, regions: string) => {
    await page.locator(regions).first().waitFor();
    const words = await latinWords(page, regions, allowed);
    if (words.length) found.set(what, words);
  };
  beforeEach(async () => {
    ({ page, app } = session);
    allowed ??= new Set([...ALLOWED, ...(await kindNames(page))]);
  });

  it('says problems, run summaries, legends, card summaries, variant names and runs in Chinese', async () => {
    await app.viewMenu('language-zh');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await look('node card summaries', '[data-testid^="node-summary-"]');
    // React Flow's zoom controls are labelled in Chinese too (its defaults are English).
    const controls = await page
      .locator('.react-flow__controls button')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(controls.length).toBeGreaterThan(0);
    for (const label of controls) expect(label).toMatch(/[\u4e00-\u9fff]/);
    // Problems: a Dense with nothing on its input, and one whose output leads nowhere.
    await app.edgeLabel('hidden1.out->hidden2.in').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => app.byTestId('problems-list').locator('li').count()).toBeGreaterThan(1);
    await look('problem messages', '[data-testid="problems-list"] .problem__message');
    await page.keyboard.press('Control+z');
    await app.byTestId('toolbar-train').click();
    await waitStatus(page, 'done', 90_000);
    await look('run summary', '[data-testid="run-summary"]');
    // The engine's closing message, said from its keys rather than hidden.
    expect(await app.byTestId('run-summary').textContent()).toMatch(/训练了 \d+ 轮。/);
    await look('charts', '[data-testid^="chart-"]');
    await look('run list', '[data-testid="run-list"]');
    await app.byTestId('cmd-lessons').click();
    await look('lesson variants', '[data-testid^="preset-"]');
    await page.keyboard.press('Escape');
    expect(Object.fromEntries(found)).toEqual({});
  }, 180_000);
});
