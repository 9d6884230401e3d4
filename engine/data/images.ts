import { decode as decodePng } from 'fast-png';
import { decode as decodeJpeg } from 'jpeg-js';
import { MAX_IMAGE_PIXELS, thousands } from './limits.js';
import { bad, good, type Outcome, prefixed, reasonOf } from './outcome.js';

/**
 * PNG and JPEG decoding with pure-JS decoders (fast-png, jpeg-js), so images decode the same in Node,
 * a worker and the page. An image comes out as samples in [0, 1], rows top to bottom, channels last,
 * alpha dropped (as Pillow's convert('L') and convert('RGB') drop it).
 */
export interface Picture {
  width: number;
  height: number;
  /** 1 (grey) or 3 (RGB). */
  channels: 1 | 3;
  /** height × width × channels samples in [0, 1]. */
  pixels: Float32Array;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((b, i) => bytes[i] === b);
export const isPng = (bytes: Uint8Array): boolean => startsWith(bytes, PNG);
export const isJpeg = (bytes: Uint8Array): boolean => startsWith(bytes, [0xff, 0xd8, 0xff]);

function tooLarge(width: number, height: number): string | null {
  return width * height > MAX_IMAGE_PIXELS
    ? `it is ${thousands(width)} × ${thousands(height)} pixels; NetCanvas decodes images of at most ${MAX_IMAGE_PIXELS / 1e6} megapixels.`
    : null;
}

/**
 * PNG samples as values in [0, 1] (palette indices as they are): depths 1, 2 and 4 packed with each
 * row starting on a byte, 8, or 16.
 */
function pngSamples(png: ReturnType<typeof decodePng>): Float32Array {
  const { width, height, depth, data } = png;
  const perRow = width * png.channels;
  const out = new Float32Array(perRow * height);
  if (depth >= 8) {
    const top = png.palette ? 1 : depth === 16 ? 65535 : 255;
    for (let i = 0; i < out.length; i++) out[i] = (data[i] as number) / top;
    return out;
  }
  const rowBytes = Math.ceil((perRow * depth) / 8);
  const mask = (1 << depth) - 1;
  const top = png.palette ? 1 : mask;
  for (let r = 0; r < height; r++) {
    for (let s = 0; s < perRow; s++) {
      const bit = s * depth;
      const byte = data[r * rowBytes + (bit >> 3)] as number;
      out[r * perRow + s] = ((byte >> (8 - depth - (bit & 7))) & mask) / top;
    }
  }
  return out;
}

function fromPng(bytes: Uint8Array): Outcome<Picture> {
  const png = decodePng(bytes);
  const size = tooLarge(png.width, png.height);
  if (size) return bad(size);
  const samples = pngSamples(png);
  const n = png.width * png.height;
  if (png.palette) {
    // Indexed colour: each sample is an index (kept unscaled above) into RGB(A) entries.
    const pixels = new Float32Array(n * 3);
    for (let p = 0; p < n; p++) {
      const entry = png.palette[samples[p] as number];
      if (!entry)
        return bad(`pixel ${p} uses colour ${samples[p]}, beyond the palette's ${png.palette.length}.`);
      for (let k = 0; k < 3; k++) pixels[3 * p + k] = (entry[k] ?? 0) / 255;
    }
    return good({ width: png.width, height: png.height, channels: 3, pixels });
  }
  // Grey, grey + alpha, RGB, RGBA: keep grey or RGB, drop alpha.
  const colours = png.channels >= 3 ? 3 : 1;
  if (colours === png.channels)
    return good({ width: png.width, height: png.height, channels: colours, pixels: samples });
  const pixels = new Float32Array(n * colours);
  for (let p = 0; p < n; p++) {
    for (let k = 0; k < colours; k++) pixels[colours * p + k] = samples[png.channels * p + k] as number;
  }
  return good({ width: png.width, height: png.height, channels: colours, pixels });
}

function fromJpeg(bytes: Uint8Array): Outcome<Picture> {
  const jpeg = decodeJpeg(bytes, {
    useTArray: true,
    formatAsRGBA: false,
    maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6,
    maxMemoryUsageInMB: 1024,
  });
  const size = tooLarge(jpeg.width, jpeg.height);
  if (size) return bad(size);
  const pixels = new Float32Array(jpeg.width * jpeg.height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (jpeg.data[i] as number) / 255;
  return good({ width: jpeg.width, height: jpeg.height, channels: 3, pixels });
}

/**
 * Decodes a PNG or JPEG file (told apart by its first bytes, not its name). A file that is neither,
 * or that the decoder cannot read, gives a message for after the file's name.
 */
export function decodeImage(bytes: Uint8Array): Outcome<Picture> {
  const kind = isPng(bytes) ? 'PNG' : isJpeg(bytes) ? 'JPEG' : null;
  if (!kind) {
    const start = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    return bad(`is not a PNG or JPEG image (it starts with ${start || 'nothing: the file is empty'}).`);
  }
  try {
    const picture = kind === 'PNG' ? fromPng(bytes) : fromJpeg(bytes);
    return picture.ok ? picture : prefixed(picture, `cannot be read as a ${kind} image: `);
  } catch (err) {
    return bad(`cannot be read as a ${kind} image: ${reasonOf(err)}.`);
  }
}
