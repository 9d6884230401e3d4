import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { build as buildWeb } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRESET } from '../electron/main/paths';
import { parseDocument } from '../engine/document/parse';
import { buildElectron } from '../scripts/build-electron';
import { findElectronBinary } from '../scripts/electron-binary';
import { waitStatus } from './editorPage';

const root = fileURLToPath(new URL('..', import.meta.url));
const binary = findElectronBinary(root);
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const skipReason = !binary.installed
  ? `the Electron ${binary.version} binary is missing (${binary.path}); \`npx install-electron --no\` fetches it where github.com is reachable`
  : needsDisplay
    ? 'there is no display (run the tests under xvfb-run)'
    : null;
if (skipReason) console.warn(`e2e: skipping the desktop app test: ${skipReason}.`);

describe.skipIf(skipReason !== null)('the desktop app (Electron)', () => {
  const work = mkdtempSync(join(tmpdir(), 'netcanvas-electron-'));
  const preset = join(work, 'moons-adam.netcanvas.json');
  let app: ElectronApplication;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    await buildWeb({ configFile: join(root, 'vite.config.ts'), logLevel: 'error' });
    await buildElectron(false);
    copyFileSync(join(root, DEFAULT_PRESET), preset);
    // Chromium's sandbox refuses to start as root (CI containers); a normal user keeps it.
    const asRoot = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    app = await _electron.launch({
      executablePath: binary.path,
      args: [...asRoot, root, preset],
      cwd: root,
      // A fresh data folder (recent files, autosave, window state) for every run.
      env: { ...process.env, XDG_CONFIG_HOME: join(work, 'config'), NETCANVAS_WEBGPU: '0' },
    });
    page = await app.firstWindow();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('opens one window on the app:// page, with the preload API and no Node.js in the page', async () => {
    expect(page.url()).toBe('app://netcanvas/index.html');
    const exposed = await page.evaluate(() => ({
      api: Object.keys((window as unknown as { netcanvas: object }).netcanvas).sort(),
      node: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed.api).toContain('saveProject');
    expect(exposed.node).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    // The window's web preferences themselves are pinned by electron/main/security.test.ts.
    const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    expect(windows).toBe(1);
  });

  it('trains the preset a few epochs', async () => {
    await page.getByTestId('toolbar-train').click();
    // The fast executor can finish the preset's 900 updates before "running" is ever drawn.
    await waitStatus(page, ['running', 'done']);
    // m_b 64 on 180 training examples: 3 updates an epoch; wait for 3 epochs, then stop.
    await expect
      .poll(async () => Number(await page.getByTestId('progress').getAttribute('data-updates')), {
        timeout: 60_000,
      })
      .toBeGreaterThanOrEqual(9);
    await page
      .getByTestId('stop')
      .click({ timeout: 2000 })
      .catch(() => {});
    await waitStatus(page, 'done');
  }, 120_000);

  it('saves the project through the native Save As dialog (answered by the test) atomically', async () => {
    const target = join(work, 'saved');
    // Native dialogs cannot be clicked by Playwright: main's dialog answers with the test's path.
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
    }, target);
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+Shift+S' : 'Control+Shift+S');
    const saved = `${target}.netcanvas.json`;
    await expect.poll(() => existsSync(saved), { timeout: 20_000 }).toBe(true);
    const doc = parseDocument(readFileSync(saved, 'utf8'));
    expect(doc.ok).toBe(true);
    expect(errors).toEqual([]);
  });
});
