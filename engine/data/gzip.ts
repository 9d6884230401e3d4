import { gunzipSync } from 'fflate';
import { MAX_DATA_FILE_BYTES, mebibytes, thousands } from './limits.js';
import { bad, good, type Outcome, reasonOf } from './outcome.js';

/** A gzip stream starts with 0x1f 0x8b (RFC 1952). */
export const isGzip = (bytes: Uint8Array): boolean =>
  bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * The bytes inside a .gz file, or the bytes themselves when they are not gzip. Pure JS (fflate), so it
 * runs in Node, a worker and the page. The unpacked size is read from the gzip trailer and refused
 * above MAX_DATA_FILE_BYTES before anything is unpacked. "1f 8b …" → the original bytes.
 */
export function gunzipIfNeeded(bytes: Uint8Array, limit = MAX_DATA_FILE_BYTES): Outcome<Uint8Array> {
  if (!isGzip(bytes)) return good(bytes);
  if (bytes.length < 18) return bad(`is a gzip file cut short (${bytes.length} bytes).`);
  const n = bytes.length;
  // ISIZE, the last 4 bytes: the unpacked size mod 2³² (little-endian).
  const size =
    ((bytes[n - 4] as number) | ((bytes[n - 3] as number) << 8) | ((bytes[n - 2] as number) << 16)) +
    (bytes[n - 1] as number) * 2 ** 24;
  if (size > limit) {
    return bad(
      `unpacks to ${thousands(size)} bytes; NetCanvas unpacks at most ${mebibytes(limit)} from one file.`,
    );
  }
  try {
    const out = gunzipSync(bytes);
    if (out.length !== size) {
      return bad(
        `is a damaged gzip file: it says ${thousands(size)} bytes but unpacks to ${thousands(out.length)}.`,
      );
    }
    return good(out);
  } catch (err) {
    return bad(`is a damaged gzip file (${reasonOf(err)}).`);
  }
}
