import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode as encodePng } from 'fast-png';
import { encode as encodeJpeg } from 'jpeg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { folderSizeProblem, loadImageFolder, planFolder } from './image-folder.js';
import { decodeImage } from './images.js';
import { MAX_DATA_VALUES } from './limits.js';
import { loadDataset } from './sources.js';
import type { DataFileReader } from './types.js';

/** Reads files under `root` with node:fs (the CLI's reader adds the path checks). */
const fsReader = (root: string): DataFileReader => ({
  readText: (path) => readFile(join(root, path), 'utf8'),
  readBytes: async (path) => new Uint8Array(await readFile(join(root, path))),
  listFolder: async (path) =>
    (await readdir(join(root, path), { withFileTypes: true })).map((e) => ({
      name: e.name,
      kind: e.isDirectory() ? ('folder' as const) : ('file' as const),
    })),
});

/** A w×h JPEG of one colour. */
function solidJpeg(w: number, h: number, rgb: [number, number, number]): Uint8Array {
  const data = new Uint8Array(w * h * 4);
  for (let p = 0; p < w * h; p++) data.set([...rgb, 255], 4 * p);
  return new Uint8Array(encodeJpeg({ data, width: w, height: h }, 95).data);
}

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'netcanvas-images-'));
  await mkdir(join(root, 'shoes', 'boot'), { recursive: true });
  await mkdir(join(root, 'shoes', 'sandal'), { recursive: true });
  await mkdir(join(root, 'shoes', '.thumbnails'), { recursive: true });
  // boot/a.png: 2×2 grey, 8 bits: 0, 51, 102, 255.
  await writeFile(
    join(root, 'shoes/boot/a.png'),
    encodePng({ width: 2, height: 2, channels: 1, depth: 8, data: Uint8Array.from([0, 51, 102, 255]) }),
  );
  // boot/b.JPG: 8×8 of RGB (200, 100, 50).
  await writeFile(join(root, 'shoes/boot/b.JPG'), solidJpeg(8, 8, [200, 100, 50]));
  // sandal/c.png: 2×1 RGBA, 16 bits: white opaque, black transparent.
  await writeFile(
    join(root, 'shoes/sandal/c.png'),
    encodePng({
      width: 2,
      height: 1,
      channels: 4,
      depth: 16,
      data: Uint16Array.from([65535, 65535, 65535, 65535, 0, 0, 0, 0]),
    }),
  );
  await writeFile(join(root, 'shoes/sandal/notes.txt'), 'not an image, passed over');
  await writeFile(join(root, 'shoes/.DS_Store'), 'hidden');
  await mkdir(join(root, 'broken', 'cat'), { recursive: true });
  await writeFile(
    join(root, 'broken/cat/ok.png'),
    encodePng({ width: 1, height: 1, channels: 1, depth: 8, data: Uint8Array.from([9]) }),
  );
  await writeFile(join(root, 'broken/cat/junk.png'), 'not an image');
  const good = encodePng({ width: 4, height: 4, channels: 3, depth: 8, data: new Uint8Array(48).fill(7) });
  await writeFile(join(root, 'broken/cat/cut.png'), good.subarray(0, good.length - 20));
});

const rounded = (a: ArrayLike<number>, digits = 4) => Array.from(a, (v) => +v.toFixed(digits));

describe('a folder of class-named subfolders of images', () => {
  it('reads classes from the subfolder names, sorted, and images by name, passing over other files', async () => {
    const loaded = await loadImageFolder(fsReader(root), { path: 'shoes', width: 1, height: 1, channels: 1 });
    if (!loaded.ok) throw new Error(loaded.messages.join('\n'));
    const d = loaded.value;
    expect([d.m, d.features, d.classes, d.classNames, d.imageShape]).toEqual([
      3,
      1,
      2,
      ['boot', 'sandal'],
      [1, 1, 1],
    ]);
    expect(Array.from(d.y)).toEqual([0, 0, 1]);
    // a.png 2×2 → 1×1: (0 + 51 + 102 + 255)/4/255 = 0.4.
    // b.JPG grey: 0.299·200 + 0.587·100 + 0.114·50 = 124.2 → 0.487 (JPEG rounds by a level or two).
    // c.png: white and black (alpha dropped) → 0.5.
    expect(rounded(d.x, 4)[0]).toBe(0.4);
    expect(Math.abs((d.x[1] as number) - 124.2 / 255)).toBeLessThan(3 / 255);
    expect(rounded(d.x, 4)[2]).toBe(0.5);
  });

  it('makes RGB images of width × height × 3, channels last', async () => {
    const loaded = await loadImageFolder(fsReader(root), { path: 'shoes', width: 2, height: 1, channels: 3 });
    if (!loaded.ok) throw new Error(loaded.messages.join('\n'));
    const d = loaded.value;
    expect([d.features, d.imageShape]).toEqual([6, [1, 2, 3]]);
    // a.png rows [0, 51] and [102, 255] averaged down the columns: (0 + 102)/2 = 51 → 0.2, (51 + 255)/2 = 153 → 0.6; grey repeated.
    expect(rounded(d.x.subarray(0, 6))).toEqual([0.2, 0.2, 0.2, 0.6, 0.6, 0.6]);
    // c.png is 2×1 already: white then black.
    expect(rounded(d.x.subarray(12, 18))).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it('names every unreadable or corrupt image and loads nothing', async () => {
    const loaded = await loadDataset({ kind: 'imageFolder', path: 'broken' }, 'data', fsReader(root));
    expect(loaded.ok).toBe(false);
    const messages = loaded.problems.map((p) => p.message);
    expect(messages[0]).toMatch(/^'broken\/cat\/cut\.png' cannot be read as a PNG image: /);
    expect(messages[1]).toBe(
      "'broken/cat/junk.png' is not a PNG or JPEG image (it starts with 6e 6f 74 20).",
    );
    expect(messages).toHaveLength(2);
    expect(
      loaded.problems.every((p) => p.code === 'DATASET' && p.path === 'source' && p.nodeId === 'data'),
    ).toBe(true);
  });

  it('says what is wrong with a folder without class subfolders, an empty class, or a missing folder', async () => {
    expect(planFolder('pics', [{ name: 'a.png', kind: 'file' }], new Map())).toEqual({
      ok: false,
      messages: [
        "'pics' has no subfolders: put each class's images in a subfolder named after the class (pics/cat/1.png, pics/dog/2.png, …).",
      ],
    });
    const empty = planFolder(
      'pics',
      [{ name: 'cat', kind: 'folder' }],
      new Map([['cat', [{ name: 'x.gif', kind: 'file' }]]]),
    );
    expect(empty).toEqual({ ok: false, messages: ["'pics/cat' has no PNG or JPEG images."] });
    const missing = await loadImageFolder(fsReader(root), {
      path: 'nowhere',
      width: 2,
      height: 2,
      channels: 1,
    });
    expect(missing.ok === false && missing.messages[0]).toMatch(/^Cannot read the folder 'nowhere': ENOENT/);
  });

  it('refuses more than 100,000 images, or more values than the data limit, with the numbers', () => {
    const plan = {
      classes: ['a'],
      images: Array.from({ length: 100_001 }, (_, i) => ({ path: `p/a/${i}.png`, label: 0 })),
    };
    const source = { path: 'p', width: 28, height: 28, channels: 1 as const };
    expect(folderSizeProblem('p', plan, source)).toBe(
      "'p' holds 100,001 images; NetCanvas reads at most 100,000 from image folders.",
    );
    // 90,000 images × 32·32·3 = 3,072 values = 276,480,000 > 67,108,864.
    const big = { classes: ['a'], images: plan.images.slice(0, 90_000) };
    expect(folderSizeProblem('p', big, { ...source, width: 32, height: 32, channels: 3 })).toBe(
      "'p' (90,000 images of 32 × 32 × 3) would hold 90,000 × 3,072 = 276,480,000 values; NetCanvas holds at most 67,108,864 (256 MiB as float32). Use fewer examples, or smaller images.",
    );
    expect(folderSizeProblem('p', big, { ...source, width: 16, height: 16 }, MAX_DATA_VALUES)).toBeNull();
  });
});

describe('decoding', () => {
  it('reads palette and 1-bit PNGs as the colours they show', () => {
    // A 1-bit grey PNG, 3 pixels wide: bits 1 0 1 packed in one byte 0b1010_0000.
    const oneBit = encodePng({
      width: 3,
      height: 1,
      channels: 1,
      depth: 1,
      data: Uint8Array.from([0b1010_0000]),
    });
    const decoded = decodeImage(oneBit);
    expect(decoded.ok && rounded(decoded.value.pixels)).toEqual([1, 0, 1]);
    // Palette entries 0 = red, 1 = blue; pixels 1, 0 → blue, red.
    const palette = encodePng({
      width: 2,
      height: 1,
      channels: 1,
      depth: 8,
      data: Uint8Array.from([1, 0]),
      palette: [
        [255, 0, 0],
        [0, 0, 255],
      ],
    });
    const colours = decodeImage(palette);
    expect(colours.ok && [colours.value.channels, rounded(colours.value.pixels)]).toEqual([
      3,
      [0, 0, 1, 1, 0, 0],
    ]);
  });
});
