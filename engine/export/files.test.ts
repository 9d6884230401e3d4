import { describe, expect, it } from 'vitest';
import { error, warning } from '../problems.js';
import { EXPORT_FORMATS, exportBlocker, exportModelFiles, isExportFormat } from './files.js';
import { decodeSafetensors, encodeSafetensors } from './safetensors.js';
import { EXPORT_FIXTURES, trainFixture } from './test-fixtures.js';

describe('export files', () => {
  it('names plain files for each format, which the desktop shell accepts as they are', async () => {
    const f = await trainFixture(EXPORT_FIXTURES.regression!);
    const names: Record<string, string[]> = {};
    for (const { format } of EXPORT_FORMATS) {
      const files = await exportModelFiles({
        format,
        network: f.run.network,
        plan: f.plan,
        splits: f.splits,
      });
      names[format] = files.map((file) => file.name);
      for (const file of files) expect(file.data.byteLength).toBeGreaterThan(0);
    }
    f.run.dispose();
    expect(names).toEqual({
      tfjs: ['model.json', 'weights.bin'],
      onnx: ['model.onnx'],
      pytorch: ['model.py', 'weights.safetensors', 'data.safetensors'],
    });
    expect(isExportFormat('onnx')).toBe(true);
    expect(isExportFormat('keras')).toBe(false);
  });

  it('says why a graph cannot be exported: problems first, then an untrained network', () => {
    const bad = error('SHAPE_MISMATCH', 'dense2', 'wrong units');
    expect(exportBlocker({ problems: [bad], trainedEpochs: 5 })).toMatch(/problems/);
    expect(exportBlocker({ problems: [], trainedEpochs: 0 })).toMatch(/Nothing trained yet/);
    expect(exportBlocker({ problems: [warning('UNUSED_NODE', 'x', 'unused')], trainedEpochs: 1 })).toBeNull();
  });
});

describe('safetensors', () => {
  it('round-trips F32 and I64 tensors, with an 8-byte aligned header and metadata', () => {
    const bytes = encodeSafetensors(
      [
        { name: 'w', dtype: 'F32', shape: [2, 2], data: Float32Array.of(1, -2, 0.5, 3) },
        { name: 'steps', dtype: 'I64', shape: [], data: BigInt64Array.of(42n) },
      ],
      { format: 'pt' },
    );
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(headerLength % 8).toBe(0);
    const { tensors, metadata } = decodeSafetensors(bytes);
    expect(metadata).toEqual({ format: 'pt' });
    expect(
      tensors.map((t) => [t.name, t.dtype, t.shape, Array.from(t.data as ArrayLike<number | bigint>)]),
    ).toEqual([
      ['w', 'F32', [2, 2], [1, -2, 0.5, 3]],
      ['steps', 'I64', [], [42n]],
    ]);
    expect(() =>
      encodeSafetensors([{ name: 'bad', dtype: 'F32', shape: [3], data: new Float32Array(2) }]),
    ).toThrow(/holds 3 values/);
  });
});
