import { thousands } from './limits.js';
import { bad, good, type Outcome } from './outcome.js';

/**
 * IDX files, the format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/): two zero
 * bytes, a type code, the number of dimensions d, then d big-endian uint32 sizes and the values in
 * row-major order. "00 00 08 01 | 00 00 00 03 | 07 02 01" → unsigned bytes, dims [3], values 7, 2, 1.
 */

/** Type codes of the IDX format, with their element size. */
const TYPES: Record<number, { name: string; bytes: number }> = {
  8: { name: 'unsigned byte', bytes: 1 },
  9: { name: 'signed byte', bytes: 1 },
  11: { name: 'int16', bytes: 2 },
  12: { name: 'int32', bytes: 4 },
  13: { name: 'float32', bytes: 4 },
  14: { name: 'float64', bytes: 8 },
};
const UNSIGNED_BYTE = 0x08;

/** A parsed IDX file: its type code, its dimensions and a view of its values' bytes. */
export interface IdxArray {
  type: number;
  dims: number[];
  /** The values' bytes (no copy of the file). */
  data: Uint8Array;
}

const hex = (b: number) => `0x${b.toString(16).padStart(2, '0')}`;
const times = (dims: readonly number[]) => dims.map(thousands).join(' × ');

/**
 * Reads the header and checks that the file holds exactly the values it declares. Messages say what
 * is wrong and read after the file's name: "t10k-labels-idx1-ubyte: is cut short: …".
 */
export function parseIdx(bytes: Uint8Array): Outcome<IdxArray> {
  if (bytes.length < 4) return bad(`is too short to be an IDX file (${bytes.length} bytes).`);
  const [z0, z1, type = 0, d = 0] = bytes;
  if (z0 !== 0 || z1 !== 0) {
    return bad(`is not an IDX file: it starts with ${hex(z0 ?? 0)} ${hex(z1 ?? 0)}, not 0x00 0x00.`);
  }
  const element = TYPES[type];
  if (!element) return bad(`is not an IDX file: its type code ${hex(type)} is none of IDX's.`);
  if (d === 0) return bad('is an IDX file with no dimensions.');
  const header = 4 + 4 * d;
  if (bytes.length < header) {
    return bad(`is cut short: its header needs ${header} bytes, but the file has ${bytes.length}.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = Array.from({ length: d }, (_, i) => view.getUint32(4 + 4 * i, false));
  const size = dims.reduce((n, dim) => n * dim, element.bytes);
  const held = bytes.length - header;
  if (held < size) {
    return bad(
      `is cut short: ${times(dims)} ${element.name} values need ${thousands(size)} bytes after the ` +
        `header, but the file has ${thousands(held)} (was the download interrupted?).`,
    );
  }
  if (held > size) {
    return bad(
      `has ${thousands(held - size)} bytes after its ${times(dims)} values; it is not one IDX file.`,
    );
  }
  return good({ type, dims, data: bytes.subarray(header) });
}

/** IDX images: [count, rows, columns] or [count, rows, columns, channels]; [count, n] for flat vectors. */
export interface IdxImages {
  count: number;
  features: number;
  imageShape?: [number, number, number];
}

/** The layout of an images file, or why it is not one of unsigned-byte images. */
export function imagesLayout(idx: IdxArray): Outcome<IdxImages> {
  if (idx.type !== UNSIGNED_BYTE) {
    return bad(
      `holds ${TYPES[idx.type]?.name} values; NetCanvas reads images of unsigned bytes (type 0x08).`,
    );
  }
  const [count = 0, h = 0, w = 1, c = 1] = idx.dims;
  if (idx.dims.length < 2 || idx.dims.length > 4) {
    return bad(
      `has ${idx.dims.length} dimension${idx.dims.length === 1 ? '' : 's'} (${times(idx.dims)}); ` +
        'an images file has 3 (count × rows × columns), 4 (… × channels) or 2 (count × values).',
    );
  }
  const features = h * w * c;
  if (features === 0) return bad(`holds images of no pixels (${times(idx.dims)}).`);
  return good(idx.dims.length === 2 ? { count, features } : { count, features, imageShape: [h, w, c] });
}

/** A lookup of byte → byte / 255, so 60,000 images scale without a division per pixel. */
const SCALE = Float32Array.from({ length: 256 }, (_, b) => b / 255);

/**
 * The first `count` images as pixels scaled to [0, 1], into one new Float32Array, row-major: image
 * i at [i·features, (i + 1)·features). [60000, 28, 28] bytes → Float32Array(count·784).
 */
export function imagePixels(idx: IdxArray, layout: IdxImages, count: number): Float32Array {
  const x = new Float32Array(count * layout.features);
  const bytes = idx.data;
  for (let i = 0; i < x.length; i++) x[i] = SCALE[bytes[i] as number] as number;
  return x;
}

/** Labels: one unsigned byte per example, dims [count]. */
export function labelsOf(idx: IdxArray): Outcome<Uint8Array> {
  if (idx.type !== UNSIGNED_BYTE || idx.dims.length !== 1) {
    return bad(
      `is not a labels file: labels are one dimension of unsigned bytes (type 0x08), but it has ` +
        `${times(idx.dims)} ${TYPES[idx.type]?.name} values.`,
    );
  }
  return good(idx.data);
}
