import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode as encodePng } from 'fast-png';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialDocument } from '../engine/document/build';
import { serializeDocument } from '../engine/document/parse';
import { type AppSession, openAppSession } from './appSession';
import { hasChromium, warnIfNoChromium } from './browser';
import { type EditorPage, waitStatus } from './editorPage';

warnIfNoChromium('data opening tests');
const fashionInstalled = existsSync('/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz');

/** A softmax classifier of `classes` classes on the data a test opens. */
function classifierDocument(name: string, source: unknown, classes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'netcanvas-data-e2e-'));
  const path = join(dir, `${name}.netcanvas.json`);
  const doc = sequentialDocument({
    name,
    dataset: { source, split: { dev: 0.25, test: 0 } },
    layers: [
      { kind: 'Dense', id: 'hidden', params: { units: 16 } },
      { kind: 'Dense', id: 'output', params: { units: classes, activation: 'linear' } },
      { kind: 'Softmax' },
    ],
    loss: { fn: 'categoricalCrossEntropy' },
    optimizer: { algorithm: 'adam', learningRate: 0.01 },
    training: { batchSize: 8, epochs: 2 },
  });
  writeFileSync(path, serializeDocument(doc));
  return path;
}

/** A folder 'pictures' of two classes, 6 grey 4×4 PNGs each. */
function imageFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'netcanvas-pictures-'));
  for (const [label, level] of [
    ['dark', 30],
    ['light', 220],
  ] as const) {
    mkdirSync(join(root, 'pictures', label), { recursive: true });
    for (let i = 0; i < 6; i++) {
      const data = new Uint8Array(16).fill(level + i);
      writeFileSync(
        join(root, 'pictures', label, `${i}.png`),
        encodePng({ width: 4, height: 4, channels: 1, depth: 8, data }),
      );
    }
  }
  return join(root, 'pictures');
}

/** The summary table's m of one split. */
const summaryM = async (page: Page, split: string) =>
  Number(
    await page
      .getByTestId('run-summary')
      .locator('tr', { hasText: split })
      .locator('td')
      .last()
      .textContent(),
  );

describe.skipIf(!hasChromium)('opening data in the app (Chromium)', () => {
  let session: AppSession | undefined;
  let page: Page;
  let app: EditorPage;

  beforeAll(async () => {
    session = await openAppSession({ noFileSystemAccess: true });
    ({ page, app } = session);
    // Without the File System Access pickers, Open folder takes the <input webkitdirectory> path.
    await page.addInitScript(() => {
      delete (window as unknown as Record<string, unknown>).showDirectoryPicker;
    });
    await page.reload();
    await app.node('data').waitFor();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('opens a folder of class subfolders from the Dataset inspector and trains on it', async () => {
    await app.openFile(classifierDocument('pictures', { kind: 'generator', name: 'moons' }, 2));
    await app.node('data').click();
    const chooser = page.waitForEvent('filechooser');
    await app.byTestId('data-source-folder').click();
    await (await chooser).setFiles(imageFolder());
    await expect.poll(() => app.summary('data').textContent()).toContain('images pictures');
    await app.screenshot('data-image-folder');
    await page.getByTestId('toolbar-train').click();
    await waitStatus(page, 'done', 90_000);
    // 12 images, dev 25 % = 3, train 9; no test.
    expect(await summaryM(page, 'train')).toBe(9);
    expect(await summaryM(page, 'dev')).toBe(3);
    expect(session?.errors).toEqual([]);
  }, 120_000);

  it('opens a CSV file (read by papaparse in the worker) and trains on it; a bad cell names its line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netcanvas-csv-'));
    // 40 rows, CRLF line ends and a quoted label: dev 25 % = 10, train 30.
    const rows = Array.from({ length: 40 }, (_, i) => `${i % 7},${(i * 3) % 5},"${i % 2 ? 'b' : 'a'}"`);
    const good = join(dir, 'points.csv');
    writeFileSync(good, `x1,x2,label\r\n${rows.join('\r\n')}\r\n`);
    const bad = join(dir, 'broken.csv');
    writeFileSync(bad, `x1,x2,label\n1,2,a\n3,oops,b\n`);
    await app.openFile(classifierDocument('points', { kind: 'generator', name: 'moons' }, 2), {
      confirmDiscard: true,
    });
    const open = async (path: string) => {
      await app.node('data').click();
      const chooser = page.waitForEvent('filechooser');
      await app.byTestId('data-source-files').click();
      await (await chooser).setFiles(path);
    };
    await open(bad);
    await page.getByTestId('toolbar-train').click();
    const problems = page.getByTestId('train-problems');
    await problems.waitFor({ timeout: 30_000 });
    expect(await problems.textContent()).toContain("line 3, column 2 ('x2'): 'oops' is not a number.");
    // The good file last, so the next test starts from a finished run with no problems on screen.
    await open(good);
    await page.getByTestId('toolbar-train').click();
    await waitStatus(page, 'done', 90_000);
    expect(await summaryM(page, 'train')).toBe(30);
    expect(await summaryM(page, 'dev')).toBe(10);
  }, 120_000);

  it('says on the Dataset node how to install Fashion-MNIST where the server does not have it', async () => {
    await page.route('**/datasets/**', (route) => route.fulfill({ status: 404, body: 'not here' }));
    const fashion = classifierDocument('fashion', { kind: 'builtin', name: 'fashion-mnist', limit: 400 }, 10);
    // The folder opened above changed the project: Open asks before discarding it.
    await app.openFile(fashion, { confirmDiscard: true });
    await page.getByTestId('toolbar-train').click();
    const problems = page.getByTestId('train-problems');
    await problems.waitFor({ timeout: 30_000 });
    expect(await problems.textContent()).toContain(
      'data Fashion-MNIST is not installed: `sudo apt install dataset-fashion-mnist`, or open its IDX files.',
    );
    await page.unroute('**/datasets/**');
  }, 60_000);

  it.skipIf(!fashionInstalled)(
    'trains on Fashion-MNIST read from the web server, its 10,000 test images as the test set',
    async () => {
      // The same document as above; now the server has the files (asked again at this run).
      await page.getByTestId('toolbar-train').click();
      // limit 400: dev 25 % = 100, train 300; the test set is Fashion-MNIST's own 10,000.
      await expect.poll(() => summaryM(page, 'train'), { timeout: 90_000 }).toBe(300);
      expect(await summaryM(page, 'test')).toBe(10_000);
    },
    120_000,
  );
});
