import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { LAPTOP_VIEWPORT, suiteSession } from './appSession';
import { hasChromium, warnIfNoChromium } from './browser';
import { type EditorPage, waitStatus } from './editorPage';

warnIfNoChromium('Chinese UI test');

/**
 * Latin-script words the Chinese UI may show: formula symbols and units, names of algorithms,
 * functions and formats, data sets, the product, and the node kinds' own names (the palette shows
 * them beside the Chinese titles, as the keys of the file format).
 */
const ALLOWED = new Set(
  [
    // the product, formats, backends
    'NetCanvas',
    'JSON',
    'ONNX',
    'PyTorch',
    'tf',
    'js',
    'tfjs',
    'WebGPU',
    'WebGL',
    'WASM',
    'SIMD',
    'CPU',
    'GPU',
    'float',
    'KaTeX',
    'CSV',
    'IDX',
    'PNG',
    'Esc',
    'Ctrl',
    'Shift',
    'Enter',
    'Tab',
    'Delete',
    // algorithms, activations, initializers, losses
    'Adam',
    'RMSprop',
    'ReLU',
    'relu',
    'sigmoid',
    'tanh',
    'softmax',
    'linear',
    'leaky',
    'Leaky',
    'He',
    'he',
    'Xavier',
    'xavier',
    'Glorot',
    'zeros',
    'random',
    'gd',
    'momentum',
    'adam',
    'rmsprop',
    'dropout',
    'Dropout',
    'BatchNorm',
    'Softmax',
    'exponential',
    'inverse',
    'staircase',
    'constant',
    'sqrt',
    'mse',
    'binaryCrossEntropy',
    'categoricalCrossEntropy',
    'same',
    'valid',
    'max',
    'avg',
    'mean',
    'sum',
    'log',
    'exp',
    // data sets
    'Moons',
    'moons',
    'MNIST',
    'Fashion',
    'circles',
    'spirals',
    'xor',
    'blobs',
    'noisy',
    'scaled',
    'digits',
    'generator',
    'builtin',
    'csv',
    'inline',
    'imageFolder',
    'idx',
    'splits',
    // symbols in formulas and shapes
    'm',
    'n',
    'W',
    'b',
    'x',
    'y',
    'z',
    'a',
    'J',
    'L',
    'dW',
    'db',
    'keep',
    'prob',
    'keep_prob',
    'auto',
    'm_b',
    // architectures
    'CNN',
    'LeNet',
    'MLP',
  ].map((w) => w.toLowerCase()),
);

/** Node kinds are names of the format ("Dense", "Conv2D"): the palette shows them as such. */
async function kindNames(page: Page): Promise<Set<string>> {
  const names = await page
    .locator('[data-testid^="palette-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('palette-'.length)));
  return new Set(names.map((n) => n.toLowerCase()));
}

/**
 * The Latin words in the regions the issue names (problem messages, run summary, chart legends and
 * axes, node card summaries, lesson variant names, the run list) that are not allowed. Code, formulas,
 * quoted node ids ("hidden2") and the project's own name (user data, marked data-latin-ok) are skipped.
 */
async function latinWords(page: Page, regions: string, allowed: ReadonlySet<string>): Promise<string[]> {
  const text = await page.evaluate((regions) => {
    const skip = 'code, .katex, .nc-settings-diff, .problem__node, [data-latin-ok]';
    const parts: string[] = [];
    for (const region of document.querySelectorAll(regions)) {
      const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || el.closest(skip)) continue;
        parts.push(node.textContent ?? '');
      }
    }
    return parts.join('\n');
  }, regions);
  const words = text.replace(/"[^"]*"/g, '').match(/[A-Za-z][A-Za-z_]+/g) ?? [];
  return [...new Set(words.filter((w) => !allowed.has(w.toLowerCase())))];
}

describe.skipIf(!hasChromium)('the Chinese UI', () => {
  const session = suiteSession({ viewport: LAPTOP_VIEWPORT, noFileSystemAccess: true });
  let page: Page;
  let app: EditorPage;
  let allowed: Set<string>;
  const found = new Map<string, string[]>();
  const look = async (what: string, regions: string) => {
    await page.locator(regions).first().waitFor();
    const words = await latinWords(page, regions, allowed);
    if (words.length) found.set(what, words);
  };
  beforeEach(async () => {
    ({ page, app } = session);
    allowed ??= new Set([...ALLOWED, ...(await kindNames(page))]);
  });

  it('says problems, run summaries, legends, card summaries, variant names and runs in Chinese', async () => {
    await app.viewMenu('language-zh');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await look('node card summaries', '[data-testid^="node-summary-"]');
    // React Flow's zoom controls are labelled in Chinese too (its defaults are English).
    const controls = await page
      .locator('.react-flow__controls button')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(controls.length).toBeGreaterThan(0);
    for (const label of controls) expect(label).toMatch(/[\u4e00-\u9fff]/);
    // Problems: a Dense with nothing on its input, and one whose output leads nowhere.
    await app.edgeLabel('hidden1.out->hidden2.in').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => app.byTestId('problems-list').locator('li').count()).toBeGreaterThan(1);
    await look('problem messages', '[data-testid="problems-list"] .problem__message');
    await page.keyboard.press('Control+z');
    await app.byTestId('toolbar-train').click();
    await waitStatus(page, 'done', 90_000);
    await look('run summary', '[data-testid="run-summary"]');
    await look('charts', '[data-testid^="chart-"]');
    await look('run list', '[data-testid="run-list"]');
    await app.byTestId('cmd-lessons').click();
    await look('lesson variants', '[data-testid^="preset-"]');
    await page.keyboard.press('Escape');
    expect(Object.fromEntries(found)).toEqual({});
  }, 180_000);
});
