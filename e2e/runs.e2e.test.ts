import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { sequentialDocument } from '../engine/document/build';
import { serializeDocument } from '../engine/document/parse';
import { LAPTOP_VIEWPORT, suiteSession } from './appSession';
import { hasChromium, warnIfNoChromium } from './browser';
import { type EditorPage, waitStatus } from './editorPage';

warnIfNoChromium('runs and lessons tests');

const poll = { timeout: 10_000, interval: 50 };

/** A Fashion-MNIST classifier: with the server's files hidden, its run comes back invalid. */
function fashionDocument(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'netcanvas-runs-e2e-')), 'fashion.netcanvas.json');
  const doc = sequentialDocument({
    name: 'Fashion',
    dataset: {
      source: { kind: 'builtin', name: 'fashion-mnist', limit: 400 },
      split: { dev: 0.25, test: 0 },
    },
    layers: [
      { kind: 'Dense', id: 'hidden', params: { units: 16 } },
      { kind: 'Dense', id: 'output', params: { units: 10, activation: 'linear' } },
      { kind: 'Softmax' },
    ],
    loss: { fn: 'categoricalCrossEntropy' },
    training: { batchSize: 8, epochs: 2 },
  });
  writeFileSync(path, serializeDocument(doc));
  return path;
}

const runCount = (page: Page) => page.locator('[data-testid="run-list"] [data-testid^="run-"]').count();

describe.skipIf(!hasChromium)('runs and lessons in a 1280 × 720 window', () => {
  const session = suiteSession({ viewport: LAPTOP_VIEWPORT, noFileSystemAccess: true });
  let page: Page;
  let app: EditorPage;
  beforeEach(() => {
    ({ page, app } = session);
  });

  it('starts no run of an invalid graph from the panel’s Train or Ctrl+Enter', async () => {
    await app.edgeLabel('hidden1.out->hidden2.in').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => app.byTestId('toolbar-train').isDisabled(), poll).toBe(true);
    expect(await app.byTestId('train').isDisabled()).toBe(true);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => app.byTestId('toast').textContent(), poll).toMatch(/^The graph has problems/);
    expect(await app.byTestId('training-panel').getAttribute('data-status')).toBe('none');
    await page.keyboard.press('Control+z');
    await expect.poll(() => app.byTestId('train').isDisabled(), poll).toBe(false);
  });

  it('drops the "graph has problems" box of a refused run once the graph is edited', async () => {
    await page.route('**/datasets/**', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await app.openFile(fashionDocument());
    await app.node('hidden').waitFor();
    await app.byTestId('toolbar-train').click();
    await app.byTestId('train-problems').waitFor({ timeout: 30_000 });
    await app.node('hidden').click();
    await app.field('units').fill('12');
    await expect.poll(() => app.byTestId('train-problems').count(), poll).toBe(0);
    await page.unroute('**/datasets/**');
  }, 60_000);

  it('judges the preset against the moons’ 3 % base error, recommends nothing it does, names the run, confirms an export', async () => {
    await app.byTestId('cmd-lessons').click();
    await app.byTestId('preset-moons-adam').click();
    await app.byTestId('confirm-discard').click();
    await app.node('hidden1').waitFor();
    await app.byTestId('toolbar-train').click();
    await waitStatus(page, 'done', 90_000);
    const verdict = app.byTestId('verdict');
    expect(await verdict.textContent()).toContain('base error 3.0%');
    expect(await verdict.textContent()).not.toMatch(/Adam/);
    expect(await app.byTestId('summary-run').textContent()).toMatch(/^Run \d+$/);
    await app.byTestId('export').click();
    await expect
      .poll(() => app.byTestId('toast').textContent(), { timeout: 30_000 })
      .toMatch(/^Exported \d+ files \(tfjs\) to downloads: .*model\.json/);
  }, 120_000);

  it('puts the lesson’s first variant on the canvas (undoably) and draws its comparison readably', async () => {
    const runsBefore = await runCount(page);
    await app.byTestId('cmd-lessons').click();
    await app.byTestId('compare-variants-initialization').click();
    await expect.poll(() => app.byTestId('project-title').textContent(), poll).toContain('Zeros');
    expect(await page.title()).toContain('Initialization — Zeros');
    await page.waitForSelector('[data-testid="variant-queue"]', { state: 'detached', timeout: 120_000 });
    await waitStatus(page, 'done', 30_000);
    expect(await runCount(page)).toBe(runsBefore + 3);
    // Random ×10 starts near 300, the others near 0.7: more than two decades, so a log axis.
    const chart = app.byTestId('chart-cost');
    expect(await chart.getAttribute('data-scale')).toBe('log');
    expect(await app.byTestId('cost-log-scale').isChecked()).toBe(true);
    const legend = (await chart.locator('.u-legend').textContent()) ?? '';
    for (const name of ['Zeros', 'Random ×10', 'He (cost J of each update)', 'He (smoothed']) {
      expect(legend).toContain(name);
    }
    expect(await app.byTestId('summary-run').textContent()).toBe('He');
    await app.byTestId('cost-log-scale').uncheck();
    await expect.poll(() => chart.getAttribute('data-scale'), poll).toBe('linear');
    // One undo step brings the network before back.
    await app.clickEmptyCanvas();
    await page.keyboard.press('Control+z');
    await expect.poll(() => app.byTestId('project-title').textContent(), poll).toContain('Moons with Adam');
  }, 180_000);
});
