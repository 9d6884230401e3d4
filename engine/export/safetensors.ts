import { utf8Decode, utf8Encode } from './utf8.js';

/**
 * The safetensors format (huggingface/safetensors), written and read by hand: an 8-byte little-endian
 * header length N, N bytes of JSON `{name: {dtype, shape, data_offsets: [begin, end]}, __metadata__}`
 * padded with spaces to a multiple of 8, then the raw little-endian tensor bytes.
 */

export type SafetensorsDtype = 'F32' | 'I64';

export interface NamedTensor {
  name: string;
  dtype: SafetensorsDtype;
  shape: number[];
  data: Float32Array | BigInt64Array;
}

const BYTES: Record<SafetensorsDtype, number> = { F32: 4, I64: 8 };

function littleEndianBytes(tensor: NamedTensor): Uint8Array {
  const { data } = tensor;
  const out = new Uint8Array(data.length * BYTES[tensor.dtype]);
  const view = new DataView(out.buffer);
  if (data instanceof Float32Array) {
    data.forEach((v, i) => {
      view.setFloat32(i * 4, v, true);
    });
  } else {
    data.forEach((v, i) => {
      view.setBigInt64(i * 8, v, true);
    });
  }
  return out;
}

/** Encodes tensors (in the given order) and string metadata as one .safetensors file. */
export function encodeSafetensors(tensors: NamedTensor[], metadata: Record<string, string> = {}): Uint8Array {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length) header.__metadata__ = metadata;
  const blobs: Uint8Array[] = [];
  let offset = 0;
  for (const t of tensors) {
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.data.length)
      throw new Error(`${t.name}: shape [${t.shape}] holds ${count} values, not ${t.data.length}.`);
    const bytes = littleEndianBytes(t);
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + bytes.length] };
    blobs.push(bytes);
    offset += bytes.length;
  }
  const headerBytes = utf8Encode(JSON.stringify(header));
  // Spaces pad the header to a multiple of 8 bytes, so the tensor data starts aligned.
  const padded = new Uint8Array(Math.ceil(headerBytes.length / 8) * 8).fill(0x20);
  padded.set(headerBytes);
  const out = new Uint8Array(8 + padded.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(padded.length), true);
  out.set(padded, 8);
  let at = 8 + padded.length;
  for (const b of blobs) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/** Decodes a .safetensors file with F32 and I64 tensors; throws on anything else (a bug, not user data). */
export function decodeSafetensors(bytes: Uint8Array): {
  tensors: NamedTensor[];
  metadata: Record<string, string>;
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  const header = JSON.parse(utf8Decode(bytes.subarray(8, 8 + headerLength))) as Record<
    string,
    { dtype: string; shape: number[]; data_offsets: [number, number] }
  >;
  const start = 8 + headerLength;
  const tensors: NamedTensor[] = [];
  let metadata: Record<string, string> = {};
  for (const [name, info] of Object.entries(header)) {
    if (name === '__metadata__') {
      metadata = info as unknown as Record<string, string>;
      continue;
    }
    const [begin, end] = info.data_offsets;
    const dtype = info.dtype as SafetensorsDtype;
    if (!(dtype in BYTES)) throw new Error(`${name}: dtype ${info.dtype} is not read here.`);
    const count = (end - begin) / BYTES[dtype];
    const data = dtype === 'F32' ? new Float32Array(count) : new BigInt64Array(count);
    for (let i = 0; i < count; i++) {
      const at = start + begin + i * BYTES[dtype];
      if (data instanceof Float32Array) data[i] = view.getFloat32(at, true);
      else data[i] = view.getBigInt64(at, true);
    }
    tensors.push({ name, dtype, shape: info.shape, data });
  }
  return { tensors, metadata };
}
