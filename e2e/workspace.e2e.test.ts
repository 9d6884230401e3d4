import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LAPTOP_VIEWPORT, suiteSession } from './appSession';
import { hasChromium, warnIfNoChromium } from './browser';
import { waitStatus } from './editorPage';

warnIfNoChromium('workspace tests');

type Box = { x: number; y: number; width: number; height: number };

const inside = (a: Box, b: Box) =>
  a.x >= b.x - 0.5 &&
  a.y >= b.y - 0.5 &&
  a.x + a.width <= b.x + b.width + 0.5 &&
  a.y + a.height <= b.y + b.height + 0.5;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxes(locator: Locator): Promise<Box[]> {
  const all = await locator.all();
  return (await Promise.all(all.map((l) => l.boundingBox()))).filter((b): b is Box => b !== null);
}

/**
 * Where each card and port of the graph lies that should not: outside the canvas pane, or under the
 * zoom buttons or the minimap. Empty when the whole graph can be seen and edited.
 */
async function hiddenParts(page: Page): Promise<string[]> {
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const overlays = await boxes(page.locator('.react-flow__controls, .react-flow__minimap'));
  const parts = [
    ...(await boxes(page.locator('.react-flow__node'))).map((b) => ['card', b] as const),
    ...(await boxes(page.locator('.react-flow__handle'))).map((b) => ['port', b] as const),
  ];
  expect(parts.length).toBeGreaterThan(10);
  return parts.flatMap(([what, b]) => {
    const at = `${what} at (${Math.round(b.x)}, ${Math.round(b.y)})`;
    if (!inside(b, canvas)) return [`${at} outside the canvas`];
    return overlays.some((o) => overlap(b, o)) ? [`${at} under an overlay`] : [];
  });
}

describe.skipIf(!hasChromium)('the workspace panes at 1280 × 720 (Chromium)', () => {
  const s = suiteSession({ noFileSystemAccess: true, viewport: LAPTOP_VIEWPORT });

  it('keeps every card and port of the graph in view and clear of the overlays while training', async () => {
    await s.app.byTestId('toolbar-train').click();
    await waitStatus(s.page, 'done', 45_000);
    await expect.poll(() => hiddenParts(s.page), { timeout: 5_000 }).toEqual([]);
    // The canvas keeps a useful height beside the training pane (it was 200–265 px under the old panel).
    expect((await s.app.byTestId('canvas').boundingBox())!.height).toBeGreaterThan(200);
    await s.app.screenshot('workspace-training');
  }, 60_000);

  it('folds the training pane to its header and fits the graph again, minimap included', async () => {
    const before = (await s.app.byTestId('canvas').boundingBox())!.height;
    await s.app.byTestId('toggle-training').click();
    await expect
      .poll(async () => (await s.app.byTestId('canvas').boundingBox())!.height)
      .toBeGreaterThan(before + 200);
    // Tall enough now for the minimap, and the refit keeps the cards out from under it.
    await s.page.locator('.react-flow__minimap').waitFor();
    await expect.poll(() => hiddenParts(s.page), { timeout: 5_000 }).toEqual([]);
    await s.app.byTestId('toggle-minimap').click();
    expect(await s.page.locator('.react-flow__minimap').count()).toBe(0);
    await s.app.byTestId('toggle-minimap').click();
    await s.app.byTestId('toggle-training').click();
    await expect
      .poll(async () => (await s.app.byTestId('canvas').boundingBox())!.height)
      .toBeLessThan(before + 5);
  }, 30_000);

  it('keeps a pane the size the user dragged it to after a reload', async () => {
    const separator = s.app.byTestId('separator-training');
    const pane = s.app.byTestId('pane-training');
    const start = (await pane.boundingBox())!.height;
    const { x, y } = await s.app.centre(separator);
    await s.page.mouse.move(x, y);
    await s.page.mouse.down();
    await s.page.mouse.move(x, y + 80, { steps: 8 });
    await s.page.mouse.up();
    const dragged = (await pane.boundingBox())!.height;
    expect(Math.abs(dragged - (start - 80))).toBeLessThan(3);
    await s.page.reload();
    await s.page.locator('.react-flow__node').first().waitFor();
    await expect.poll(async () => Math.round((await pane.boundingBox())!.height)).toBe(Math.round(dragged));
  }, 30_000);
});
