import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import catalog from '../presets/catalog.json' with { type: 'json' };
import { type AppSession, openAppSession } from './appSession';
import { hasChromium, warnIfNoChromium } from './browser';
import { type EditorPage, waitStatus } from './editorPage';

warnIfNoChromium('gallery tests');

const title = (page: Page) => page.getByTestId('project-title').textContent();

describe.skipIf(!hasChromium)('the lesson gallery (Chromium)', () => {
  let session: AppSession | undefined;
  let page: Page;
  let app: EditorPage;
  let errors: string[] = [];

  beforeAll(async () => {
    session = await openAppSession({ noFileSystemAccess: true, consoleErrors: true });
    ({ page, app, errors } = session);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('shows every lesson with a thumbnail of its graph, in light and dark', async () => {
    await app.viewMenu('theme-light');
    await app.byTestId('cmd-lessons').click();
    const gallery = app.byTestId('gallery');
    await gallery.getByTestId('lesson-initialization').waitFor();
    expect(await gallery.locator('.lesson').count()).toBe(catalog.lessons.length);
    // Thumbnails are drawn from the documents: one block per node.
    const blocks = gallery.getByTestId('lesson-getting-started').locator('.thumbnail__node');
    expect(await blocks.count()).toBe(7);
    await app.screenshot('gallery-light');
    await app.byTestId('gallery-close').click();
    await app.viewMenu('theme-dark');
    await app.byTestId('cmd-lessons').click();
    await gallery.getByTestId('lesson-initialization').waitFor();
    await app.byTestId('preset-initialization-zeros').hover();
    await app.screenshot('gallery-dark');
    await page.keyboard.press('Escape');
    await app.viewMenu('theme-light');
    // In Chinese: the catalog's own Chinese texts.
    await app.viewMenu('language-zh');
    await app.byTestId('cmd-lessons').click();
    expect(await app.byTestId('lesson-initialization').textContent()).toContain('参数初始化');
    await app.screenshot('gallery-zh');
    await page.keyboard.press('Escape');
    await app.viewMenu('language-en');
  }, 60_000);

  it('opens a variant on the canvas, asking before it discards unsaved changes', async () => {
    await app.byTestId('cmd-lessons').click();
    await app.byTestId('preset-initialization-he').click();
    await expect.poll(() => title(page)).toContain('Initialization — He');
    expect(await app.byTestId('gallery').count()).toBe(0);
    await app.node('hidden1').waitFor();
    expect(await app.byTestId('unsaved-mark').count()).toBe(0);

    // An edit, then another preset: the discard question comes first.
    await app.node('hidden1').click();
    await app.field('units').fill('12');
    await app.clickEmptyCanvas();
    await app.byTestId('unsaved-mark').waitFor();
    await app.byTestId('cmd-lessons').click();
    await app.byTestId('preset-normalization-raw').click();
    await app.byTestId('dialog-discard').waitFor();
    await app.byTestId('confirm-discard').click();
    await expect.poll(() => title(page)).toContain('Raw features');
  }, 60_000);

  it('is offered on an empty canvas', async () => {
    await app.byTestId('cmd-new').click();
    await app.byTestId('canvas-empty').waitFor();
    await app.byTestId('empty-browse-lessons').click();
    await app.byTestId('gallery').getByTestId('lesson-softmax').waitFor();
    await app.byTestId('preset-softmax-digits').click();
    await expect.poll(() => title(page)).toContain('Digits');
  }, 60_000);

  it('trains all variants of a lesson in turn and overlays them for comparison', async () => {
    await app.byTestId('cmd-lessons').click();
    await app.byTestId('compare-variants-normalization').click();
    await app.byTestId('variant-queue').waitFor();
    await page.waitForSelector('[data-testid="variant-queue"]', { state: 'detached', timeout: 45_000 });
    await waitStatus(page, 'done', 30_000);
    const runs = app.byTestId('run-list');
    expect(await runs.textContent()).toContain('Raw features');
    expect(await runs.textContent()).toContain('Normalized');
    expect(await app.byTestId('compare-Raw features').isChecked()).toBe(true);
    await expect.poll(() => app.byTestId('settings-diff').textContent()).toContain('Normalize');
    // The canvas shows the lesson's first variant (one undo step from the softmax lesson).
    expect(await title(page)).toContain('Raw features');
    await app.screenshot('gallery-compare');
    expect(errors).toEqual([]);
  }, 60_000);
});
