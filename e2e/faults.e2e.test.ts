import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialDocument } from '../engine/document/build';
import { parseDocument, serializeDocument } from '../engine/document/parse';
import { APP_VIEWPORT } from './appSession';
import { BROWSER_ARGS, CHROMIUM, hasChromium, warnIfNoChromium, withoutFileSystemAccess } from './browser';
import { EditorPage } from './editorPage';
import { serveRenderer } from './server';

/**
 * Faults in the browser: the training worker dies, and the page is killed mid-training, mid-autosave
 * and mid-save. After each, the last saved project is intact, the autosave offers the newest complete
 * state, and the app still trains.
 */

warnIfNoChromium('fault tests');

const poll = { timeout: 10_000, interval: 50 };

/**
 * Runs in the page before the app: the pickers hand out one real file in the origin-private file
 * system, whose writable is Chromium's own (written to a swap file, moved over the file on close()).
 * `__fsa.hang` makes close() never finish, so a test can kill the page in the middle of a save.
 */
const privateFileSystemPickers = () => {
  const w = window as unknown as Record<string, unknown>;
  const log = { writes: 0, closes: 0, hang: false };
  w.__fsa = log;
  const handle = async () => {
    const root = await navigator.storage.getDirectory();
    const file = await root.getFileHandle('project.netcanvas.json', { create: true });
    return {
      name: 'project.netcanvas.json',
      getFile: () => file.getFile(),
      async createWritable() {
        const writable = await file.createWritable();
        return {
          write: async (data: string) => {
            await writable.write(data);
            log.writes += 1;
          },
          close: async () => {
            if (log.hang) await new Promise(() => {});
            await writable.close();
            log.closes += 1;
          },
        };
      },
    };
  };
  w.showSaveFilePicker = async () => handle();
  w.showOpenFilePicker = async () => [await handle()];
};

/** The text of the project file in the origin-private file system ('' when there is none). */
const savedText = (page: Page) =>
  page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const file = await root.getFileHandle('project.netcanvas.json').catch(() => null);
    return file ? (await file.getFile()).text() : '';
  });

/** Kills the page's renderer process, as a crash or a killed browser tab would. */
async function crash(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const crashed = page.waitForEvent('crash', { timeout: 5000 });
  // The answer never comes: the renderer is gone before it can reply.
  void cdp.send('Page.crash').catch(() => {});
  await crashed;
  await page.close().catch(() => {});
}

const unitsOf = async (app: EditorPage, id: string) =>
  Number((await app.summary(id).textContent())?.match(/^(\d+) units/)?.[1]);
const status = (page: Page) => page.getByTestId('training-panel').getAttribute('data-status');
const updates = async (page: Page) =>
  Number((await page.getByTestId('progress').getAttribute('data-updates')) ?? 0);

async function setUnits(app: EditorPage, id: string, units: number): Promise<void> {
  await app.node(id).click();
  await app.field('units').fill(String(units));
  await expect.poll(() => unitsOf(app, id), poll).toBe(units);
}

/** A lesson that trains long enough to be interrupted: 200 moons, 2000 epochs. */
function longLesson(): string {
  const dir = mkdtempSync(join(tmpdir(), 'netcanvas-faults-'));
  const path = join(dir, 'long.netcanvas.json');
  const doc = sequentialDocument({
    name: 'Long lesson',
    dataset: { source: { kind: 'generator', name: 'moons', n: 200, noise: 0.2 } },
    layers: [
      { kind: 'Dense', id: 'hidden1', params: { units: 8 } },
      { kind: 'Dense', id: 'output', params: { units: 1, activation: 'sigmoid' } },
    ],
    optimizer: { algorithm: 'adam', learningRate: 0.01 },
    training: { batchSize: 32, epochs: 2000 },
  });
  writeFileSync(path, serializeDocument(doc));
  return path;
}

describe.skipIf(!hasChromium)('faults in the browser (Chromium)', () => {
  let server: Awaited<ReturnType<typeof serveRenderer>>;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      serveRenderer(),
      chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS, headless: true }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(context: BrowserContext): Promise<{ page: Page; app: EditorPage }> {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    const app = new EditorPage(page);
    await app.goto(server.url);
    return { page, app };
  }

  async function startTraining(page: Page): Promise<void> {
    // tf.js on WASM: the fast executor would finish these lessons before they could be interrupted.
    await page.getByTestId('backend-choice').selectOption('wasm');
    await page.getByTestId('toolbar-train').click();
    await expect.poll(() => status(page), poll).toBe('running');
    await expect.poll(() => updates(page), poll).toBeGreaterThan(5);
  }

  async function trainsAndStops(page: Page): Promise<void> {
    await startTraining(page);
    await page.getByTestId('stop').click();
    await expect.poll(() => status(page), poll).toBe('done');
    expect(await page.getByTestId('run-summary').getAttribute('data-reason')).toBe('stopped');
  }

  it('reports a training worker that dies mid-run, marks the run failed, and trains again', async () => {
    const context = await browser.newContext({ viewport: APP_VIEWPORT });
    await context.addInitScript(withoutFileSystemAccess);
    const { page, app } = await open(context);
    await app.openFile(longLesson());
    await startTraining(page);
    const worker = page.workers().find((w) => w.url().includes('worker'));
    expect(worker, 'the training worker').toBeDefined();
    // An uncaught error kills the worker's script, as a crashed backend would.
    await worker!.evaluate(() => {
      setTimeout(() => {
        throw new Error('simulated crash in the training worker');
      });
    });
    await expect.poll(() => status(page), poll).toBe('failed');
    expect(await page.getByTestId('train-failed').textContent()).toMatch(
      /The training worker stopped: .*simulated crash in the training worker/,
    );
    const frozen = await updates(page);
    await page.waitForTimeout(300);
    expect(await updates(page)).toBe(frozen);
    // The app is still usable: edit, then train a new run to a clean stop.
    await setUnits(app, 'hidden1', 6);
    await trainsAndStops(page);
    await context.close();
  }, 90_000);

  it('marks a run failed within 2 s when its worker is ended silently, keeping its curves', async () => {
    const context = await browser.newContext({ viewport: APP_VIEWPORT });
    await context.addInitScript(withoutFileSystemAccess);
    const { page, app } = await open(context);
    await app.openFile(longLesson());
    await startTraining(page);
    const worker = page.workers().find((w) => w.url().includes('worker'));
    expect(worker, 'the training worker').toBeDefined();
    // close() ends the worker's script with no error event: nothing tells the app but the silence.
    await worker!.evaluate(() => {
      setTimeout(() => self.close());
    });
    const ended = Date.now();
    await expect.poll(() => status(page), { timeout: 10_000, interval: 25 }).toBe('failed');
    const ms = Date.now() - ended;
    console.info(`worker ended silently: run marked failed after ${ms} ms`);
    // The browser hands the worker's lifeline lock to the app as the worker goes; this adds the polling.
    expect(ms).toBeLessThan(2000);
    expect(await page.getByTestId('train-failed').textContent()).toMatch(
      /The training worker stopped without a word/,
    );
    expect(await updates(page)).toBeGreaterThan(5);
    await context.close();
  }, 90_000);

  it('keeps an edit made 50 ms before the page is closed: pagehide writes the autosave at once', async () => {
    const context = await browser.newContext({ viewport: APP_VIEWPORT });
    await context.addInitScript(withoutFileSystemAccess);
    const first = await open(context);
    await setUnits(first.app, 'hidden1', 33);
    await first.page.waitForTimeout(700);
    // Inside autosave's 400 ms quiet time: without the flush, the slot would still hold 33.
    await first.app.field('units').fill('44');
    await first.page.waitForTimeout(50);
    await first.page.close({ runBeforeUnload: false });

    const second = await open(context);
    await second.app.byTestId('recover-ok').click();
    await expect.poll(() => unitsOf(second.app, 'hidden1'), poll).toBe(44);
    await context.close();
  }, 90_000);

  it('after a page killed mid-training, the saved project is intact, the autosave has the edit, and it trains again', async () => {
    const context = await browser.newContext({ viewport: APP_VIEWPORT });
    await context.addInitScript(privateFileSystemPickers);
    const first = await open(context);
    await first.app.byTestId('cmd-save-as').click();
    await expect.poll(() => savedText(first.page), poll).toContain('"hidden1"');
    const saved = await savedText(first.page);
    await setUnits(first.app, 'hidden1', 33);
    await first.page.waitForTimeout(700); // autosave writes 400 ms after the last edit
    await startTraining(first.page);
    await crash(first.page);

    const second = await open(context);
    expect(await savedText(second.page)).toBe(saved);
    await second.app.byTestId('recover-ok').click();
    await expect.poll(() => unitsOf(second.app, 'hidden1'), poll).toBe(33);
    await trainsAndStops(second.page);
    await context.close();
  }, 90_000);

  it('after a page killed mid-autosave, the last complete autosave is offered; killed after one, the newest state', async () => {
    const context = await browser.newContext({ viewport: APP_VIEWPORT });
    await context.addInitScript(withoutFileSystemAccess);
    const first = await open(context);
    await setUnits(first.app, 'hidden1', 33);
    await first.page.waitForTimeout(700);
    // This edit is still inside autosave's 400 ms quiet time when the page dies.
    await first.app.field('units').fill('44');
    await crash(first.page);

    const second = await open(context);
    const record = await second.page.evaluate(() => localStorage.getItem('netcanvas:autosave'));
    const recorded = JSON.parse(record ?? '{}') as { document?: string };
    const doc = parseDocument(recorded.document ?? '');
    expect(doc.ok && doc.value.nodes.find((n) => n.id === 'hidden1')?.params.units).toBe(33);
    await second.app.byTestId('recover-ok').click();
    await expect.poll(() => unitsOf(second.app, 'hidden1'), poll).toBe(33);
    await setUnits(second.app, 'hidden1', 44);
    await second.page.waitForTimeout(700);
    await crash(second.page);

    const third = await open(context);
    await third.app.byTestId('recover-ok').click();
    await expect.poll(() => unitsOf(third.app, 'hidden1'), poll).toBe(44);
    await context.close();
  }, 90_000);

  it('after a page killed mid-save, the file holds the last completed save and the autosave the newest work', async () => {
    const context = await browser.newContext({ viewport: APP_VIEWPORT });
    await context.addInitScript(privateFileSystemPickers);
    const first = await open(context);
    await first.app.byTestId('cmd-save-as').click();
    await expect.poll(() => savedText(first.page), poll).toContain('"hidden1"');
    const saved = await savedText(first.page);
    await setUnits(first.app, 'hidden1', 33);
    await first.page.waitForTimeout(700);
    // Save again, and kill the page after the new text is written but before the file is closed.
    await first.page.evaluate(() => {
      (window as unknown as { __fsa: { hang: boolean } }).__fsa.hang = true;
    });
    await first.app.byTestId('cmd-save').click();
    await expect
      .poll(
        () => first.page.evaluate(() => (window as unknown as { __fsa: { writes: number } }).__fsa.writes),
        poll,
      )
      .toBe(2);
    await crash(first.page);

    const second = await open(context);
    const text = await savedText(second.page);
    expect(text).toBe(saved);
    const doc = parseDocument(text);
    expect(doc.ok && doc.value.nodes.find((n) => n.id === 'hidden1')?.params.units).toBe(5);
    await second.app.byTestId('recover-ok').click();
    await expect.poll(() => unitsOf(second.app, 'hidden1'), poll).toBe(33);
    await context.close();
  }, 90_000);

  it('ignores a damaged autosave with a message and keeps working', async () => {
    const context = await browser.newContext({ viewport: APP_VIEWPORT });
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(
          'netcanvas:autosave',
          '{"format":"netcanvas-autosave","savedAt":1,"document":"{\\"form',
        );
      }
    });
    const { page, app } = await open(context);
    await expect
      .poll(() => app.byTestId('toast').textContent(), poll)
      .toMatch(/An autosave from an earlier session could not be read \(.+\); it was not restored\./);
    expect(await app.byTestId('dialog-recover').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('netcanvas:autosave'))).toBeNull();
    await setUnits(app, 'hidden1', 12);
    await context.close();
  }, 60_000);

  it('logged no uncaught errors in the pages', () => {
    expect(errors).toEqual([]);
  });
});
