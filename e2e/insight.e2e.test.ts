import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { splitSizes } from '../engine/data/split';
import { LAPTOP_VIEWPORT, suiteSession } from './appSession';
import { hasChromium, warnIfNoChromium } from './browser';
import { type EditorPage, waitStatus } from './editorPage';

warnIfNoChromium('inspection tests');

/** Opens a lesson's variant from the gallery and trains it to the end. */
async function trainLesson(app: EditorPage, page: Page, preset: string): Promise<void> {
  await app.byTestId('cmd-lessons').click();
  await app.byTestId(`preset-${preset}`).click();
  const discard = app.byTestId('confirm-discard');
  if (await discard.isVisible()) await discard.click();
  await app.byTestId('toolbar-train').click();
  await waitStatus(page, 'done', 90_000);
}

const counts = async (page: Page) =>
  (
    await page
      .getByTestId('confusion-cell')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-count')))
  ).map(Number);

describe.skipIf(!hasChromium)('seeing inside the network (Chromium, 1280 × 720)', () => {
  const s = suiteSession({ noFileSystemAccess: true, viewport: LAPTOP_VIEWPORT });

  it('shows where the digits classifier goes wrong: a 10 × 10 confusion matrix and the wrong digits as images', async () => {
    await trainLesson(s.app, s.page, 'softmax-digits');
    const mistakes = s.app.byTestId('mistakes');
    await mistakes.waitFor();
    // The final report comes after the run's last epoch (60), on the dev split.
    await expect.poll(() => mistakes.getAttribute('data-epoch'), { timeout: 10_000 }).toBe('60');
    expect(await mistakes.getAttribute('data-split')).toBe('dev');
    const dev = await counts(s.page);
    expect(dev).toHaveLength(100);
    // 1,797 digits, 'auto' split: dev = round(0.2 × 1797) = 359.
    expect(dev.reduce((a, b) => a + b, 0)).toBe(splitSizes(1797, 'auto').dev);
    expect(await s.app.byTestId('confusion').getAttribute('data-m')).toBe('359');
    // A small net on 8×8 digits gets some wrong: each shown as its 8×8 image.
    const images = s.app.byTestId('wrong-image');
    expect(await images.count()).toBeGreaterThan(0);
    expect(await images.first().getAttribute('width')).toBe('8');
    expect(await images.count()).toBe(
      Math.min(
        12,
        dev.reduce((a, b) => a + b, 0) - dev.filter((_, i) => i % 11 === 0).reduce((a, b) => a + b, 0),
      ),
    );
    await mistakes.scrollIntoViewIfNeeded();
    await s.app.screenshot('inside-mistakes');
    // The test split: also 359 examples.
    await s.app.byTestId('mistakes-test').click();
    await expect.poll(() => mistakes.getAttribute('data-split')).toBe('test');
    expect((await counts(s.page)).reduce((a, b) => a + b, 0)).toBe(splitSizes(1797, 'auto').test);
    // In Chinese.
    await s.app.viewMenu('language-zh');
    expect(await mistakes.textContent()).toContain('错在哪里');
    await s.app.screenshot('inside-mistakes-zh');
    await s.app.viewMenu('language-en');
    expect(s.errors).toEqual([]);
  }, 150_000);

  it('pictures every hidden unit of the moons network over the plane on its card, large on hover', async () => {
    await trainLesson(s.app, s.page, 'moons-adam');
    // The notes' [2, 5, 2, 1] network: 5 pictures on hidden1, 2 on hidden2, none on the output.
    const first = s.app.byTestId('neurons-hidden1').getByTestId('neuron');
    await expect.poll(() => first.count(), { timeout: 10_000 }).toBe(5);
    expect(await s.app.byTestId('neurons-hidden2').getByTestId('neuron').count()).toBe(2);
    expect(await s.app.byTestId('neurons-output').count()).toBe(0);
    // Painted from the last boundary snapshot (t = 900 updates: 300 epochs of 3).
    await expect.poll(() => first.first().getAttribute('data-t'), { timeout: 10_000 }).toBe('900');
    await first.nth(1).hover();
    const large = s.app.byTestId('neuron-large-hidden1');
    await large.waitFor();
    // A trained unit is not one flat colour: count the distinct colours of the large picture.
    const colours = await large.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      const seen = new Set<string>();
      for (let i = 0; i < data.length; i += 4) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(10);
    await s.app.screenshot('inside-neurons');
    // A binary classifier (one sigmoid output) has its 2 × 2 matrix over the 60 dev points, and its
    // wrong points shown as rows of features.
    await expect.poll(() => s.app.byTestId('mistakes').getAttribute('data-epoch')).toBe('300');
    const binary = await counts(s.page);
    expect(binary).toHaveLength(4);
    expect(binary.reduce((a, b) => a + b, 0)).toBe(splitSizes(300, 'auto').dev);
    expect(await s.app.byTestId('wrong-row').count()).toBe(Math.min(12, (binary[1] ?? 0) + (binary[2] ?? 0)));
    expect(s.errors).toEqual([]);
  }, 150_000);

  it('draws the convolution lesson’s first-layer filters as images', async () => {
    await trainLesson(s.app, s.page, 'convolution-cnn');
    const filters = s.app.byTestId('filters');
    await filters.waitFor();
    // conv1: 8 filters of 3×3 over the digits' one channel, each a 3×3 grey image.
    expect(await filters.getAttribute('data-node')).toBe('conv1');
    const images = filters.getByTestId('filter');
    expect(await images.count()).toBe(8);
    expect(await images.first().getAttribute('width')).toBe('3');
    expect(await images.first().getAttribute('height')).toBe('3');
    // The last filters sent are those at the end of the run.
    const last = await s.page.getByTestId('progress').getAttribute('data-updates');
    expect(await filters.getAttribute('data-t')).toBe(last);
    // Small, on conv1's own card too.
    expect(await s.app.byTestId('filters-conv1').locator('canvas').count()).toBe(8);
    await filters.scrollIntoViewIfNeeded();
    await s.app.screenshot('inside-filters');
    expect(s.errors).toEqual([]);
  }, 150_000);

  it('shows a saved run’s mistakes and filters again after the project is reopened', async () => {
    // The convolution run just trained is the project's last run; Save As keeps it with the graph.
    const saved = await s.app.saveAs();
    const file = JSON.parse(saved.text) as {
      runs: { mistakes?: { epoch: number }; filters?: { count: number } }[];
    };
    const last = file.runs.at(-1);
    expect(last?.mistakes?.epoch).toBe(10);
    expect(last?.filters?.count).toBe(8);
    const path = join(mkdtempSync(join(tmpdir(), 'netcanvas-inside-')), saved.name);
    writeFileSync(path, saved.text);
    await s.page.reload();
    await s.page.locator('.react-flow__node').first().waitFor();
    await s.app.openFile(path);
    await s.app.byTestId('mistakes').waitFor();
    expect(await s.app.byTestId('mistakes').getAttribute('data-epoch')).toBe('10');
    expect((await counts(s.page)).reduce((a, b) => a + b, 0)).toBe(splitSizes(1797, 'auto').dev);
    expect(await s.app.byTestId('filters').getByTestId('filter').count()).toBe(8);
    expect(s.errors).toEqual([]);
  }, 60_000);
});
