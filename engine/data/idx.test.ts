import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gunzipIfNeeded } from './gzip.js';
import { imagesLayout, labelsOf, parseIdx } from './idx.js';
import { idxDataset } from './idx-data.js';
import { idxFile } from './testing.js';

const idx = idxFile;

/** Three 2×2 images with pixels 0, 51, 102, 255 (image i has i added to its first pixel) and labels 2, 0, 1. */
const images = idx(0x08, [3, 2, 2], [0, 51, 102, 255, 1, 51, 102, 255, 2, 51, 102, 255]);
const labels = idx(0x08, [3], [2, 0, 1]);

const messages = (o: { ok: boolean; messages?: string[] }) => (o.ok ? [] : (o.messages ?? []));

describe('IDX files', () => {
  it('reads the header: type, dimensions and a view of the values', () => {
    const parsed = parseIdx(images);
    expect(parsed.ok && parsed.value.dims).toEqual([3, 2, 2]);
    expect(parsed.ok && parsed.value.type).toBe(0x08);
    // 4 + 3·4 = 16 header bytes, then 12 pixels.
    expect(parsed.ok && Array.from(parsed.value.data.subarray(0, 4))).toEqual([0, 51, 102, 255]);
  });

  it('refuses a file that does not start with two zero bytes, or has an unknown type code', () => {
    expect(messages(parseIdx(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0])))).toEqual([
      'is not an IDX file: it starts with 0x50 0x4b, not 0x00 0x00.',
    ]);
    expect(messages(parseIdx(Uint8Array.from([0, 0, 0x07, 1, 0, 0, 0, 0])))).toEqual([
      "is not an IDX file: its type code 0x07 is none of IDX's.",
    ]);
    expect(messages(parseIdx(Uint8Array.from([0, 0])))).toEqual([
      'is too short to be an IDX file (2 bytes).',
    ]);
  });

  it('says a truncated file is cut short, with the bytes it needs and has', () => {
    // 3 × 2 × 2 bytes = 12 after the 16-byte header; cut after 5 of them.
    expect(messages(parseIdx(images.subarray(0, 21)))).toEqual([
      'is cut short: 3 × 2 × 2 unsigned byte values need 12 bytes after the header, but the file has 5 (was the download interrupted?).',
    ]);
    // A header of 4 + 3·4 = 16 bytes cut at 10.
    expect(messages(parseIdx(images.subarray(0, 10)))).toEqual([
      'is cut short: its header needs 16 bytes, but the file has 10.',
    ]);
  });

  it('refuses bytes after the declared values', () => {
    const longer = new Uint8Array(images.length + 3);
    longer.set(images);
    expect(messages(parseIdx(longer))).toEqual([
      'has 3 bytes after its 3 × 2 × 2 values; it is not one IDX file.',
    ]);
  });

  it('tells images from labels by their dimensions and types', () => {
    const i = parseIdx(images);
    const l = parseIdx(labels);
    if (!i.ok || !l.ok) throw new Error('expected both to parse');
    expect(imagesLayout(i.value)).toEqual({
      ok: true,
      value: { count: 3, features: 4, imageShape: [2, 2, 1] },
    });
    expect(messages(imagesLayout(l.value))[0]).toMatch(/^has 1 dimension \(3\); an images file has 3/);
    expect(messages(labelsOf(i.value))[0]).toBe(
      'is not a labels file: labels are one dimension of unsigned bytes (type 0x08), but it has 3 × 2 × 2 unsigned byte values.',
    );
    const floats = parseIdx(idx(0x0d, [1, 1, 1], [0, 0, 0, 0]));
    expect(floats.ok && messages(imagesLayout(floats.value))).toEqual([
      'holds float32 values; NetCanvas reads images of unsigned bytes (type 0x08).',
    ]);
  });
});

describe('gzip', () => {
  it('unpacks what fflate packed, byte for byte, and passes plain bytes through', () => {
    const packed = gzipSync(images);
    expect(packed[0]).toBe(0x1f);
    const unpacked = gunzipIfNeeded(packed);
    expect(unpacked.ok && Array.from(unpacked.value)).toEqual(Array.from(images));
    expect(gunzipIfNeeded(images)).toEqual({ ok: true, value: images });
  });

  it('refuses damaged gzip data and contents above the limit before unpacking', () => {
    const packed = gzipSync(images);
    const damaged = packed.slice();
    damaged.fill(0xff, 10, packed.length - 8);
    expect(messages(gunzipIfNeeded(damaged))[0]).toMatch(/^is a damaged gzip file/);
    // The trailer says 28 bytes unpacked (16 header + 12 pixels); a limit of 20 refuses it.
    expect(messages(gunzipIfNeeded(packed, 20))).toEqual([
      'unpacks to 28 bytes; NetCanvas unpacks at most 1 MiB from one file.',
    ]);
  });
});

describe('an IDX images file and its labels as a data set', () => {
  it('scales pixels to [0, 1], keeps the image shape and numbers classes by the largest label', () => {
    const data = idxDataset({ name: 'i.gz', bytes: gzipSync(images) }, { name: 'l', bytes: labels });
    if (!data.ok) throw new Error(data.messages.join('\n'));
    const d = data.value;
    expect([d.m, d.features, d.classes, d.imageShape]).toEqual([3, 4, 3, [2, 2, 1]]);
    // 51/255 = 0.2, 102/255 = 0.4, 255/255 = 1; image 1's first pixel 1/255.
    expect(Array.from(d.x.subarray(0, 5), (v) => +v.toFixed(6))).toEqual([
      0,
      0.2,
      0.4,
      1,
      +(1 / 255).toFixed(6),
    ]);
    expect(Array.from(d.y)).toEqual([2, 0, 1]);
  });

  it('reads only the first `limit` images', () => {
    const data = idxDataset({ name: 'i', bytes: images }, { name: 'l', bytes: labels }, { limit: 2 });
    expect(data.ok && [data.value.m, data.value.x.length, Array.from(data.value.y)]).toEqual([2, 8, [2, 0]]);
  });

  it('names the files when they are not a pair, or a label is beyond the class names', () => {
    const two = idx(0x08, [2], [0, 1]);
    expect(messages(idxDataset({ name: 'i', bytes: images }, { name: 'l', bytes: two }))).toEqual([
      'l has 2 labels, but i has 3 images: they are not a pair.',
    ]);
    expect(
      messages(
        idxDataset({ name: 'i', bytes: images }, { name: 'l', bytes: labels }, { classNames: ['a', 'b'] }),
      ),
    ).toEqual(['l: example 1 has label 2, but there are only 2 classes (0..1).']);
    expect(
      messages(idxDataset({ name: 'i', bytes: images.subarray(0, 20) }, { name: 'l', bytes: labels }))[0],
    ).toMatch(/^i: is cut short/);
  });

  it('refuses more values than the data limit, with the numbers', () => {
    // 3 images × 4 pixels = 12 values, against room for 10.
    expect(
      messages(idxDataset({ name: 'i', bytes: images }, { name: 'l', bytes: labels }, { room: 10 }))[0],
    ).toMatch(
      /^i would hold 3 × 4 = 12 values, besides the 67,108,854 of the splits read before; NetCanvas holds at most 67,108,864 \(256 MiB as float32\)/,
    );
  });
});
