import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../engine/document/parse';
import { CHROMIUM, hasChromium, warnIfNoChromium, withoutFileSystemAccess } from './browser';
import { EditorPage, SCREENSHOTS } from './editorPage';
import { writeFixtures } from './fixtures';
import { frameStats, framesWhilePanning, mockFileSystemAccess, recordFrames } from './frames';
import { serveRenderer } from './server';

warnIfNoChromium('browser tests');

const VIEWPORT = { width: 1440, height: 900 };
const poll = { timeout: 8000, interval: 50 };

describe.skipIf(!hasChromium)('the editor in Chromium', () => {
  let server: Awaited<ReturnType<typeof serveRenderer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let app: EditorPage;
  const fixtures = writeFixtures();
  const consoleErrors: string[] = [];
  const watch = (p: Page) => {
    p.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    p.on('pageerror', (e) => consoleErrors.push(e.message));
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [server, browser] = await Promise.all([
      serveRenderer(),
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
        ],
      }),
    ]);
    context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true, locale: 'en-US' });
    await context.addInitScript(withoutFileSystemAccess);
    page = await context.newPage();
    watch(page);
    app = new EditorPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens with the Moons preset on the canvas and a shape on every tensor edge', async () => {
    await app.goto(server.url);
    await app.node('data').waitFor();
    await app.node('training').waitFor();
    const labels = page.locator('[data-testid^="edge-label-"]');
    await expect.poll(() => labels.count(), poll).toBeGreaterThanOrEqual(4);
    for (const text of await labels.allTextContents()) expect(text).toMatch(/^\[m, \d+\]$/);
    expect(await page.title()).toMatch(/— NetCanvas$/);
    expect(await page.title()).not.toMatch(/^•/);
    await app.screenshot('start-light');
    await app.viewMenu('theme-dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme), poll).toBe('dark');
    await app.screenshot('start-dark');
    await app.viewMenu('theme-light');
  });

  it('drags a Dense from the palette, connects it, and the new edge shows its shape', async () => {
    await app.openFile(fixtures.moons);
    await app.node('hidden2').waitFor();
    const pane = await app.pane().boundingBox();
    const below = await app.centre(app.node('hidden2'));
    await app.byTestId('palette-Dense').dragTo(app.pane(), {
      targetPosition: { x: below.x - pane!.x, y: below.y - pane!.y + 150 },
    });
    await app.node('dense1').waitFor();
    await app.connect(app.handle('hidden2', 'out'), app.handle('dense1', 'in'));
    await expect.poll(() => app.edgeLabel('hidden2.out->dense1.in').textContent(), poll).toBe('[m, 2]');
  });

  it('refuses a connection that cannot be valid and says why while dragging', async () => {
    const before = await app.edges().count();
    await app.connect(app.handle('data', 'y'), app.handle('dense1', 'in'), async () => {
      const reason = app.byTestId('connection-reason');
      await expect
        .poll(() => reason.textContent(), poll)
        .toMatch(/labels output cannot feed dense1\.in, which takes tensor/);
      await app.screenshot('connection-refused');
    });
    await expect.poll(() => app.byTestId('toast').textContent(), poll).toMatch(/^Connection refused: /);
    expect(await app.edges().count()).toBe(before);
    expect(await app.edgeLabel('data.y->dense1.in').count()).toBe(0);
  });

  it('edits units in the inspector: shapes update live, only that card re-renders, bad values are refused', async () => {
    await app.node('hidden2').click();
    await app.byTestId('inspector-hidden2').waitFor();
    await page.evaluate(() => {
      (window as unknown as { __netcanvasRenderCounts: object }).__netcanvasRenderCounts = {};
    });
    await app.field('units').fill('7');
    await expect.poll(() => app.edgeLabel('hidden2.out->output.in').textContent(), poll).toBe('[m, 7]');
    await expect.poll(() => app.edgeLabel('hidden2.out->dense1.in').textContent(), poll).toBe('[m, 7]');
    expect(await app.summary('hidden2').textContent()).toMatch(/^7 units/);
    const renders = await page.evaluate(() => {
      const w = window as unknown as { __netcanvasRenderCounts?: Record<string, number> };
      const counts = w.__netcanvasRenderCounts;
      delete w.__netcanvasRenderCounts;
      return counts;
    });
    expect(Object.keys(renders ?? {})).toEqual(['hidden2']);

    await app.field('units').fill('0');
    await expect
      .poll(() => app.byTestId('field-error-units').textContent(), poll)
      .toMatch(/^At least 1 unit\./);
    await app.field('units').fill('2.5');
    await expect.poll(() => app.byTestId('field-error-units').textContent(), poll).toMatch(/whole number/);
    await app.field('units').fill('many');
    await expect
      .poll(() => app.byTestId('field-error-units').textContent(), poll)
      .toMatch(/^Enter a number\./);
    expect(await app.edgeLabel('hidden2.out->output.in').textContent()).toBe('[m, 7]');
    await app.screenshot('inspector-refused');
    // The refused text stays after Tab; Esc brings back the value in the document.
    await app.field('units').press('Tab');
    expect(await app.field('units').inputValue()).toBe('many');
    await app.field('units').press('Escape');
    expect(await app.field('units').inputValue()).toBe('7');
  });

  it('undoes and redoes every step with Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y', async () => {
    const shape = () => app.edgeLabel('hidden2.out->output.in').textContent();
    await app.clickEmptyCanvas();
    await page.keyboard.press('Control+z');
    await expect.poll(shape, poll).toBe('[m, 2]');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(shape, poll).toBe('[m, 7]');
    await page.keyboard.press('Control+z');
    await expect.poll(shape, poll).toBe('[m, 2]');
    await page.keyboard.press('Control+y');
    await expect.poll(shape, poll).toBe('[m, 7]');
    // Two more steps back: the connection, then the dropped Dense.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => app.node('dense1').count(), poll).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(shape, poll).toBe('[m, 7]');
    expect(await app.edgeLabel('hidden2.out->dense1.in').textContent()).toBe('[m, 7]');

    // A whole drag is one step.
    const card = app.node('loss');
    const start = (await card.boundingBox())!;
    await page.mouse.move(start.x + 30, start.y + 10);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + 30 + i * 8, start.y + 10 + i * 5);
    await page.mouse.up();
    const moved = (await card.boundingBox())!;
    expect(moved.x - start.x).toBeGreaterThan(60);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => Math.round((await card.boundingBox())!.x - start.x), poll).toBe(0);
  });

  it('copies, pastes and deletes several nodes as one undo step each; selects with a box and with Shift', async () => {
    await app.node('hidden1').click();
    await app.node('output').click({ modifiers: ['Shift'] });
    await expect.poll(() => app.byTestId('inspector-many').textContent(), poll).toMatch(/^2 nodes selected/);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await app.node('dense2').waitFor();
    await app.node('dense3').waitFor();
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => page.locator('[data-testid="node-dense2"], [data-testid="node-dense3"]').count(), poll)
      .toBe(0);

    const edgesBefore = await app.edges().count();
    const a = await app.node('hidden1').boundingBox();
    const b = await app.node('hidden2').boundingBox();
    await app.clickEmptyCanvas();
    await page.keyboard.down('Shift');
    await page.mouse.move(a!.x - 12, a!.y - 30);
    await page.mouse.down();
    await page.mouse.move(b!.x + b!.width + 12, b!.y + b!.height + 12, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => app.byTestId('inspector-many').textContent(), poll).toMatch(/^2 nodes selected/);
    await page.keyboard.press('Delete');
    await expect.poll(() => app.node('hidden1').count(), poll).toBe(0);
    expect(await app.node('hidden2').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await app.node('hidden1').waitFor();
    await app.node('hidden2').waitFor();
    expect(await app.edges().count()).toBe(edgesBefore);
  });

  it('adds a node by name from the search popup', async () => {
    await page.keyboard.press('Escape');
    await app.pane().dblclick({ position: { x: 40, y: 40 } });
    await app.byTestId('node-search').fill('drop');
    await app.screenshot('search');
    await page.keyboard.press('Enter');
    await app.node('dropout1').waitFor();
    await app.clickEmptyCanvas();
    await page.keyboard.press('/');
    await app.byTestId('node-search').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => app.byTestId('node-search').count(), poll).toBe(0);
  });

  it('lists problems live; clicking one selects its node and centres the view on it', async () => {
    const row = app.byTestId('problems-list').locator('button', { hasText: 'dropout1' }).first();
    await row.waitFor();
    await app.byTestId('node-problem-dropout1').waitFor();
    await row.click();
    await expect.poll(() => app.node('dropout1').getAttribute('class'), poll).toMatch(/card--selected/);
    await page.waitForTimeout(450); // the centring animation
    const canvas = await app.centre(app.byTestId('canvas'));
    const node = await app.centre(app.node('dropout1'));
    expect(Math.abs(node.x - canvas.x)).toBeLessThan(60);
    expect(Math.abs(node.y - canvas.y)).toBeLessThan(60);
    await app.screenshot('problem-focused');
  });

  let saved = { name: '', text: '' };
  it('saves to a file and opens it back identical', async () => {
    saved = await app.saveAs();
    expect(saved.name).toBe('moons.netcanvas.json');
    const doc = parseDocument(saved.text);
    expect(doc.ok && doc.value.nodes.map((n) => n.id)).toContain('dropout1');
    await expect.poll(() => app.byTestId('unsaved-mark').count(), poll).toBe(0);

    await app.node('dropout1').click();
    await page.keyboard.press('Delete');
    await app.byTestId('unsaved-mark').waitFor();
    expect(await page.title()).toMatch(/^• Moons with Adam — NetCanvas$/);

    const path = join(fixtures.dir, 'saved.netcanvas.json');
    writeFileSync(path, saved.text);
    await app.openFile(path, { confirmDiscard: true });
    await app.node('dropout1').waitFor();
    const again = await app.saveAs();
    expect(again.text).toBe(saved.text);
    // The project's name, not the file's.
    expect(await page.title()).toBe('Moons with Adam — NetCanvas');
  });

  it('opens nothing from a corrupt, newer or invalid file, says what is wrong and where, and keeps the work', async () => {
    await app.node('dropout1').click();
    await page.keyboard.press('Delete');
    await app.byTestId('unsaved-mark').waitFor();
    const nodes = await page.locator('.react-flow__node').count();

    await app.openFile(fixtures.corrupt, { confirmDiscard: true });
    const dialog = app.byTestId('dialog-open-failed');
    await expect.poll(() => dialog.textContent(), poll).toMatch(/corrupt\.netcanvas\.json/);
    expect(await dialog.textContent()).toMatch(/line 3, column 3/);
    await app.screenshot('open-failed');
    await app.byTestId('dialog-close').click();

    await app.openFile(fixtures.newer, { confirmDiscard: true });
    await expect.poll(() => dialog.textContent(), poll).toMatch(/newer NetCanvas/);
    await app.byTestId('dialog-close').click();

    await app.openFile(fixtures.invalid, { confirmDiscard: true });
    await expect.poll(() => dialog.textContent(), poll).toMatch(/nodes\.0\.position\.x/);
    await app.byTestId('dialog-close').click();

    expect(await page.locator('.react-flow__node').count()).toBe(nodes);
    expect(await app.node('dropout1').count()).toBe(0);
    await app.byTestId('unsaved-mark').waitFor();
  });

  it('offers the autosave back after a reload and recovers it', async () => {
    await app.node('hidden1').click();
    await app.field('units').fill('33');
    await expect.poll(() => app.summary('hidden1').textContent(), poll).toMatch(/^33 units/);
    await page.waitForTimeout(700); // autosave writes 400 ms after the last edit
    await page.reload();
    await app.byTestId('dialog-recover').waitFor();
    await app.screenshot('recover');
    await app.byTestId('recover-ok').click();
    await expect.poll(() => app.summary('hidden1').textContent(), poll).toMatch(/^33 units/);
    expect(await app.node('dropout1').count()).toBe(0);
    await app.byTestId('unsaved-mark').waitFor();
  });

  it('switches the language to Simplified Chinese from the View menu', async () => {
    await app.viewMenu('language-zh');
    await expect.poll(() => app.byTestId('palette-Dense').textContent(), poll).toMatch(/全连接层/);
    expect(await app.byTestId('cmd-save').textContent()).toBe('保存');
    await app.node('hidden1').click();
    await expect.poll(() => app.byTestId('inspector').textContent(), poll).toMatch(/单元数/);
    await app.field('units').fill('0');
    await expect.poll(() => app.byTestId('field-error-units').textContent(), poll).toMatch(/至少 1 个单元/);
    await app.field('units').press('Tab');
    await app.field('units').press('Escape');
    await app.screenshot('chinese');
    await app.viewMenu('language-en');
    await expect.poll(() => app.byTestId('cmd-save').textContent(), poll).toBe('Save');
  });

  it("builds the notes' 3-layer network from an empty canvas, saves it and opens it again", async () => {
    const started = Date.now();
    await app.byTestId('cmd-new').click();
    await app.byTestId('confirm-discard').click();
    await app.byTestId('canvas-empty').waitFor();
    await app.screenshot('empty-canvas');
    // Each palette click adds the node after the selected one and wires what is obvious.
    for (const kind of ['Dataset', 'Dense', 'Dense', 'Dense', 'Loss', 'Optimizer', 'Training']) {
      await app.byTestId(`palette-${kind}`).click();
    }
    await app.node('training1').waitFor();
    const setUnits = async (id: string, units: string) => {
      await app.node(id).click();
      await app.field('units').fill(units);
    };
    await setUnits('dense1', '20');
    await setUnits('dense2', '3');
    await setUnits('dense3', '1');
    await app.field('activation').selectOption({ label: 'sigmoid' });
    await app.node('optimizer1').click();
    await app.field('algorithm').selectOption({ label: 'Adam' });
    await expect.poll(() => app.field('learningRate').inputValue(), poll).toBe('0.01');
    await app.clickEmptyCanvas();
    await page.keyboard.press('l');

    await expect.poll(() => app.byTestId('status').textContent(), poll).toBe('Ready to train');
    const shapes = {
      'dataset1.x->dense1.in': '[m, 2]',
      'dense1.out->dense2.in': '[m, 20]',
      'dense2.out->dense3.in': '[m, 3]',
      'dense3.out->loss1.pred': '[m, 1]',
    };
    for (const [edge, shape] of Object.entries(shapes)) {
      await expect.poll(() => app.edgeLabel(edge).textContent(), poll).toBe(shape);
    }
    const built = Date.now() - started;
    await page.waitForTimeout(300);
    await app.screenshot('three-layer-light');
    await app.viewMenu('theme-dark');
    await page.waitForTimeout(100);
    await app.screenshot('three-layer-dark');
    await app.viewMenu('theme-light');

    const file = await app.saveAs();
    const doc = parseDocument(file.text);
    expect(doc.ok).toBe(true);
    if (!doc.ok) return;
    expect(doc.value.nodes.map((n) => n.kind)).toEqual([
      'Dataset',
      'Dense',
      'Dense',
      'Dense',
      'Loss',
      'Optimizer',
      'Training',
    ]);
    expect(doc.value.nodes.find((n) => n.id === 'optimizer1')?.params).toMatchObject({ algorithm: 'adam' });
    const path = join(fixtures.dir, 'three-layer.netcanvas.json');
    writeFileSync(path, file.text);
    await app.byTestId('cmd-new').click();
    await app.byTestId('canvas-empty').waitFor();
    await app.openFile(path);
    await app.node('training1').waitFor();
    expect((await app.saveAs()).text).toBe(file.text);
    console.info(`e2e: the scripted build of the 3-layer network took ${built} ms`);
  });

  it('saves through the File System Access API where the browser has it', async () => {
    const fsa = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    await fsa.addInitScript(mockFileSystemAccess);
    const fsaPage = await fsa.newPage();
    watch(fsaPage);
    const fsaApp = new EditorPage(fsaPage);
    await fsaApp.goto(server.url);
    const log = () =>
      fsaPage.evaluate(() => (window as unknown as { __fsa: { pickers: number; writes: string[] } }).__fsa);
    await fsaApp.byTestId('cmd-save-as').click();
    await expect.poll(async () => (await log()).writes.length, poll).toBe(1);
    expect(await fsaPage.title()).toBe('Your first network — Moons with Adam — NetCanvas');
    await fsaApp.node('hidden1').click();
    await fsaApp.field('units').fill('9');
    await fsaApp.clickEmptyCanvas();
    await fsaPage.keyboard.press('Control+s');
    await expect.poll(async () => (await log()).writes.length, poll).toBe(2);
    const { pickers, writes } = await log();
    expect(pickers).toBe(1);
    expect(writes[1]).toMatch(/"units": 9/);
    expect(await fsaPage.title()).toBe('Your first network — Moons with Adam — NetCanvas');
    await fsa.close();
  });

  it('pans and zooms a 300-node graph (frame times are reported, not asserted)', async () => {
    const big = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    await big.addInitScript(withoutFileSystemAccess);
    const bigPage = await big.newPage();
    watch(bigPage);
    const bigApp = new EditorPage(bigPage);
    await bigApp.goto(server.url);
    const opened = Date.now();
    await bigApp.openFile(fixtures.big);
    await bigApp.node('training').waitFor({ state: 'attached' });
    await expect
      .poll(() => bigPage.locator('.react-flow__node').count(), { ...poll, timeout: 20_000 })
      .toBe(300);
    const loadMs = Date.now() - opened;
    await bigPage.evaluate(() => new Promise(requestAnimationFrame));
    const pan = await framesWhilePanning(bigPage, bigApp.pane());

    await recordFrames(bigPage);
    for (let i = 0; i < 30; i++) {
      await bigPage.mouse.wheel(0, i < 15 ? -120 : 120);
      await bigPage.evaluate(() => new Promise(requestAnimationFrame));
    }
    const zoom = await frameStats(bigPage);

    await bigPage.keyboard.press('f'); // fit the view so dense1 is on screen
    await bigPage.waitForTimeout(300);
    await bigApp.node('dense1').click();
    const edited = Date.now();
    await bigApp.field('units').fill('13');
    await expect.poll(() => bigApp.edgeLabel('dense1.out->dense2.in').textContent(), poll).toBe('[m, 13]');
    const editMs = Date.now() - edited;

    const report = { nodes: 300, viewport: VIEWPORT, loadMs, editToShapeMs: editMs, pan, zoom };
    console.info(`e2e: 300-node graph: ${JSON.stringify(report)}`);
    writeFileSync(join(SCREENSHOTS, 'perf-300-nodes.json'), `${JSON.stringify(report, null, 2)}\n`);
    await bigApp.screenshot('three-hundred-nodes');
    await big.close();
  });

  it('logged no errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
