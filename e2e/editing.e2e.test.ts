import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { LAPTOP_VIEWPORT, suiteSession } from './appSession';
import { hasChromium, warnIfNoChromium } from './browser';
import type { EditorPage } from './editorPage';

warnIfNoChromium('editing tests');

const poll = { timeout: 10_000, interval: 50 };

type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The ids of the cards whose boxes overlap the card `id`'s box on screen. */
async function cardsUnder(page: Page, id: string): Promise<string[]> {
  return page.evaluate((id) => {
    const box = (el: Element) => el.getBoundingClientRect();
    const me = document.querySelector(`[data-testid="node-${id}"]`);
    if (!me) return ['(missing)'];
    const a = box(me);
    return [...document.querySelectorAll('[data-testid^="node-"].card')]
      .filter((el) => el !== me)
      .filter((el) => {
        const b = box(el);
        return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      })
      .map((el) => el.getAttribute('data-testid') ?? '');
  }, id);
}

const edgeIds = (app: EditorPage) =>
  app.page
    .locator('[data-testid^="edge-label-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('edge-label-'.length)));

describe.skipIf(!hasChromium)('editing in a 1280 × 720 window', () => {
  const session = suiteSession({ viewport: LAPTOP_VIEWPORT, noFileSystemAccess: true });
  let page: Page;
  let app: EditorPage;
  beforeEach(() => {
    ({ page, app } = session);
  });

  it('inserts a palette node into the selected node’s outgoing edge and places it over no card', async () => {
    await app.node('hidden1').click();
    await app.byTestId('palette-Dropout').click();
    await app.node('dropout1').waitFor();
    await expect.poll(() => edgeIds(app), poll).toContain('dropout1.out->hidden2.in');
    const edges = await edgeIds(app);
    expect(edges).toContain('hidden1.out->dropout1.in');
    expect(edges).not.toContain('hidden1.out->hidden2.in');
    expect(await cardsUnder(page, 'dropout1')).toEqual([]);
    // One undo step takes the node and its wiring away.
    await page.keyboard.press('Control+z');
    await expect.poll(() => app.node('dropout1').count(), poll).toBe(0);
    await expect.poll(() => edgeIds(app), poll).toContain('hidden1.out->hidden2.in');
  });

  it('inserts the same way from the "/" search', async () => {
    await app.node('hidden2').click();
    await page.keyboard.press('/');
    await app.byTestId('node-search').fill('dropout');
    await page.keyboard.press('Enter');
    await app.node('dropout1').waitFor();
    await expect.poll(() => edgeIds(app), poll).toContain('dropout1.out->output.in');
    expect(await edgeIds(app)).toContain('hidden2.out->dropout1.in');
    expect(await cardsUnder(page, 'dropout1')).toEqual([]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => app.node('dropout1').count(), poll).toBe(0);
  });

  it('replaces the edge into an occupied single-input port, as one undo step', async () => {
    await app.connect(app.handle('data', 'x'), app.handle('hidden2', 'in'));
    await expect.poll(() => edgeIds(app), poll).toContain('data.x->hidden2.in');
    expect(await edgeIds(app)).not.toContain('hidden1.out->hidden2.in');
    await page.keyboard.press('Control+z');
    await expect.poll(() => edgeIds(app), poll).toContain('hidden1.out->hidden2.in');
    expect(await edgeIds(app)).not.toContain('data.x->hidden2.in');
  });

  it('keeps a refused number and its message after Tab, until it is fixed or Esc cancels it', async () => {
    await app.node('hidden2').click();
    const units = app.field('units');
    const before = await units.inputValue();
    await units.fill('0');
    const error = app.byTestId('field-error-units');
    await expect.poll(() => error.textContent(), poll).toMatch(/^At least 1 unit\./);
    await units.press('Tab');
    expect(await units.inputValue()).toBe('0');
    expect(await error.textContent()).toMatch(/^At least 1 unit\./);
    expect(await error.textContent()).not.toMatch(/expected|>=/);
    await units.focus();
    await units.press('Escape');
    await expect.poll(() => units.inputValue(), poll).toBe(before);
    expect(await error.count()).toBe(0);
    // Fixing it commits the fixed value.
    await units.fill('2.5');
    await expect.poll(() => error.textContent(), poll).toMatch(/^Enter a whole number\./);
    await units.fill('6');
    await expect.poll(() => error.count(), poll).toBe(0);
    await units.press('Tab');
    expect(await units.inputValue()).toBe('6');
    await expect.poll(() => app.edgeLabel('hidden2.out->output.in').textContent(), poll).toBe('[m, 6]');
  });

  it('selects an edge by clicking its shape label', async () => {
    await app.clickEmptyCanvas();
    const label = app.edgeLabel('hidden1.out->hidden2.in');
    await label.click();
    await expect.poll(() => label.getAttribute('class'), poll).toMatch(/edge-label--selected/);
  });

  it('says "The optimizer output", and shows the refusal where it covers no training control', async () => {
    const hint = app.byTestId('connection-reason');
    await app.connect(app.handle('optimizer', 'optimizer'), app.handle('training', 'loss'), async () => {
      await expect
        .poll(() => hint.textContent(), poll)
        .toMatch(/^The optimizer output cannot feed training\.loss/);
    });
    const toast = app.byTestId('toast');
    await expect.poll(() => toast.textContent(), poll).toMatch(/^Connection refused: The optimizer output/);
    const panel = app.byTestId('training-panel');
    const controls: Locator[] = [app.byTestId('toolbar-train')];
    if (await panel.count()) controls.push(panel);
    const toastBox = (await toast.boundingBox())!;
    for (const control of controls) {
      const box = await control.boundingBox();
      if (box) expect(intersects(toastBox, box)).toBe(false);
    }
  });

  it('puts the first node dropped on an empty canvas where it was dropped', async () => {
    await app.byTestId('cmd-new').click();
    await app.byTestId('confirm-discard').click(); // units were edited above
    await app.byTestId('canvas-empty').waitFor();
    const pane = (await app.pane().boundingBox())!;
    const at = { x: Math.round(pane.width * 0.3), y: Math.round(pane.height * 0.4) };
    await app.dropFromPalette('Dense', at);
    await app.node('dense1').waitFor();
    await page.waitForTimeout(400); // a fit of the view would move it within a frame or two
    const card = await app.centre(app.node('dense1'));
    // The drop point is the card's centre horizontally and a third of the way down.
    expect(Math.abs(card.x - (pane.x + at.x))).toBeLessThan(40);
    expect(Math.abs(card.y - (pane.y + at.y))).toBeLessThan(40);
  });
});
