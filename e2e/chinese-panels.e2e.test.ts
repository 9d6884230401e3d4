import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../engine/document/build';
import { serializeDocument } from '../engine/document/parse';
import { LAPTOP_VIEWPORT, suiteSession } from './appSession';
import { hasChromium, warnIfNoChromium } from './browser';
import { ALLOWED, kindNames, latinWords } from './latinWords';

warnIfNoChromium('Chinese panels test');

/**
 * A graph that is wrong in several ways at once, on the 8×8 digits: an Add of [m, 5] and [m, 8]
 * (MERGE_MISMATCH), a valid 9×9 Conv2D (KERNEL_TOO_LARGE) whose output leads nowhere (DEAD_END).
 */
const broken = sequentialDocument({
  name: '坏图',
  dataset: { source: { kind: 'builtin', name: 'digits' } },
  layers: [
    { kind: 'Flatten', id: 'flat' },
    { kind: 'Dense', id: 'd1', params: { units: 8 }, inputs: ['flat'] },
    { kind: 'Dense', id: 'd2', params: { units: 5 }, inputs: ['d1'] },
    { kind: 'Add', id: 'add', inputs: ['d2', 'd1'] },
    { kind: 'Conv2D', id: 'conv', params: { filters: 2, kernelSize: 9, padding: 'valid' }, inputs: ['data'] },
    { kind: 'Dense', id: 'out', params: { units: 10, activation: 'softmax' }, inputs: ['add'] },
  ],
  loss: { fn: 'categoricalCrossEntropy' },
});

const files = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'netcanvas-zh-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  return {
    broken: write('broken.netcanvas.json', serializeDocument(broken)),
    corrupt: write('损坏.netcanvas.json', '{\n  "format": "netcanvas"\n  "version": 1\n}\n'),
  };
})();

describe.skipIf(!hasChromium)('the Chinese UI, panel by panel', () => {
  const session = suiteSession({ viewport: LAPTOP_VIEWPORT, noFileSystemAccess: true });
  const poll = { timeout: 30_000 };

  it('says the toolbar, palette, problems, every node’s inspector and the open-file error in Chinese', async () => {
    const { page, app } = session;
    // Node ids are the user's names ("d1", "conv"), not words of the UI.
    const ids = broken.nodes.map((n) => n.id.toLowerCase());
    const allowed = new Set([...ALLOWED, ...(await kindNames(page)), ...ids]);
    const found = new Map<string, string[]>();
    const look = async (what: string, regions: string, options?: { titles: boolean }) => {
      await page.locator(regions).first().waitFor();
      const words = await latinWords(page, regions, allowed, options);
      if (words.length) found.set(what, words);
    };
    /** Opens a file through the toolbar, discarding the current graph if the app asks. */
    const open = async (path: string) => {
      const chooser = page.waitForEvent('filechooser');
      await app.byTestId('cmd-open').click();
      const discard = app.byTestId('confirm-discard');
      if (await discard.isVisible()) await discard.click();
      await (await chooser).setFiles(path);
    };

    await app.viewMenu('language-zh');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await open(files.broken);
    await expect.poll(() => app.byTestId('node-conv').count(), poll).toBe(1);
    await look('toolbar', '[data-testid="toolbar"]', { titles: true });
    await look('palette', '[data-testid="palette"]', { titles: true });
    await app.screenshot('zh-toolbar-palette');

    const problems = app.byTestId('problems-list');
    await expect.poll(() => problems.textContent(), poll).toMatch(/卷积核/);
    const text = (await problems.textContent()) ?? '';
    expect(text).toMatch(/“d2” 给出 \[m, 5\]，“d1” 给出 \[m, 8\]/);
    await look('problems', '[data-testid="problems-list"]', { titles: true });
    await app.screenshot('zh-problems');

    for (const node of broken.nodes) {
      await app.byTestId(`node-${node.id}`).click();
      await app.byTestId(`inspector-${node.id}`).waitFor();
      await look(`inspector of ${node.kind} "${node.id}"`, '[data-testid="inspector"]', { titles: true });
      if (node.id === 'conv') await app.screenshot('zh-inspector-conv');
    }

    await open(files.corrupt);
    const dialog = app.byTestId('dialog-open-failed');
    await expect.poll(() => dialog.textContent(), poll).toMatch(/第 3 行第 3 列/);
    await look('open-file error', '[data-testid="dialog-open-failed"]');
    await app.screenshot('zh-open-failed');
    await app.byTestId('dialog-close').click();
    expect(Object.fromEntries(found)).toEqual({});
  }, 120_000);
});
