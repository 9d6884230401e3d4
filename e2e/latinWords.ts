import type { Page } from 'playwright-core';

/**
 * Latin-script words the Chinese UI may show: formula symbols and units, names of algorithms,
 * functions and formats, data sets, the product, and the node kinds' own names (the palette shows
 * them beside the Chinese titles, as the keys of the file format).
 */
export const ALLOWED = new Set(
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
    'JPEG',
    'Alt',
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
    'leakyRelu',
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
    'L1',
    'L2',
    // port names, the keys of edges in the file format (the cards' handles and Add's input list)
    'in',
    'out',
    'pred',
    'n_c',
    'xW',
    // architectures
    'CNN',
    'LeNet',
    'MLP',
  ].map((w) => w.toLowerCase()),
);

/** Node kinds are names of the format ("Dense", "Conv2D"): the palette shows them as such. */
export async function kindNames(page: Page): Promise<Set<string>> {
  const names = await page
    .locator('[data-testid^="palette-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('palette-'.length)));
  return new Set(names.map((n) => n.toLowerCase()));
}

/**
 * The Latin words in the regions the issue names (problem messages, run summary, chart legends and
 * axes, node card summaries, lesson variant names, the run list) that are not allowed. Code, formulas,
 * quoted node ids ("hidden2") and the project's own name (user data, marked data-latin-ok) are skipped;
 * with `titles`, the regions' tooltips are read too.
 */
export async function latinWords(
  page: Page,
  regions: string,
  allowed: ReadonlySet<string>,
  { titles = false } = {},
): Promise<string[]> {
  const text = await page.evaluate(
    ({ regions, titles }) => {
      const skip = 'code, .katex, .nc-settings-diff, .problem__node, [data-latin-ok]';
      const parts: string[] = [];
      for (const region of document.querySelectorAll(regions)) {
        const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const el = node.parentElement;
          if (!el || el.closest(skip)) continue;
          parts.push(node.textContent ?? '');
        }
        // Tooltips (a field's description) when asked: the title attributes inside the region.
        if (titles)
          for (const el of region.querySelectorAll('[title]')) parts.push(el.getAttribute('title') ?? '');
      }
      return parts.join('\n');
    },
    { regions, titles },
  );
  const words = text.replace(/"[^"]*"/g, '').match(/[A-Za-z][A-Za-z0-9_]+/g) ?? [];
  return [...new Set(words.filter((w) => !allowed.has(w.toLowerCase())))];
}
