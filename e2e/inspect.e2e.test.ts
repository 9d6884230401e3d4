import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialDocument } from '../engine/document/build';
import { serializeDocument } from '../engine/document/parse';
import { type AppSession, openAppSession } from './appSession';
import { hasChromium, warnIfNoChromium } from './browser';
import type { EditorPage } from './editorPage';
import { SCREENSHOTS, waitStatus } from './editorPage';

warnIfNoChromium('layer inspector tests');

/** Zeros initialization on the circles: hidden1's 8 units stay identical (SYMMETRY). */
function writeZeros(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'netcanvas-inspect-')), 'zeros.netcanvas.json');
  const doc = sequentialDocument({
    name: 'Zeros',
    dataset: { source: { kind: 'generator', name: 'circles', n: 200, noise: 0.05, factor: 0.5 } },
    layers: [
      { kind: 'Dense', id: 'hidden1', params: { units: 8, initializer: 'zeros' } },
      { kind: 'Dense', id: 'output', params: { units: 1, activation: 'sigmoid', initializer: 'zeros' } },
    ],
    training: { batchSize: 32, epochs: 30, layerStatsEvery: 5 },
  });
  writeFileSync(path, serializeDocument(doc));
  return path;
}

describe.skipIf(!hasChromium)('the layer inspector in the app (Chromium, 1280×720)', () => {
  let session: AppSession | undefined;
  let page: Page;
  let app: EditorPage;
  let errors: string[] = [];

  beforeAll(async () => {
    session = await openAppSession({ noFileSystemAccess: true, viewport: { width: 1280, height: 720 } });
    ({ page, app, errors } = session);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('shows bars on the layer cards and the Layers view with the symmetry diagnosis, in English and Chinese', async () => {
    await app.openFile(writeZeros());
    await page.getByTestId('toolbar-train').click();
    await waitStatus(page, 'done', 90_000);
    // Bars on both weighted layers' cards; the diagnosis names hidden1 only.
    await expect.poll(() => page.getByTestId('layer-bars-hidden1').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('layer-bars-hidden1').getAttribute('data-diagnoses')).toBe('SYMMETRY');
    expect(await page.getByTestId('layer-bars-output').getAttribute('data-diagnoses')).toBe('');
    expect(await page.getByTestId('layer-bars-hidden1').locator('[data-bar]').count()).toBe(4);
    // The zeros warnings fold away so the canvas has room; the picture is the canvas alone.
    await page.getByTestId('problems').locator('.problems__header').click();
    await page.locator('.react-flow').screenshot({ path: join(SCREENSHOTS, 'inspect-card-bars.png') });

    const view = page.getByTestId('layers-view');
    // 120 training rows, m_b 32: 4 updates an epoch, 120 in 30 epochs; the last measured is t = 120.
    expect(await view.getAttribute('data-t')).toBe('120');
    expect(await view.getByTestId('layer-row-hidden1').count()).toBe(1);
    expect(await view.getByTestId('layer-row-output').count()).toBe(1);
    const diagnosis = view.getByTestId('layer-diagnoses').locator('li[data-code="SYMMETRY"]');
    expect(await diagnosis.textContent()).toContain('All 8 units of hidden1 are identical');
    await view.scrollIntoViewIfNeeded();
    await app.screenshot('inspect-layers-view');

    await app.viewMenu('language-zh');
    await expect.poll(() => diagnosis.textContent()).toContain('hidden1 的全部 8 个单元完全相同');
    await app.screenshot('inspect-layers-view-zh');
    await app.viewMenu('language-en');
    expect(errors).toEqual([]);
  });
});
