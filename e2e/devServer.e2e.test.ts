import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_ARGS, CHROMIUM, hasChromium, warnIfNoChromium } from './browser';
import { EditorPage, waitStatus } from './editorPage';
import { freePort } from './server';

warnIfNoChromium('dev server test');

const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

describe.skipIf(!hasChromium)('the dev server (npm run web)', () => {
  let server: ViteDevServer;
  let browser: Browser;
  // A cold dependency cache, as on a first `npm run web`: the case that reloaded the page.
  const cacheDir = mkdtempSync(join(tmpdir(), 'netcanvas-vite-cache-'));

  beforeAll(async () => {
    const port = await freePort();
    server = await createServer({
      configFile,
      cacheDir,
      logLevel: 'error',
      server: { host: '127.0.0.1', port, strictPort: true },
    });
    await server.listen();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS, headless: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('trains on the first Train without reloading the page (the worker’s dependencies are pre-bundled)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    let loads = 0;
    page.on('load', () => {
      loads += 1;
    });
    const app = new EditorPage(page);
    await page.goto(`http://127.0.0.1:${server.config.server.port}/`, { timeout: 120_000 });
    await page.locator('.react-flow__node').first().waitFor({ timeout: 120_000 });
    await page.evaluate(() => {
      (window as unknown as { __sameLoad: boolean }).__sameLoad = true;
    });
    const before = loads;
    await app.byTestId('toolbar-train').click();
    await waitStatus(page, 'done', 150_000);
    expect(loads).toBe(before);
    expect(await page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad)).toBe(true);
  }, 300_000);
});
