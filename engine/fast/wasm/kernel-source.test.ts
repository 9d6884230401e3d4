import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED, generatedKernels } from '../../../scripts/assemble-kernels.js';
import { decodeBase64 } from './base64.js';
import { PRODUCTS_SHARED_WASM, PRODUCTS_WASM } from './kernels.generated.js';

describe('the kernels as WebAssembly text', () => {
  it('decodes base64 as RFC 4648 does', () => {
    // "AGFzbQ": 0, 6, 5, 51, 27, 16 → 000000 000110 000101 110011 011011 010000 → 00 61 73 6d (+4 bits).
    expect(Array.from(decodeBase64('AGFzbQ=='))).toEqual([0x00, 0x61, 0x73, 0x6d]);
    expect(Array.from(decodeBase64(Buffer.from([255, 254, 253, 0, 1]).toString('base64')))).toEqual([
      255, 254, 253, 0, 1,
    ]);
  });

  it('are checked in as wabt assembles the .wat sources (else run `npm run kernels`)', async () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(await generatedKernels());
  });

  it('differ only in the memory import between the private and the shared module', () => {
    const own = decodeBase64(PRODUCTS_WASM);
    const shared = decodeBase64(PRODUCTS_SHARED_WASM);
    expect(WebAssembly.validate(own)).toBe(true);
    expect(WebAssembly.validate(shared)).toBe(true);
    // The shared import adds a maximum of 65536 pages (3 LEB128 bytes) to the limits.
    expect(shared.length - own.length).toBe(3);
  });
});
