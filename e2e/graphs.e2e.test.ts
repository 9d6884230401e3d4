import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppSession, openAppSession } from './appSession';
import { hasChromium, warnIfNoChromium } from './browser';
import { EditorPage, SCREENSHOTS, waitStatus } from './editorPage';

warnIfNoChromium('graph tests');

/** A laptop's window: the size at which labels must still fit and read. */
const LAPTOP = { width: 1280, height: 720 };
const poll = { timeout: 8000, interval: 50 };

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The on-screen boxes of every card and every shape label. */
async function boxes(page: Page, selector: string): Promise<{ id: string; box: Box }[]> {
  const all = page.locator(selector);
  const out: { id: string; box: Box }[] = [];
  for (const element of await all.all()) {
    const box = await element.boundingBox();
    if (box) out.push({ id: (await element.getAttribute('data-testid')) ?? '?', box });
  }
  return out;
}

/** No two cards overlap, no shape label sits on a card, and no card cuts its summary short. */
async function expectReadable(page: Page): Promise<void> {
  const cards = await boxes(page, '[data-testid^="node-"].card');
  const labels = await boxes(page, '[data-testid^="edge-label-"]');
  for (const [i, a] of cards.entries())
    for (const b of cards.slice(i + 1)) expect(overlap(a.box, b.box), `${a.id} / ${b.id}`).toBe(false);
  for (const label of labels)
    for (const card of cards) expect(overlap(label.box, card.box), `${label.id} on ${card.id}`).toBe(false);
  const cut = await page.$$eval('[data-testid^="node-summary-"]', (all) =>
    all.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent),
  );
  expect(cut).toEqual([]);
}

/**
 * Zooms in on a node with the mouse wheel until the shape labels read at their normal size (17 px
 * boxes hold 11 px text at zoom 1), as a user does to work on part of a graph that the fit view
 * shows whole but small on a laptop.
 */
async function zoomInOn(app: EditorPage, nodeId: string): Promise<void> {
  const at = await app.centre(app.node(nodeId));
  const label = app.page.locator('[data-testid^="edge-label-"]').first();
  await app.page.mouse.move(at.x, at.y);
  for (let i = 0; i < 12 && (await label.boundingBox())!.height < 16; i++) {
    await app.page.mouse.wheel(0, -100);
    await app.page.waitForTimeout(80);
  }
  await app.page.waitForTimeout(300);
  expect((await label.boundingBox())!.height).toBeGreaterThanOrEqual(16);
}

/** Every formula line in the inspector rendered by KaTeX, none as an error. */
async function expectFormulaRenders(app: EditorPage, nodeId: string): Promise<void> {
  await app.node(nodeId).click();
  const formula = app.byTestId(`inspector-${nodeId}`).getByTestId('formula');
  await expect.poll(() => formula.locator('.katex').count(), poll).toBeGreaterThan(0);
  expect(await formula.locator('.katex-error').count(), nodeId).toBe(0);
}

const text = (l: Locator) => l.textContent();

describe.skipIf(!hasChromium)(
  'branching graphs and convolutions in the editor (Chromium, 1280 × 720)',
  () => {
    let session: AppSession | undefined;
    let page: Page;
    let app: EditorPage;
    let errors: string[] = [];

    beforeAll(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      session = await openAppSession({ noFileSystemAccess: true, consoleErrors: true, viewport: LAPTOP });
      ({ page, app, errors } = session);
    }, 120_000);

    afterAll(async () => {
      await session?.close();
    });

    it('builds a residual block from the palette: a second edge into the Add, shapes on every edge, no problems', async () => {
      await app.byTestId('cmd-new').click();
      await app.byTestId('canvas-empty').waitFor();
      // Dropped on a grid of points in the pane; auto layout tidies them afterwards.
      const drops: [string, number, number][] = [
        ['Dataset', 90, 90],
        ['Dense', 270, 90],
        ['Dense', 450, 90],
        ['Add', 630, 90],
        ['Dense', 90, 260],
        ['Loss', 270, 260],
        ['Optimizer', 450, 260],
        ['Training', 630, 260],
      ];
      for (const [kind, x, y] of drops) await app.dropFromPalette(kind, { x, y });
      await app.node('training1').waitFor();
      // Dropped nodes wire only the obvious settings ports: labels, loss and optimizer.
      await app.byTestId('edge-label-dataset1.y->loss1.labels').waitFor();

      await app.connect(app.handle('dataset1', 'x'), app.handle('dense1', 'in'));
      await app.connect(app.handle('dense1', 'out'), app.handle('dense2', 'in'));
      await app.connect(app.handle('dense2', 'out'), app.handle('add1', 'in'));
      // The skip connection: a second edge into the Add's one input, which takes several.
      await app.connect(app.handle('dense1', 'out'), app.handle('add1', 'in'));
      await app.connect(app.handle('add1', 'out'), app.handle('dense3', 'in'));
      await app.connect(app.handle('dense3', 'out'), app.handle('loss1', 'pred'));
      await expect.poll(() => app.handle('add1', 'in').getAttribute('data-edges'), poll).toBe('2');
      // A plain input still takes one edge: a new wire replaces it, and Ctrl+Z brings the old one back.
      await app.connect(app.handle('dataset1', 'x'), app.handle('dense2', 'in'));
      await app.edgeLabel('dataset1.x->dense2.in').waitFor();
      expect(await app.edgeLabel('dense1.out->dense2.in').count()).toBe(0);
      await page.keyboard.press('Control+z');
      await app.edgeLabel('dense1.out->dense2.in').waitFor();
      expect(await app.edgeLabel('dataset1.x->dense2.in').count()).toBe(0);

      await app.node('dense3').click();
      await app.field('units').fill('1');
      await app.field('activation').selectOption({ label: 'sigmoid' });
      await app.node('training1').click();
      await app.field('epochs').fill('20');
      await app.clickEmptyCanvas();
      await page.keyboard.press('l');

      await expect.poll(() => text(app.byTestId('status')), poll).toBe('Ready to train');
      const shapes = {
        'dataset1.x->dense1.in': '[m, 2]',
        'dense1.out->dense2.in': '[m, 10]',
        'dense2.out->add1.in': '[m, 10]',
        'dense1.out->add1.in': '[m, 10]',
        'add1.out->dense3.in': '[m, 10]',
        'dense3.out->loss1.pred': '[m, 1]',
      };
      for (const [edge, shape] of Object.entries(shapes)) {
        await expect.poll(() => text(app.edgeLabel(edge)), poll).toBe(shape);
      }
      await page.waitForTimeout(400); // the fit animation
      await expectReadable(page);
      // The refusal's toast goes by itself after 6 s.
      await expect.poll(() => app.byTestId('toast').count(), { timeout: 8000 }).toBe(0);
      await app.screenshot('graphs-residual');
    }, 90_000);

    it('lists the merge inputs in order in the inspector and reorders them as one undo step', async () => {
      await app.node('add1').click();
      const first = () => app.byTestId('merge-input-0').getAttribute('data-edge');
      await expect.poll(first, poll).toBe('dense2.out->add1.in');
      expect(await text(app.byTestId('merge-input-1'))).toMatch(/dense1.*\[m, 10\]/);
      await expectFormulaRenders(app, 'add1');
      await app.screenshot('graphs-residual-inspector');
      await zoomInOn(app, 'add1');
      await app.screenshot('graphs-residual-zoom');
      await app.clickEmptyCanvas();
      await page.keyboard.press('f');
      await app.node('add1').click();
      await app.byTestId('merge-input-down-0').click();
      await expect.poll(first, poll).toBe('dense1.out->add1.in');
      await app.clickEmptyCanvas();
      await page.keyboard.press('Control+z');
      await app.node('add1').click();
      await expect.poll(first, poll).toBe('dense2.out->add1.in');
    });

    it('shows MERGE_MISMATCH on the Add when its inputs differ, in English and Chinese', async () => {
      await app.node('dense2').click();
      await app.field('units').fill('5');
      await app.byTestId('node-problem-add1').waitFor();
      expect(await app.node('add1').getAttribute('class')).toMatch(/card--error/);
      const row = app.byTestId('problems-list').locator('button', { hasText: 'add1' }).first();
      await expect.poll(() => text(row), poll).toMatch(/Merged shapes do not fit/);
      expect(await text(row)).toContain('"dense2" gives [m, 5] and "dense1" gives [m, 10]');
      expect(await text(app.edgeLabel('dense2.out->add1.in'))).toBe('[m, 5]');
      await app.clickEmptyCanvas();
      await app.screenshot('graphs-merge-mismatch');
      await app.viewMenu('language-zh');
      await expect.poll(() => text(row), poll).toMatch(/合并的形状不一致/);
      // Laid out in English, the cards still leave the labels free in Chinese.
      await expectReadable(page);
      await app.screenshot('graphs-merge-mismatch-zh');
      await app.viewMenu('language-en');
      await app.node('dense2').click();
      await app.field('units').fill('10');
      await expect.poll(() => app.byTestId('node-problem-add1').count(), poll).toBe(0);
    });

    it('marks a merge with one input and renders the formulas of Concatenate and AveragePool2D', async () => {
      await app.dropFromPalette('Concatenate', { x: 120, y: 340 });
      await app.dropFromPalette('AveragePool2D', { x: 330, y: 340 });
      await app.connect(app.handle('dense1', 'out'), app.handle('concatenate1', 'in'));
      await app.byTestId('node-problem-concatenate1').waitFor();
      const row = app
        .byTestId('problems-list')
        .locator('button', { hasText: 'Merge with fewer than two inputs' });
      await expect.poll(() => text(row), poll).toMatch(/concatenate1.*has one input/);
      await expectFormulaRenders(app, 'concatenate1');
      expect(await text(app.byTestId('merge-input-0'))).toMatch(/dense1/);
      await expectFormulaRenders(app, 'averagepool2d1');
      await page.keyboard.press('Delete');
      await app.node('concatenate1').click();
      await page.keyboard.press('Delete');
      await expect.poll(() => app.node('concatenate1').count(), poll).toBe(0);
    });

    it('trains the residual network (the fast executor runs branches and merges too)', async () => {
      await app.byTestId('toolbar-train').click();
      await waitStatus(app.page, 'done', 90_000);
      expect(await app.byTestId('run-summary').getAttribute('data-reason')).toBe('epochs');
      // moons: 300 × 60% = 180 training rows, m_b 64 → 3 updates an epoch, 20 epochs.
      expect(Number(await app.byTestId('progress').getAttribute('data-updates'))).toBe(60);
      // Automatic: measured, the fast executor wins by two orders of magnitude on a net this small.
      expect(await text(app.byTestId('backend-status'))).toMatch(/fast/);
      await app.screenshot('graphs-residual-trained');
    }, 120_000);

    it('builds a CNN on the digits: [m, 8, 8, 1] → conv → pool → flatten → dense → softmax, and trains it', async () => {
      // A window of its own: the residual run's charts leave the first one's canvas a strip.
      const fresh = await session!.browser.newPage({ viewport: LAPTOP });
      fresh.on('pageerror', (e) => errors.push(e.message));
      fresh.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      const cnn = new EditorPage(fresh);
      await cnn.goto(session!.url);
      await cnn.byTestId('cmd-new').click();
      await cnn.byTestId('canvas-empty').waitFor();
      // Each palette click adds the node after the selected one and wires its tensor output into it.
      await cnn.byTestId('palette-Dataset').click();
      await cnn.field('source.kind').selectOption({ label: 'built-in' });
      await expect.poll(() => text(cnn.summary('dataset1')), poll).toMatch(/digits/);
      for (const kind of [
        'Conv2D',
        'MaxPool2D',
        'Flatten',
        'Dense',
        'Softmax',
        'Loss',
        'Optimizer',
        'Training',
      ]) {
        await cnn.byTestId(`palette-${kind}`).click();
      }
      await cnn.node('training1').waitFor();
      await cnn.node('dense1').click();
      await cnn.field('activation').selectOption({ label: 'linear' });
      await cnn.node('loss1').click();
      await cnn.field('fn').selectOption({ label: 'categorical cross-entropy' });
      await cnn.node('training1').click();
      await cnn.field('epochs').fill('3');
      await cnn.clickEmptyCanvas();
      await fresh.keyboard.press('l');

      await expect.poll(() => text(cnn.byTestId('status')), poll).toBe('Ready to train');
      const shapes = {
        'dataset1.x->conv2d1.in': '[m, 8, 8, 1]',
        'conv2d1.out->maxpool2d1.in': '[m, 8, 8, 8]',
        'maxpool2d1.out->flatten1.in': '[m, 4, 4, 8]',
        'flatten1.out->dense1.in': '[m, 128]',
        'dense1.out->softmax1.in': '[m, 10]',
        'softmax1.out->loss1.pred': '[m, 10]',
        'dataset1.y->loss1.labels': '[m, 10] one-hot',
      };
      for (const [edge, shape] of Object.entries(shapes)) {
        await expect.poll(() => text(cnn.edgeLabel(edge)), poll).toBe(shape);
      }
      expect(await text(cnn.summary('conv2d1'))).toBe('8 × 3×3 · same · relu');
      expect(await text(cnn.summary('maxpool2d1'))).toBe('2×2 /2');
      await fresh.waitForTimeout(400);
      await expectReadable(fresh);
      for (const id of ['conv2d1', 'maxpool2d1', 'flatten1']) await expectFormulaRenders(cnn, id);
      await cnn.node('conv2d1').click();
      await cnn.screenshot('graphs-cnn');
      await cnn.viewMenu('language-zh');
      await expect.poll(() => text(cnn.node('conv2d1')), poll).toMatch(/二维卷积/);
      await expectReadable(fresh);
      await cnn.screenshot('graphs-cnn-zh');
      await zoomInOn(cnn, 'maxpool2d1');
      await cnn.screenshot('graphs-cnn-zoom-zh');
      await cnn.viewMenu('language-en');
      await cnn.screenshot('graphs-cnn-zoom');
      await cnn.clickEmptyCanvas();
      await fresh.keyboard.press('f');

      await cnn.byTestId('toolbar-train').click();
      await waitStatus(cnn.page, 'done', 90_000);
      expect(await cnn.byTestId('run-summary').getAttribute('data-reason')).toBe('epochs');
      // digits: 1,797 × 60% = 1,078 training rows, m_b 64 → 17 updates an epoch, 3 epochs.
      expect(Number(await cnn.byTestId('progress').getAttribute('data-updates'))).toBe(51);
      await cnn.screenshot('graphs-cnn-trained');
      await fresh.close();
    }, 150_000);

    it('logged no errors in the browser', () => {
      expect(errors).toEqual([]);
    });
  },
);
