import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Waits for the training panel to show the status, or one of the statuses. */
export const waitStatus = (page: Page, status: string | string[], timeout = 60_000) =>
  page.waitForSelector(
    [status]
      .flat()
      .map((s) => `[data-testid="training-panel"][data-status="${s}"]`)
      .join(', '),
    { timeout },
  );

/** The editor in a browser page, addressed by data-testid and node ids. */
export class EditorPage {
  constructor(readonly page: Page) {}

  node = (id: string) => this.page.getByTestId(`node-${id}`);
  summary = (id: string) => this.page.getByTestId(`node-summary-${id}`);
  handle = (id: string, port: string) => this.page.getByTestId(`handle-${id}-${port}`);
  edgeLabel = (edgeId: string) => this.page.getByTestId(`edge-label-${edgeId}`);
  edges = () => this.page.locator('.react-flow__edge');
  field = (path: string) => this.page.getByTestId(`field-${path}`);
  byTestId = (id: string) => this.page.getByTestId(id);
  pane = () => this.page.locator('.react-flow__pane');

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('.react-flow__node').first().waitFor();
  }

  async centre(target: Locator): Promise<{ x: number; y: number }> {
    const box = await target.boundingBox();
    if (!box) throw new Error('element is not visible');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** Drags a wire from one port to another; `whileOver` runs with the mouse still down over the target. */
  async connect(from: Locator, to: Locator, whileOver?: () => Promise<void>): Promise<void> {
    const a = await this.centre(from);
    const b = await this.centre(to);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x, b.y, { steps: 12 });
    if (whileOver) await whileOver();
    await this.page.mouse.up();
  }

  /** Drags a node kind from the palette and drops it at `at`, a point in the pane (not a lookup). */
  async dropFromPalette(kind: string, at: { x: number; y: number }): Promise<void> {
    await this.byTestId(`palette-${kind}`).dragTo(this.pane(), { targetPosition: at });
  }

  /** Clicks empty canvas (top-left corner of the pane), leaving any text field. */
  async clickEmptyCanvas(): Promise<void> {
    await this.pane().click({ position: { x: 12, y: 12 } });
  }

  async openFile(path: string, { confirmDiscard = false } = {}): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.byTestId('cmd-open').click();
    if (confirmDiscard) await this.byTestId('confirm-discard').click();
    await (await chooser).setFiles(path);
  }

  /** Save As in a browser without the File System Access API: returns the downloaded file's text. */
  async saveAs(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.byTestId('cmd-save-as').click();
    const d = await download;
    const path = await d.path();
    return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  async viewMenu(item: string): Promise<void> {
    await this.byTestId('menu-view').click();
    await this.byTestId(item).click();
  }

  /** Sets a range input as a drag does: its value, then the input event React listens to. */
  async setRange(testId: string, value: number): Promise<void> {
    await this.byTestId(testId).evaluate((el, v) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(el, String(v));
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
  }

  async screenshot(name: string): Promise<string> {
    const path = join(SCREENSHOTS, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}
