/** Base64 digits in order of value (RFC 4648). */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The bytes of base64 `text` ("AGFzbQ==" → 00 61 73 6d): the form of kernels.generated.ts, decoded
 * here since the engine's ES2022 lib has no `atob`.
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const digits = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((digits.length * 3) / 4));
  let value = 0;
  let bits = 0;
  let at = 0;
  for (const digit of digits) {
    value = ((value << 6) | BASE64.indexOf(digit)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (value >> bits) & 0xff;
    }
  }
  return bytes;
}
