import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../engine/document/build';
import { serializeDocument } from '../engine/document/parse';
import { LAPTOP_VIEWPORT, suiteSession } from './appSession';
import { hasChromium, warnIfNoChromium } from './browser';
import { SCREENSHOTS, waitStatus } from './editorPage';

warnIfNoChromium('layer inspector tests');

/** Zeros initialization on the circles: hidden1's 8 units stay identical (SYMMETRY). */
function writeNetwork(initializer: string, epochs: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'netcanvas-inspect-')), `${initializer}.netcanvas.json`);
  const doc = sequentialDocument({
    name: initializer === 'zeros' ? 'Zeros' : 'He',
    dataset: { source: { kind: 'generator', name: 'circles', n: 200, noise: 0.05, factor: 0.5 } },
    layers: [
      { kind: 'Dense', id: 'hidden1', params: { units: 8, initializer } },
      { kind: 'Dense', id: 'output', params: { units: 1, activation: 'sigmoid', initializer } },
    ],
    training: { batchSize: 32, epochs, layerStatsEvery: 5 },
  });
  writeFileSync(path, serializeDocument(doc));
  return path;
}

/**
 * The moons with hidden1 = Dense(5, tanh) on 2 inputs (W is [2, 5]), long enough to pause mid-run.
 * α = 1e-5 keeps the weights near their initialization whenever the pause lands, so no entry's
 * gradient shrinks to float64's rounding noise (where the per-entry error rises towards 0.1).
 */
function writeMoons(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'netcanvas-inspect-')), 'moons.netcanvas.json');
  const doc = sequentialDocument({
    name: 'Moons',
    dataset: { source: { kind: 'generator', name: 'moons', n: 200, noise: 0.2 } },
    layers: [
      { kind: 'Dense', id: 'hidden1', params: { units: 5, activation: 'tanh' } },
      { kind: 'Dense', id: 'output', params: { units: 1, activation: 'sigmoid' } },
    ],
    optimizer: { algorithm: 'gd', learningRate: 1e-5 },
    training: { batchSize: 32, epochs: 100_000, layerStatsEvery: 0 },
  });
  writeFileSync(path, serializeDocument(doc));
  return path;
}

/** Folds the problems panel away (if open) so the canvas has room for its picture. */
async function foldProblems(page: Page): Promise<void> {
  const header = page.getByTestId('problems').locator('.problems__header');
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
}

describe.skipIf(!hasChromium)('the layer inspector in the app (Chromium, 1280×720)', () => {
  const s = suiteSession({ noFileSystemAccess: true, viewport: LAPTOP_VIEWPORT });

  it('shows bars on the layer cards and the Layers view with the symmetry diagnosis, in English and Chinese', async () => {
    await s.app.openFile(writeNetwork('zeros', 30));
    await s.page.getByTestId('toolbar-train').click();
    await waitStatus(s.page, 'done', 90_000);
    // Bars on both weighted layers' cards; the diagnosis names hidden1 only.
    await expect.poll(() => s.page.getByTestId('layer-bars-hidden1').count(), { timeout: 10_000 }).toBe(1);
    expect(await s.page.getByTestId('layer-bars-hidden1').getAttribute('data-diagnoses')).toBe('SYMMETRY');
    expect(await s.page.getByTestId('layer-bars-output').getAttribute('data-diagnoses')).toBe('');
    expect(await s.page.getByTestId('layer-bars-hidden1').locator('[data-bar]').count()).toBe(4);
    // The picture is the canvas alone.
    await foldProblems(s.page);
    await s.page.locator('.react-flow').screenshot({ path: join(SCREENSHOTS, 'inspect-card-bars.png') });

    const view = s.page.getByTestId('layers-view');
    // 120 training rows, m_b 32: 4 updates an epoch, 120 in 30 epochs; the last measured is t = 120.
    expect(await view.getAttribute('data-t')).toBe('120');
    expect(await view.getByTestId('layer-row-hidden1').count()).toBe(1);
    expect(await view.getByTestId('layer-row-output').count()).toBe(1);
    const diagnosis = view.getByTestId('layer-diagnoses').locator('li[data-code="SYMMETRY"]');
    expect(await diagnosis.textContent()).toContain('All 8 units of hidden1 are identical');
    await view.scrollIntoViewIfNeeded();
    await s.app.screenshot('inspect-layers-view');

    await s.app.viewMenu('language-zh');
    await expect.poll(() => diagnosis.textContent()).toContain('hidden1 的全部 8 个单元完全相同');
    await s.app.screenshot('inspect-layers-view-zh');
    await s.app.viewMenu('language-en');
    expect(s.errors).toEqual([]);
  });

  it('steps one measured update at a time while paused: each edge shows its activation, each layer its gradient', async () => {
    // He initialization, long enough that the run is still going when Pause is pressed.
    await s.app.openFile(writeNetwork('he', 100_000));
    await s.page.getByTestId('toolbar-train').click();
    await waitStatus(s.page, 'running', 30_000);
    await s.page.getByTestId('pause').click();
    await waitStatus(s.page, 'paused');
    const view = s.page.getByTestId('layers-view');
    const measuredT = async () => Number(await view.getAttribute('data-t'));
    /** The measured update once the worker has delivered everything it held from before the pause. */
    const settledT = async () => {
      let last = -1;
      for (let now = await measuredT(); now !== last; now = await measuredT()) {
        last = now;
        await s.page.waitForTimeout(500);
      }
      return last;
    };
    const before = await settledT();
    await s.page.getByTestId('step').click();
    await expect.poll(measuredT, { timeout: 15_000 }).toBeGreaterThan(before);
    const stepped = await settledT();
    await s.page.getByTestId('step').click();
    await expect.poll(measuredT, { timeout: 15_000 }).toBe(stepped + 1);
    // Forward: the wires out of hidden1 and output carry their activations (x's wire has none of
    // its own); backward: both layers got a gradient.
    const flows = s.page.locator('[data-testid^="edge-flow-"]');
    await expect.poll(() => flows.count(), { timeout: 10_000 }).toBe(2);
    expect(await flows.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^μ \S+ σ \S+$/)]),
    );
    for (const id of ['hidden1', 'output'])
      expect(await s.page.getByTestId(`node-gradient-${id}`).textContent()).toMatch(/^‖∂J\/∂a‖ \S+$/);
    await foldProblems(s.page);
    await s.page.locator('.react-flow').screenshot({ path: join(SCREENSHOTS, 'inspect-step-mode.png') });
    await s.page.getByTestId('stop').click();
    await waitStatus(s.page, ['done']);
    expect(s.errors).toEqual([]);
  });

  it('shows W, dW and ΔW of a stepped layer and checks them entry by entry in float64', async () => {
    await s.app.openFile(writeMoons());
    await s.page.getByTestId('toolbar-train').click();
    await waitStatus(s.page, 'running', 30_000);
    await s.page.getByTestId('pause').click();
    await waitStatus(s.page, 'paused');
    await s.page.getByTestId('step').click();
    await s.app.node('hidden1').click();
    const view = s.page.getByTestId('step-weights');
    await expect.poll(() => view.count(), { timeout: 15_000 }).toBe(1);
    expect(await view.getAttribute('data-node')).toBe('hidden1');
    // hidden1's W is [2 inputs, 5 units]: each map is 2 × 5, uncut.
    for (const id of ['heatmap-w', 'heatmap-dw', 'heatmap-update']) {
      const map = view.getByTestId(id);
      expect([await map.getAttribute('data-rows'), await map.getAttribute('data-cols')]).toEqual(['2', '5']);
      expect(await view.getByTestId(`${id}-range`).textContent()).toMatch(/^\S+ … \S+$/);
    }
    expect(await view.getByTestId('step-weights-cut').count()).toBe(0);
    // Pointing at the top-left cell names it (hover scrolls the panel to it first).
    await view
      .getByTestId('heatmap-w')
      .locator('canvas')
      .hover({ position: { x: 2, y: 2 } });
    await expect.poll(() => view.getByTestId('heatmap-w-hover').textContent()).toMatch(/^W \(0, 0\) = \S+$/);

    await view.getByTestId('check-step').click();
    const check = view.getByTestId('step-check');
    await expect.poll(() => check.count(), { timeout: 15_000 }).toBe(1);
    const errorMap = view.getByTestId('heatmap-errors');
    expect([await errorMap.getAttribute('data-rows'), await errorMap.getAttribute('data-cols')]).toEqual([
      '2',
      '5',
    ]);
    // All 10 entries checked. The check is float64 throughout (the float32 weights are exact in
    // float64): truncation ε²·J‴ ≈ 1e-14 and rounding, measured at ~1e-11 per entry here, against
    // gradients of 1e-4 … 1e-1 near the initialization give ≤ 1e-7 relative; 1e-4 leaves a margin.
    expect(await check.getAttribute('data-checked')).toBe('10');
    expect(Number(await check.getAttribute('data-worst'))).toBeLessThan(1e-4);
    expect(await view.getByTestId('step-check-worst').textContent()).toMatch(/^Worst entry: \(\d, \d\)/);
    await foldProblems(s.page);
    await view.scrollIntoViewIfNeeded();
    await view.screenshot({ path: join(SCREENSHOTS, 'step-weights.png') });
    await s.app.viewMenu('language-zh');
    await expect.poll(() => view.getByTestId('check-step').textContent()).toBe('检验这一步');
    expect(await view.getByTestId('step-check-worst').textContent()).toMatch(/^最差元素：/);
    await s.app.viewMenu('language-en');
    await s.page.getByTestId('stop').click();
    await waitStatus(s.page, ['done']);
    expect(s.errors).toEqual([]);
  });
});
