import { describe, expect, it } from 'vitest';
import { encodeModule, F32, FunctionBody, I32, Op, Simd, signed, unsigned } from './encoder.js';

describe('WebAssembly encoder', () => {
  it('writes LEB128 as the spec examples', () => {
    // 624485 = 0b10011_0001110_1100101 → low groups first, continuation bits set: e5 8e 26.
    expect(unsigned(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(unsigned(0)).toEqual([0]);
    expect(unsigned(128)).toEqual([0x80, 0x01]);
    // −123456 in two's complement, 7 bits at a time: c0 bb 78 (the last group's bit 6 is the sign).
    expect(signed(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(signed(-1)).toEqual([0x7f]);
    expect(signed(63)).toEqual([0x3f]);
    expect(signed(64)).toEqual([0xc0, 0x00]);
    expect(signed(-64)).toEqual([0x40]);
  });

  it('reuses the locals of a finished scope and groups locals of one type', () => {
    const f = new FunctionBody([I32]);
    let inner = -1;
    f.scope(() => {
      inner = f.local(F32);
    });
    expect(f.local(F32)).toBe(inner);
    expect(f.local(I32)).toBe(2);
    // Body size 6: 2 groups (1 f32, 1 i32), then `end`.
    expect(f.encode()).toEqual([6, 2, 1, F32, 1, I32, Op.end]);
  });

  it('builds a module that runs: a loop writing f32x4 sums to memory', () => {
    // store(dst, splat(x) + splat(x)) for `count` consecutive vectors: dst[i] = 2x.
    const f = new FunctionBody([I32, F32, I32]);
    const [dst, x, count] = [0, 1, 2];
    f.repeat(count, () => {
      f.get(dst).get(x).simd(Simd.f32x4Splat).get(x).simd(Simd.f32x4Splat).simd(Simd.f32x4Add);
      f.memarg(Simd.v128Store, 4, 0, true);
      f.get(dst).i32(16).op(Op.i32Add).set(dst);
    });
    const bytes = encodeModule({ minimumPages: 1 }, [{ name: 'fill', body: f }]);
    expect(WebAssembly.validate(bytes)).toBe(true);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const { fill } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports as {
      fill(dst: number, x: number, count: number): void;
    };
    fill(32, 1.5, 2);
    expect(Array.from(new Float32Array(memory.buffer, 16, 16))).toEqual([
      ...[0, 0, 0, 0],
      ...[3, 3, 3, 3, 3, 3, 3, 3],
      ...[0, 0, 0, 0],
    ]);
  });
});
