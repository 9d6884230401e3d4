import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode as encodePng } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../engine/document/build.js';
import { serializeDocument } from '../engine/document/parse.js';
import { main } from './main.js';
import { captureOutput } from './testing.js';

/**
 * A project with an image folder (classes dark and light, 6 grey 2×2 PNGs each) for training and a
 * CSV of flattened 2×2 pixels, labelled dark/light, for testing.
 */
async function imageProject() {
  const folder = await mkdtemp(join(tmpdir(), 'netcanvas-images-cli-'));
  for (const [name, level] of [
    ['dark', 20],
    ['light', 230],
  ] as const) {
    await mkdir(join(folder, 'pictures', name), { recursive: true });
    for (let i = 0; i < 6; i++) {
      const data = Uint8Array.from([level, level + i, level - i, level]);
      await writeFile(
        join(folder, 'pictures', name, `${i}.png`),
        encodePng({ width: 2, height: 2, channels: 1, depth: 8, data }),
      );
    }
  }
  const rows = [
    'p1,p2,p3,p4,shade',
    '0.1,0.1,0.1,0.1,dark',
    '0.9,0.9,0.9,0.9,light',
    '0.05,0.1,0.08,0.1,dark',
  ];
  await writeFile(join(folder, 'test.csv'), `${rows.join('\n')}\n`);
  const doc = sequentialDocument({
    name: 'image folder and a test CSV',
    dataset: {
      source: {
        kind: 'splits',
        train: { kind: 'imageFolder', path: 'pictures', width: 2, height: 2, channels: 1 },
        test: { kind: 'csv', path: 'test.csv', labelColumn: 'shade' },
      },
      split: { dev: 0.25, test: 0 },
    },
    layers: [{ kind: 'Dense', params: { units: 1, activation: 'sigmoid' } }],
    loss: { fn: 'binaryCrossEntropy' },
    training: { batchSize: 3, epochs: 3 },
  });
  const documentPath = join(folder, 'images.netcanvas.json');
  await writeFile(documentPath, serializeDocument(doc));
  return { folder, documentPath };
}

describe('image folders and separate test sets from the command line', () => {
  it('netcanvas validate accepts a document with an image folder and a separate test CSV', async () => {
    const { documentPath } = await imageProject();
    const out = captureOutput();
    expect(await main(['validate', documentPath], out)).toBe(0);
    expect(out.stderr.join('\n')).toContain('valid (5 nodes');
  });

  it("netcanvas train reads the folder and the CSV: 9 to train, 3 dev, the CSV's 3 to test", async () => {
    const { documentPath } = await imageProject();
    const out = captureOutput();
    expect(await main(['train', documentPath, '--jsonl', '--backend', 'cpu'], out)).toBe(0);
    const events = out.stdout.map((line) => JSON.parse(line) as { type: string });
    const start = events.find((e) => e.type === 'start');
    // 12 images, dev round(12·0.25) = 3, train 9; test.csv has 3 rows.
    expect(JSON.stringify(start)).toMatch(/"train":9,"dev":3,"test":3/);
    expect(events.at(-1)?.type).toBe('done');
  });

  it('reports an image path leading out of the folder as a problem of the Dataset node', async () => {
    const { documentPath } = await imageProject();
    const doc = sequentialDocument({
      dataset: { source: { kind: 'imageFolder', path: '../..', width: 2, height: 2 } },
      layers: [{ kind: 'Dense', params: { units: 1, activation: 'sigmoid' } }],
      training: { batchSize: 2, epochs: 1 },
    });
    await writeFile(documentPath, serializeDocument(doc));
    const out = captureOutput();
    expect(await main(['train', documentPath, '--backend', 'cpu'], out)).toBe(1);
    expect(out.stderr.join('\n')).toMatch(
      /^data DATASET Cannot read the folder '\.\.\/\.\.': it is outside the document's folder/m,
    );
  });
});
