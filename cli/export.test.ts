import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../engine/document/build.js';
import { serializeDocument } from '../engine/document/parse.js';
import { loadLayersModelFiles } from '../engine/export/tfjs-layers.js';
import { main } from './main.js';
import type { Output } from './output.js';

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    line: (t) => stdout.push(t),
    error: (t) => stderr.push(t),
    status: () => {},
    isTerminal: false,
  };
}

async function graphFile(): Promise<{ file: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'netcanvas-export-'));
  const file = join(dir, 'graph.netcanvas.json');
  const doc = sequentialDocument({
    name: 'export test',
    dataset: { source: { kind: 'generator', name: 'circles', n: 120, noise: 0.05, factor: 0.5 } },
    layers: [
      { kind: 'Normalize' },
      { kind: 'Dense', params: { units: 6 } },
      { kind: 'Dense', params: { units: 1, activation: 'sigmoid' } },
    ],
    training: { batchSize: 24, epochs: 50 },
  });
  await writeFile(file, serializeDocument(doc));
  return { file, dir };
}

/** A small CNN with a residual Add on the 8×8 digits (20 % for training: a quick epoch). */
async function convGraphFile(): Promise<{ file: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'netcanvas-export-'));
  const file = join(dir, 'cnn.netcanvas.json');
  const doc = sequentialDocument({
    name: 'residual CNN',
    dataset: { source: { kind: 'builtin', name: 'digits' }, split: { dev: 0.1, test: 0.7 } },
    layers: [
      { kind: 'Conv2D', id: 'conv1', params: { filters: 2, kernelSize: 3 } },
      { kind: 'Conv2D', id: 'conv2', params: { filters: 2, kernelSize: 3 } },
      { kind: 'Add', id: 'skip', inputs: ['conv1', 'conv2'] },
      { kind: 'MaxPool2D', params: { poolSize: 2, stride: 2 } },
      { kind: 'Flatten' },
      { kind: 'Dense', params: { units: 10, activation: 'linear' } },
      { kind: 'Softmax' },
    ],
    loss: { fn: 'categoricalCrossEntropy' },
    training: { batchSize: 128, epochs: 1 },
  });
  await writeFile(file, serializeDocument(doc));
  return { file, dir };
}

describe('netcanvas export', () => {
  it('trains, then writes an .onnx file that onnxruntime loads', async () => {
    const { file, dir } = await graphFile();
    const out = capture();
    const code = await main(
      ['export', file, '--format', 'onnx', '--out', join(dir, 'onnx'), '--epochs', '2', '--backend', 'cpu'],
      out,
    );
    expect(code).toBe(0);
    expect(out.stdout).toEqual([join(dir, 'onnx', 'model.onnx')]);
    expect(out.stderr.join('\n')).toMatch(/Exported onnx to/);
    const session = await ort.InferenceSession.create(await readFile(join(dir, 'onnx', 'model.onnx')));
    const y = await session.run({ input: new ort.Tensor('float32', new Float32Array([0.1, -0.2]), [1, 2]) });
    expect(y.output!.dims).toEqual([1, 1]);
    await session.release();
  });

  it('writes tf.js layers files that stock tf.js loads', async () => {
    const { file, dir } = await graphFile();
    const target = join(dir, 'tfjs');
    expect(
      await main(
        ['export', file, '--format', 'tfjs', '--out', target, '--epochs', '1', '--backend', 'cpu'],
        capture(),
      ),
    ).toBe(0);
    expect((await readdir(target)).sort()).toEqual(['model.json', 'weights.bin']);
    const weights = await readFile(join(target, 'weights.bin'));
    const model = await loadLayersModelFiles({
      modelJson: JSON.parse(await readFile(join(target, 'model.json'), 'utf8')),
      weights: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    });
    const y = model.predict(tf.tensor2d([[0.1, -0.2]])) as tf.Tensor;
    expect(y.shape).toEqual([1, 1]);
    tf.dispose(y);
    model.dispose();
  });

  it('writes model.py, the weights and the data for PyTorch', async () => {
    const { file, dir } = await graphFile();
    const target = join(dir, 'pt');
    expect(
      await main(
        ['export', file, '--format', 'pytorch', '--out', target, '--epochs', '1', '--backend', 'cpu'],
        capture(),
      ),
    ).toBe(0);
    expect((await readdir(target)).sort()).toEqual(['data.safetensors', 'model.py', 'weights.safetensors']);
    expect(await readFile(join(target, 'model.py'), 'utf8')).toMatch(/class NetCanvasNet\(nn\.Module\)/);
  });

  it('exports a residual CNN in every format: onnxruntime and stock tf.js run it on raw rows', async () => {
    const { file, dir } = await convGraphFile();
    for (const format of ['onnx', 'tfjs', 'pytorch']) {
      const argv = ['export', file, '--format', format, '--out', join(dir, format), '--backend', 'cpu'];
      expect(await main(argv, capture())).toBe(0);
    }
    // Two blank 8×8 images as rows of 64 values: ten probabilities each.
    const rows = new Float32Array(2 * 64);
    const session = await ort.InferenceSession.create(await readFile(join(dir, 'onnx', 'model.onnx')));
    const y = (await session.run({ input: new ort.Tensor('float32', rows, [2, 64]) })).output!;
    expect(y.dims).toEqual([2, 10]);
    const sum = (y.data as Float32Array).slice(0, 10).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
    await session.release();
    const weights = await readFile(join(dir, 'tfjs', 'weights.bin'));
    const model = await loadLayersModelFiles({
      modelJson: JSON.parse(await readFile(join(dir, 'tfjs', 'model.json'), 'utf8')),
      weights: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    });
    const t = model.predict(tf.tensor2d(rows, [2, 64])) as tf.Tensor;
    expect(t.shape).toEqual([2, 10]);
    tf.dispose(t);
    model.dispose();
    const source = await readFile(join(dir, 'pytorch', 'model.py'), 'utf8');
    expect(source).toMatch(/skip = \(conv1 \+ conv2\)/);
  });

  it('refuses a missing or unknown format, a missing --out and bad numbers with exit 2', async () => {
    const { file } = await graphFile();
    const cases: [string[], RegExp][] = [
      [['export', file, '--out', 'x'], /required option '--format <format>' not specified/],
      [
        ['export', file, '--format', 'keras', '--out', 'x'],
        /'keras' is invalid\. Allowed choices are tfjs, onnx, pytorch/,
      ],
      [['export', file, '--format', 'onnx'], /required option '--out <dir>' not specified/],
      [
        ['export', file, '--format', 'onnx', '--out', 'x', '--epochs', '0'],
        /--epochs takes a whole number from 1 to 1000000, not "0"/,
      ],
      [['export', '--format', 'onnx', '--out', 'x'], /missing required argument 'file'/],
    ];
    for (const [argv, message] of cases) {
      const out = capture();
      expect(await main(argv, out)).toBe(2);
      expect(out.stderr[0]).toMatch(message);
    }
  });

  it('reports an invalid graph by node and exports nothing (exit 1)', async () => {
    const { file, dir } = await graphFile();
    const doc = JSON.parse(await readFile(file, 'utf8'));
    doc.nodes.find((n: { id: string }) => n.id === 'dense2').params = { units: 3, activation: 'sigmoid' };
    await writeFile(file, JSON.stringify(doc));
    const out = capture();
    expect(
      await main(['export', file, '--format', 'onnx', '--out', join(dir, 'bad'), '--backend', 'cpu'], out),
    ).toBe(1);
    expect(out.stderr.join('\n')).toMatch(/dense2 SHAPE_MISMATCH/);
    await expect(readdir(join(dir, 'bad'))).rejects.toThrow();
  });
});
