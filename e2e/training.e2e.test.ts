import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialDocument } from '../engine/document/build';
import { serializeDocument } from '../engine/document/parse';
import { APP_VIEWPORT, type AppSession, openAppSession } from './appSession';
import {
  BROWSER_ARGS,
  CHROMIUM,
  hasChromium,
  WEBGPU_ARGS,
  warnIfNoChromium,
  withoutFileSystemAccess,
} from './browser';
import { EditorPage, SCREENSHOTS, waitStatus } from './editorPage';
import { serveRenderer } from './server';

warnIfNoChromium('training tests');

/** Two small variants of one lesson, for comparing runs. */
function writeLesson(): { gd: string; adam: string } {
  const dir = mkdtempSync(join(tmpdir(), 'netcanvas-training-'));
  const spec = (algorithm: string) =>
    sequentialDocument({
      name: `Moons — ${algorithm}`,
      dataset: { source: { kind: 'generator', name: 'moons', n: 200, noise: 0.2 } },
      layers: [
        { kind: 'Dense', id: 'hidden1', params: { units: 8 } },
        { kind: 'Dense', id: 'output', params: { units: 1, activation: 'sigmoid' } },
      ],
      optimizer: { algorithm, learningRate: 0.01 },
      training: { batchSize: 32, epochs: 20 },
    });
  const gd = join(dir, 'gd.netcanvas.json');
  const adam = join(dir, 'adam.netcanvas.json');
  writeFileSync(gd, serializeDocument(spec('gd')));
  writeFileSync(adam, serializeDocument(spec('adam')));
  return { gd, adam };
}

const progress = (page: Page) => page.getByTestId('progress');
const updates = async (page: Page) => Number(await progress(page).getAttribute('data-updates'));

describe.skipIf(!hasChromium)('training in the app (Chromium)', () => {
  let session: AppSession | undefined;
  let page: Page;
  let app: EditorPage;
  let errors: string[] = [];
  const lesson = writeLesson();

  beforeAll(async () => {
    session = await openAppSession({ noFileSystemAccess: true });
    ({ page, app, errors } = session);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('trains the preset to the end: update costs, smoothed line, epoch charts, boundary, summary with verdict', async () => {
    await page.getByTestId('toolbar-train').click();
    // "Automatic" picks the fast executor here, which may finish 900 updates before "running" is drawn.
    await waitStatus(page, ['running', 'done']);
    // Within a second of pressing Train the per-update cost is on the chart.
    await expect.poll(() => updates(page), { timeout: 5000 }).toBeGreaterThan(0);
    await waitStatus(page, 'done', 90_000);
    // The preset: m = 180, m_b = 64 → 3 updates an epoch, 300 epochs.
    expect(await updates(page)).toBe(900);
    await expect.poll(() => page.getByTestId('chart-cost').locator('canvas').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('chart-cost').locator('.u-legend').textContent()).toContain(
      'smoothed (β = 0.9)',
    );
    expect(await page.getByTestId('oscillation').textContent()).toMatch(/= 0\.\d{4}/);
    for (const id of ['chart-epoch-cost', 'chart-epoch-accuracy', 'chart-lr']) {
      expect(await page.getByTestId(id).locator('canvas').count(), id).toBeGreaterThan(0);
    }
    expect(Number(await page.getByTestId('boundary').getAttribute('data-boundary-t'))).toBeGreaterThan(0);
    const summary = page.getByTestId('run-summary');
    expect(await summary.getAttribute('data-reason')).toBe('epochs');
    expect(await page.getByTestId('verdict').getAttribute('data-kind')).toMatch(
      /high-bias|high-variance|both|neither/,
    );
    // "Automatic" timed the fast executor and the backends on this graph; a dense net on a CPU-only
    // machine trains fastest on the fast float32 executor, and the tooltip lists what was measured.
    const status = page.getByTestId('backend-status');
    expect(await status.textContent()).toMatch(/fast float32|wasm|webgl|webgpu|cpu/);
    expect(await status.getAttribute('title')).toMatch(/Measured: .*ms\/update/);
    // The app is served cross-origin isolated (vite.config.ts), so the fast executor has shared
    // memory for its second thread and says so.
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    if (/fast/.test((await status.textContent()) ?? ''))
      expect(await status.getAttribute('title')).toContain('large matrix products on 2 threads');
    await page.screenshot({ path: join(SCREENSHOTS, 'training-done.png') });
    expect(errors).toEqual([]);
  }, 120_000);

  it('exports the trained run as tf.js layers files and as ONNX (downloads in the browser)', async () => {
    await page.getByTestId('export-format').selectOption('tfjs');
    const names: string[] = [];
    const texts: Record<string, string> = {};
    page.on('download', async (d) => {
      names.push(d.suggestedFilename());
      const path = await d.path();
      if (path) texts[d.suggestedFilename()] = readFileSync(path, 'latin1');
    });
    await page.getByTestId('export').click();
    await expect.poll(() => names.length, { timeout: 20_000 }).toBe(2);
    expect(names.sort()).toEqual(['model.json', 'weights.bin']);
    await expect.poll(() => Object.keys(texts).length, { timeout: 10_000 }).toBe(2);
    expect(JSON.parse(texts['model.json'] as string)).toMatchObject({ format: 'layers-model' });
    await page.getByTestId('export-format').selectOption('onnx');
    await page.getByTestId('export').click();
    await expect.poll(() => names.length, { timeout: 20_000 }).toBe(3);
    expect(names).toContain('model.onnx');
    // The file the browser build wrote (onnx-proto and protobufjs bundled by Vite) runs in onnxruntime.
    await expect.poll(() => texts['model.onnx'] !== undefined, { timeout: 10_000 }).toBe(true);
    const session = await ort.InferenceSession.create(Buffer.from(texts['model.onnx'] as string, 'latin1'));
    expect([session.inputNames, session.outputNames]).toEqual([['input'], ['output']]);
    await session.release();
  }, 60_000);

  it('pauses, resumes, takes a live learning rate, and stops', async () => {
    // tf.js on WASM: slow enough (~1.5 s for the preset) to pause mid-run.
    await page.getByTestId('backend-choice').selectOption('wasm');
    await page.getByTestId('toolbar-train').click();
    await waitStatus(page, 'running');
    await expect.poll(() => updates(page), { timeout: 10_000 }).toBeGreaterThan(30);
    await page.getByTestId('pause').click();
    await waitStatus(page, 'paused');
    await page.waitForTimeout(300);
    const before = await updates(page);
    await page.waitForTimeout(700);
    expect(await updates(page)).toBe(before);
    await page.getByTestId('live-alpha').fill('0.05');
    await page.getByTestId('set-alpha').click();
    await page.getByTestId('resume').click();
    await waitStatus(page, 'running');
    await expect
      .poll(async () => Number(await progress(page).getAttribute('data-last-lr')), { timeout: 10_000 })
      .toBe(0.05);
    await page.getByTestId('stop').click();
    await waitStatus(page, 'done');
    expect(await page.getByTestId('run-summary').getAttribute('data-reason')).toBe('stopped');
  }, 120_000);

  it('compares two runs: overlaid curves and the settings that differ', async () => {
    await app.openFile(lesson.gd);
    await page.getByTestId('toolbar-train').click();
    await waitStatus(page, 'done');
    await app.openFile(lesson.adam);
    await page.getByTestId('toolbar-train').click();
    await waitStatus(page, 'done');
    const runs = await page.getByTestId('run-list').locator('li').count();
    await page.getByTestId(`compare-Run ${runs - 1}`).check();
    const diff = page.getByTestId('settings-diff');
    await expect.poll(() => diff.textContent()).toContain('optimizer.algorithm');
    expect(await diff.textContent()).toContain('"adam"');
    expect(await page.getByTestId('chart-cost').locator('.u-legend').textContent()).toContain(
      `Run ${runs - 1}`,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'training-compare.png') });
  }, 120_000);

  it('trains on the backend the user forces (CPU)', async () => {
    await page.getByTestId('backend-choice').selectOption('cpu');
    await page.getByTestId('toolbar-train').click();
    await waitStatus(page, 'done');
    expect(await page.getByTestId('backend-status').textContent()).toContain('cpu');
  }, 120_000);
});

describe.skipIf(!hasChromium)('WebGPU through SwiftShader', () => {
  it('trains a few updates on WebGPU whose costs match the CPU backend within float32 tolerance', async () => {
    const server = await serveRenderer();
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...BROWSER_ARGS, ...WEBGPU_ARGS],
      headless: true,
    });
    try {
      const page = await browser.newPage({ viewport: APP_VIEWPORT });
      await page.addInitScript(withoutFileSystemAccess);
      const app = new EditorPage(page);
      await app.goto(server.url);
      const hasGpu = await page.evaluate(async () =>
        Boolean(
          await (
            navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }
          ).gpu?.requestAdapter(),
        ),
      );
      if (!hasGpu) {
        console.warn('e2e: no WebGPU adapter even with SwiftShader flags; skipping the WebGPU comparison.');
        return;
      }
      const { gd } = writeLesson();
      await app.openFile(gd);
      const firstCost = async (backend: string) => {
        await page.getByTestId('backend-choice').selectOption(backend);
        await page.getByTestId('toolbar-train').click();
        // The previous run's progress stays on screen until the new run reports its backend:
        // wait for that first, or the update count read below can be the old run's.
        const backendStatus = page.getByTestId('backend-status');
        await expect.poll(() => backendStatus.textContent(), { timeout: 60_000 }).toContain(backend);
        await expect.poll(() => updates(page), { timeout: 60_000 }).toBeGreaterThan(2);
        const cost = Number(await progress(page).getAttribute('data-first-cost'));
        const status = await backendStatus.textContent();
        await page
          .getByTestId('toolbar-stop')
          .click()
          .catch(() => {});
        await page.waitForSelector('[data-testid="training-panel"][data-status="done"]', { timeout: 60_000 });
        return { cost, status };
      };
      const cpu = await firstCost('cpu');
      const gpu = await firstCost('webgpu');
      expect(gpu.status).toContain('webgpu');
      // Same seed, same first mini-batch: J at the initial weights agrees to float32 rounding.
      expect(Math.abs(gpu.cost - cpu.cost)).toBeLessThan(1e-5 * Math.max(1, cpu.cost));
    } finally {
      await browser.close();
      await server.close();
    }
  }, 180_000);
});
