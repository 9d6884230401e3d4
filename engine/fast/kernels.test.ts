import { describe, expect, it } from 'vitest';
import { bindKernels, jsKernels, simdAvailable } from './kernels.js';

const holders = () => {
  const w = Float32Array.from([1, 2, 3]);
  const layer = { w, z: new Float32Array(5), a: null as Float32Array | null, units: 3 };
  layer.a = layer.z; // a linear layer's output is its pre-activation
  const slot = { w, dw: new Float32Array(3) };
  return { w, layer, slot };
};

describe('bindKernels', () => {
  it('leaves the buffers where they are for the JS kernels', () => {
    const { w, layer, slot } = holders();
    expect(bindKernels('js', [layer, slot])).toBe(jsKernels);
    expect(layer.w).toBe(w);
  });

  it.runIf(simdAvailable())('moves every buffer into the SIMD memory once, values and sharing kept', () => {
    const { w, layer, slot } = holders();
    const kernels = bindKernels('simd', [layer, slot]);
    expect(kernels.name).toBe('simd');
    expect(layer.w).not.toBe(w);
    expect(Array.from(layer.w)).toEqual([1, 2, 3]);
    expect(slot.w).toBe(layer.w);
    expect(layer.a).toBe(layer.z);
    expect(layer.units).toBe(3);
    const buffers = [layer.w, layer.z, slot.dw];
    for (const b of buffers) {
      expect(b.buffer).toBe(layer.w.buffer);
      expect(b.byteOffset % 16).toBe(0);
    }
    // Disjoint: w [3 floats → 16 bytes], z [5 → 32], dw [3 → 16], in the order first met.
    expect(buffers.map((b) => b.byteOffset - layer.w.byteOffset)).toEqual([0, 16, 48]);
    // [1, 2, 3] · [1, 2, 3]ᵀ as a 1×3 by 3×1 product, written to z[0].
    kernels.matmulTransB(layer.w, slot.w, layer.z, 1, 1, 3);
    expect(layer.z[0]).toBe(14);
  });

  it.runIf(simdAvailable())('falls back to one thread when the helper cannot start', () => {
    const { layer, slot } = holders();
    const kernels = bindKernels('auto', [layer, slot], () => {
      throw new Error('no workers here');
    });
    expect([kernels.name, kernels.threads]).toEqual(['simd', 1]);
  });
});
