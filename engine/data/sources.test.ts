import { describe, expect, it } from 'vitest';
import { GENERATOR_NAMES } from './generators/index.js';
import { inlineDataset } from './inline.js';
import { DatasetSourceSchema, describeDataset, loadDataset, parseDatasetSource } from './sources.js';
import type { DataFileReader, LabeledData } from './types.js';

const files = (contents: Record<string, string>): DataFileReader => ({
  readText: async (path) => {
    const text = contents[path];
    if (text === undefined) throw new Error(`ENOENT: no such file '${path}'`);
    return text;
  },
});

const value = <T>(result: { ok: true; value: T } | { ok: false }): T => {
  if (!result.ok) throw new Error('expected a value');
  return result.value;
};

describe('the dataset source schema', () => {
  it('fills a generator source from its own defaults', () => {
    expect(DatasetSourceSchema.parse({ kind: 'generator', name: 'moons' })).toEqual({
      kind: 'generator',
      name: 'moons',
      n: 300,
      noise: 0.1,
    });
    expect(DatasetSourceSchema.parse({ kind: 'generator', name: 'circles', n: 50 })).toEqual({
      kind: 'generator',
      name: 'circles',
      n: 50,
      noise: 0.05,
      factor: 0.5,
    });
  });

  it('parses every generator by name alone, and drops params of another generator', () => {
    for (const name of GENERATOR_NAMES)
      expect(DatasetSourceSchema.safeParse({ kind: 'generator', name }).success).toBe(true);
    expect(DatasetSourceSchema.parse({ kind: 'generator', name: 'moons', factor: 0.3 })).not.toHaveProperty(
      'factor',
    );
  });

  it('fills builtin, csv and inline defaults', () => {
    expect(DatasetSourceSchema.parse({ kind: 'builtin' })).toEqual({ kind: 'builtin', name: 'digits' });
    expect(DatasetSourceSchema.parse({ kind: 'csv', path: 'iris.csv' })).toEqual({
      kind: 'csv',
      path: 'iris.csv',
      header: 'auto',
      task: 'classification',
    });
    expect(DatasetSourceSchema.parse({ kind: 'inline', x: [[1]], y: [0] })).toEqual({
      kind: 'inline',
      x: [[1]],
      y: [0],
      task: 'classification',
    });
  });

  it('turns bad fields into INVALID_PARAM problems with the field path', () => {
    const result = parseDatasetSource({ kind: 'generator', name: 'circles', factor: 1.2 }, 'data');
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        code: 'INVALID_PARAM',
        severity: 'error',
        nodeId: 'data',
        path: 'source.factor',
        message: 'source.factor: Too big: expected number to be <1',
      },
    ]);
    expect(parseDatasetSource({ kind: 'generator', name: 'rings' }, 'data').problems[0]?.path).toBe(
      'source.name',
    );
  });
});

describe('describing a data set without loading it', () => {
  it('knows generators, blobs classes and the digits', () => {
    expect(describeDataset({ kind: 'generator', name: 'moons' })).toEqual({
      features: 2,
      classes: 2,
      targets: 1,
      m: 300,
    });
    expect(describeDataset({ kind: 'generator', name: 'blobs', centers: 5, n: 100 })).toEqual({
      features: 2,
      classes: 5,
      targets: 1,
      m: 100,
    });
    expect(describeDataset({ kind: 'builtin', name: 'digits' })).toEqual({
      features: 64,
      classes: 10,
      targets: 1,
      m: 1797,
      imageShape: [8, 8, 1],
    });
  });

  it('describes inline data and returns null for CSV and for sources that do not parse', () => {
    expect(describeDataset({ kind: 'inline', x: [[0, 1, 2]], y: [4] })).toEqual({
      features: 3,
      classes: 5,
      targets: 1,
      m: 1,
    });
    expect(describeDataset({ kind: 'inline', x: [[0]], y: [0.5], task: 'regression' })?.classes).toBeNull();
    expect(describeDataset({ kind: 'csv', path: 'a.csv' })).toBeNull();
    expect(describeDataset({ kind: 'generator', name: 'moons', n: -1 })).toBeNull();
  });
});

describe('loading a data set', () => {
  it('generates with the seed it is given', async () => {
    const a = value(await loadDataset({ kind: 'generator', name: 'spirals' }, 'data', undefined, 4));
    const b = value(await loadDataset({ kind: 'generator', name: 'spirals' }, 'data', undefined, 4));
    const c = value(await loadDataset({ kind: 'generator', name: 'spirals' }, 'data', undefined, 5));
    expect(a.m).toBe(300);
    expect(b.x).toEqual(a.x);
    expect(c.x).not.toEqual(a.x);
  });

  it('loads the digits', async () => {
    const data: LabeledData = value(await loadDataset({ kind: 'builtin', name: 'digits' }, 'data'));
    expect([data.m, data.features, data.classes]).toEqual([1797, 64, 10]);
  });

  it('reads a CSV file through the reader and names the file in its problems', async () => {
    const reader = files({ 'ok.csv': 'a,b,y\n1,2,x\n3,4,z\n', 'bad.csv': 'a,y\nq,1\n' });
    const data = value(await loadDataset({ kind: 'csv', path: 'ok.csv' }, 'data', reader));
    expect(data.classNames).toEqual(['x', 'z']);
    const bad = await loadDataset({ kind: 'csv', path: 'bad.csv' }, 'data', reader);
    expect(bad.problems.map((p) => p.message)).toEqual([
      "bad.csv: line 2, column 1 ('a'): 'q' is not a number.",
    ]);
  });

  it("tells the reader how far the CSV's parsing got", async () => {
    const seen: string[] = [];
    const reader = {
      ...files({ 'ok.csv': 'a,b,y\n1,2,x\n3,4,z\n' }),
      onParseProgress: (path: string, f: number) => seen.push(`${path} ${f}`),
    };
    value(await loadDataset({ kind: 'csv', path: 'ok.csv' }, 'data', reader));
    // 18 characters, one chunk: one report, all of it read.
    expect(seen).toEqual(['ok.csv 1']);
  });

  it('reports a CSV source with no reader and a file that cannot be read', async () => {
    const noReader = await loadDataset({ kind: 'csv', path: 'a.csv' }, 'data');
    expect(noReader.problems).toEqual([
      {
        code: 'DATASET',
        severity: 'error',
        nodeId: 'data',
        path: 'source',
        message: "Cannot read 'a.csv': no file reader is available here.",
      },
    ]);
    const missing = await loadDataset({ kind: 'csv', path: 'gone.csv' }, 'data', files({}));
    expect(missing.problems[0]?.message).toBe("Cannot read 'gone.csv': ENOENT: no such file 'gone.csv'");
  });

  it('packs valid inline data', async () => {
    const source = {
      kind: 'inline' as const,
      x: [
        [0, 1],
        [2, 3],
      ],
      y: [1, 0],
      classNames: ['no', 'yes'],
    };
    const data = value(await loadDataset(source, 'data'));
    expect(Array.from(data.x)).toEqual([0, 1, 2, 3]);
    expect(Array.from(data.y)).toEqual([1, 0]);
    expect(data.classes).toBe(2);
    expect(data.classNames).toEqual(['no', 'yes']);
  });

  it('names the row for ragged inline rows, bad labels and a y of the wrong length', async () => {
    const result = await loadDataset({ kind: 'inline', x: [[0, 1], [2], [3, 4]], y: [0, 1.5] }, 'data');
    expect(result.problems.map((p) => p.message)).toEqual([
      'y has 2 values but x has 3 rows.',
      'x[1] has 1 value, but x[0] has 2.',
      'y[1] is 1.5, not a class index (a whole number from 0).',
    ]);
    const named = await loadDataset(
      { kind: 'inline', x: [[0], [1]], y: [0, 2], classNames: ['a', 'b'] },
      'data',
    );
    expect(named.problems[0]?.message).toBe('y[1] is 2, but classNames names only 2 classes (0..1).');
    const empty = await loadDataset({ kind: 'inline', x: [], y: [] }, 'data');
    expect(empty.problems[0]?.message).toBe('Inline data has no rows: x is empty.');
  });

  it('rejects non-finite inline numbers with the row and column in the path', async () => {
    const result = await loadDataset(
      {
        kind: 'inline',
        x: [
          [0, 1],
          [Number.NaN, 2],
        ],
        y: [0, 1],
      },
      'data',
    );
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.path).toBe('source.x.1.0');
    // Arrays built in code skip the schema; inlineDataset checks them itself.
    const direct = inlineDataset(
      { x: [[0, Number.POSITIVE_INFINITY]], y: [0], task: 'classification' },
      'data',
    );
    expect(direct.problems[0]?.message).toBe('x[0][1] is Infinity, not a finite number.');
  });
});
