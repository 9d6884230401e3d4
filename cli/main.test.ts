import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../engine/document/build.js';
import { loadLayersModelFiles } from '../engine/export/tfjs-layers.js';
import { main } from './main.js';
import { captureOutput, writeDocumentFile } from './testing.js';

const small = (epochs = 4) =>
  sequentialDocument({
    name: 'cli test',
    dataset: { source: { kind: 'generator', name: 'circles', n: 200, noise: 0.05, factor: 0.5 } },
    layers: [
      { kind: 'Normalize' },
      { kind: 'Dense', params: { units: 8 } },
      { kind: 'Dense', params: { units: 1, activation: 'sigmoid' } },
    ],
    training: { batchSize: 40, epochs },
  });

describe('netcanvas validate', () => {
  it('exits 0 for a valid graph', async () => {
    const out = captureOutput();
    expect(await main(['validate', await writeDocumentFile(small())], out)).toBe(0);
    expect(out.stderr.join('\n')).toContain('valid (7 nodes');
  });

  it('exits 1 with one "nodeId CODE message" line per problem', async () => {
    const doc = small();
    doc.nodes.find((n) => n.id === 'dense1')!.params = { units: -3 };
    doc.nodes.find((n) => n.id === 'dense2')!.params = { units: 2, activation: 'sigmoid' };
    const out = captureOutput();
    expect(await main(['validate', await writeDocumentFile(doc)], out)).toBe(1);
    expect(out.stdout).toHaveLength(2);
    expect(out.stdout[0]).toMatch(/^dense1 INVALID_PARAM Dense "dense1", units: /);
    expect(out.stdout[1]).toMatch(/^dense2 SHAPE_MISMATCH /);
  });

  it('exits 2 with line and column when the JSON is broken, and for a missing file', async () => {
    const out = captureOutput();
    expect(
      await main(['validate', await writeDocumentFile('{\n  "format": "netcanvas",\n  oops\n}')], out),
    ).toBe(2);
    expect(out.stderr[0]).toMatch(/PARSE_ERROR line 3, column 3/);
    const missing = captureOutput();
    expect(await main(['validate', '/nonexistent/x.json'], missing)).toBe(2);
    expect(missing.stderr[0]).toBe('Cannot read /nonexistent/x.json: no such file.');
  });
});

describe('netcanvas train', () => {
  it('--jsonl prints start, update, epoch and done events, one JSON object a line', async () => {
    const out = captureOutput();
    expect(
      await main(
        [
          'train',
          await writeDocumentFile(small()),
          '--jsonl',
          '--backend',
          'cpu',
          '--epochs',
          '2',
          '--seed',
          '5',
        ],
        out,
      ),
    ).toBe(0);
    const events = out.stdout.map((l) => JSON.parse(l) as { type: string });
    // m = 120 (60/20/20 of 200), m_b = 40: 3 updates an epoch, 6 in 2 epochs; the layers measured
    // after the first (and every 10th).
    expect(events.map((e) => e.type)).toEqual([
      'start',
      'update',
      'layers',
      ...Array(2).fill('update'),
      'epoch',
      ...Array(3).fill('update'),
      'epoch',
      'done',
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'done', reason: 'epochs', epochs: 2 });
  });

  it('--jsonl --layer-stats-every 2 prints the layers and their diagnoses: symmetry for zeros initialization', async () => {
    const doc = small();
    for (const id of ['dense1', 'dense2']) {
      const node = doc.nodes.find((n) => n.id === id);
      if (node) node.params = { ...(node.params as object), initializer: 'zeros' };
    }
    const out = captureOutput();
    const args = ['train', await writeDocumentFile(doc), '--jsonl', '--backend', 'fast', '--epochs', '2'];
    expect(await main([...args, '--layer-stats-every', '2'], out)).toBe(0);
    const layers = out.stdout.map((l) => JSON.parse(l)).filter((e) => e.type === 'layers');
    // 6 updates: measured after updates 1, 2, 4 and 6.
    expect(layers.map((e) => e.t)).toEqual([1, 2, 4, 6]);
    expect(layers[0].layers.map((l: { id: string }) => l.id)).toEqual(['dense1', 'dense2']);
    expect(Object.keys(layers[0].layers[0])).toEqual(
      expect.arrayContaining([
        'activationMean',
        'activationStd',
        'deadFraction',
        'saturatedFraction',
        'gradNorm',
        'weightNorm',
        'updateRatio',
      ]),
    );
    for (const e of layers)
      expect(e.diagnoses).toEqual([expect.objectContaining({ code: 'SYMMETRY', nodeId: 'dense1' })]);
    const wrong = captureOutput();
    expect(await main([...args, '--layer-stats-every', 'often'], wrong)).toBe(2);
    expect(wrong.stderr).toEqual([
      'netcanvas: --layer-stats-every takes a whole number from 0 to 1000000, not "often".',
    ]);
  });

  it('--out writes a model that stock tf.js loads, taking raw (unnormalized) inputs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netcanvas-out-'));
    const out = captureOutput();
    expect(
      await main(['train', await writeDocumentFile(small(30)), '--backend', 'cpu', '--out', dir], out),
    ).toBe(0);
    const modelJson = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
    const weights = new Uint8Array(await readFile(join(dir, 'weights.bin'))).buffer;
    const model = await loadLayersModelFiles({ modelJson, weights });
    // Circles: the origin is the inner class (1), a point at radius 1 the outer (0).
    const p = model.predict(
      tf.tensor2d([
        [0, 0],
        [1, 0],
        [0, -1],
      ]),
    ) as tf.Tensor;
    const [inner = 0, outer1 = 1, outer2 = 1] = p.dataSync();
    expect(inner).toBeGreaterThan(0.5);
    expect(outer1).toBeLessThan(0.5);
    expect(outer2).toBeLessThan(0.5);
    const norm = JSON.parse(await readFile(join(dir, 'normalization.json'), 'utf8'));
    expect(norm).toMatchObject({ applied: true, insideModel: true });
    expect(norm.mean).toHaveLength(2);
  });

  it('exits 1 with the problems when the graph is invalid, and 2 for bad flags', async () => {
    const doc = small();
    doc.nodes = doc.nodes.filter((n) => n.kind !== 'Loss');
    const out = captureOutput();
    expect(await main(['train', await writeDocumentFile(doc), '--backend', 'cpu'], out)).toBe(1);
    expect(out.stderr.join('\n')).toContain('MISSING_NODE');
    expect(await main(['train', 'x.json', '--epochs', 'zero'], captureOutput())).toBe(2);
    expect(await main(['train', 'x.json', '--backend', 'webgpu'], captureOutput())).toBe(2);
    expect(await main(['fly', 'x.json'], captureOutput())).toBe(2);
  });
});

describe('the netcanvas binary', () => {
  it('runs through npx-style bin/netcanvas.mjs with the documented exit codes', async () => {
    const run = promisify(execFile);
    const ok = await run(process.execPath, [
      'bin/netcanvas.mjs',
      'validate',
      'presets/moons-adam.netcanvas.json',
    ]);
    expect(ok.stderr).toContain('valid');
    await expect(
      run(process.execPath, ['bin/netcanvas.mjs', 'validate', 'package.json']),
    ).rejects.toMatchObject({ code: 2 });
  });
});
