import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppSession, openAppSession } from './appSession';
import { hasChromium, warnIfNoChromium } from './browser';
import { type EditorPage, waitStatus } from './editorPage';

warnIfNoChromium('saved-runs tests');

describe.skipIf(!hasChromium)('runs saved with the project (Chromium)', () => {
  let session: AppSession | undefined;
  let page: Page;
  let app: EditorPage;
  let errors: string[] = [];

  beforeAll(async () => {
    session = await openAppSession({ noFileSystemAccess: true });
    ({ page, app, errors } = session);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('saves a finished run with the project and shows it again, read-only, after reopening', async () => {
    await app.byTestId('toolbar-train').click();
    await waitStatus(page, 'done', 45_000);
    const saved = await app.saveAs();
    const file = JSON.parse(saved.text) as { runs: { label: string; epochs: { epoch: number[] } }[] };
    expect(file.runs).toHaveLength(1);
    expect(file.runs[0]!.label).toBe('Run 1');
    // 300 epochs: every one kept (≤ 500 points).
    expect(file.runs[0]!.epochs.epoch).toHaveLength(300);
    expect(saved.text).toContain('"neurons":');

    const path = join(mkdtempSync(join(tmpdir(), 'netcanvas-runs-')), saved.name);
    writeFileSync(path, saved.text);
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    expect(await app.byTestId('run-list').count()).toBe(0);
    await app.openFile(path);
    await app.byTestId('saved-Run 1').waitFor();
    expect(await app.byTestId('run-summary').getAttribute('data-reason')).toBe('epochs');
    expect(await app.byTestId('progress').getAttribute('data-updates')).toBe('500');
    expect(await app.byTestId('chart-epoch-cost').locator('canvas').count()).toBeGreaterThan(0);
    // The hidden layer's neuron pictures come back from the file (8-bit, 32 × 32) onto its card.
    const pictures = app.byTestId('neurons-hidden1').getByTestId('neuron');
    await expect.poll(() => pictures.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => pictures.first().getAttribute('data-t')).not.toBe('-1');
    await app.screenshot('saved-run');
    // It replays: scrubbing marks t on the cost chart and reads that epoch's metrics (3 updates an epoch).
    await app.setRange('replay-slider', 300);
    expect(await app.byTestId('replay-at').getAttribute('data-t')).toBe('300');
    expect(await app.byTestId('replay-at').getAttribute('data-epoch')).toBe('100');
    await expect.poll(() => app.byTestId('chart-cost').getAttribute('data-marker')).toBe('300');
    expect(await app.byTestId('replay-metrics').textContent()).toMatch(/train cost \d\.\d{4}/);

    // A new run is numbered after the saved one, and both are saved again.
    await app.byTestId('toolbar-train').click();
    await waitStatus(page, 'done', 45_000);
    expect(await app.byTestId('run-list').textContent()).toContain('Run 2');
    const again = JSON.parse((await app.saveAs()).text) as { runs: { label: string }[] };
    expect(again.runs.map((r) => r.label)).toEqual(['Run 1', 'Run 2']);
    expect(errors).toEqual([]);
  }, 60_000);
});
