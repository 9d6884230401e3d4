import { describe, expect, it } from 'vitest';
import type { OpenedData } from '../platform/types';
import { filesNamed, missingPaths, namedBuiltins, namedPaths, sourceForOpened, withSource } from './opened';

const blob = new Blob([]);
const folder = (name: string, paths: string[]): OpenedData => ({
  name,
  kind: 'folder',
  files: paths.map((path) => ({ path: `${name}/${path}`, data: blob })),
});
const files = (...names: string[]): OpenedData => ({
  name: names[0] ?? '',
  kind: 'files',
  files: names.map((path) => ({ path, data: blob })),
});

describe('the source opened data becomes', () => {
  it('makes a folder an image folder, keeping the size and channels the source had', () => {
    expect(sourceForOpened(folder('shoes', ['boot/1.png', 'sandal/2.jpg']), { kind: 'generator' })).toEqual({
      ok: true,
      source: { kind: 'imageFolder', path: 'shoes', width: 28, height: 28, channels: 1 },
    });
    const was = { kind: 'imageFolder', path: 'old', width: 32, height: 16, channels: 3 };
    expect(sourceForOpened(folder('pets', ['cat/1.png']), was)).toEqual({
      ok: true,
      source: { kind: 'imageFolder', path: 'pets', width: 32, height: 16, channels: 3 },
    });
  });

  it('refuses a folder without class subfolders, naming what to do, before anything changes', () => {
    const flat: OpenedData = { name: 'pics', kind: 'folder', files: [] };
    const refused = sourceForOpened(flat, undefined);
    expect(refused.ok === false && 'message' in refused && refused.message).toMatch(
      /^'pics' has no subfolders/,
    );
  });

  it('makes one CSV file a csv source, keeping its label column', () => {
    expect(
      sourceForOpened(files('iris.csv'), { kind: 'csv', path: 'old.csv', labelColumn: 'species' }),
    ).toEqual({
      ok: true,
      source: { kind: 'csv', labelColumn: 'species', path: 'iris.csv' },
    });
  });

  it('tells IDX images from labels, and train from test, by their names', () => {
    const four = files(
      't10k-labels-idx1-ubyte.gz',
      'train-images-idx3-ubyte.gz',
      't10k-images-idx3-ubyte.gz',
      'train-labels-idx1-ubyte.gz',
    );
    expect(sourceForOpened(four, undefined)).toEqual({
      ok: true,
      source: {
        kind: 'idx',
        images: 'train-images-idx3-ubyte.gz',
        labels: 'train-labels-idx1-ubyte.gz',
        test: { images: 't10k-images-idx3-ubyte.gz', labels: 't10k-labels-idx1-ubyte.gz' },
      },
    });
    expect(sourceForOpened(files('digits.idx', 'digit-labels.idx'), undefined)).toEqual({
      ok: true,
      source: { kind: 'idx', images: 'digits.idx', labels: 'digit-labels.idx' },
    });
    expect(sourceForOpened(files('a.idx', 'b.idx'), undefined)).toEqual({ ok: false, unclear: true });
    expect(sourceForOpened(files('a.csv', 'b.csv', 'c.csv'), undefined)).toEqual({
      ok: false,
      unclear: true,
    });
  });
});

describe('where opened data goes in the Dataset params', () => {
  it('replaces the source, or one part of a splits source (making one where there is none)', () => {
    const csv = { kind: 'csv', path: 'test.csv' };
    expect(withSource({ seed: 2, source: { kind: 'builtin' } }, 'source', csv)).toEqual({
      seed: 2,
      source: csv,
    });
    const splits = { kind: 'splits', train: { kind: 'builtin' }, test: { kind: 'builtin' } };
    expect(withSource({ source: splits }, 'test', csv)).toEqual({ source: { ...splits, test: csv } });
    expect(withSource({ source: { kind: 'generator' } }, 'train', csv)).toEqual({
      source: { kind: 'splits', train: csv },
    });
  });
});

describe('the files a document needs', () => {
  const source = {
    kind: 'splits',
    train: { kind: 'imageFolder', path: 'shoes' },
    test: { kind: 'csv', path: 'test.csv' },
    dev: { kind: 'builtin', name: 'fashion-mnist' },
  };

  it('lists the paths and built-in files a source names, parts included', () => {
    expect(namedPaths(source)).toEqual(['shoes/', 'test.csv']);
    expect(namedBuiltins(source)).toHaveLength(4);
    expect(namedBuiltins({ kind: 'builtin', name: 'digits' })).toEqual([]);
  });

  it('picks the opened files under a folder or of a name, and says which are missing', () => {
    const opened = { 'shoes/boot/1.png': 1, 'shoesx/a/1.png': 2, 'test.csv': 3, 'other.csv': 4 };
    expect(filesNamed(opened, namedPaths(source))).toEqual({ 'shoes/boot/1.png': 1, 'test.csv': 3 });
    expect(missingPaths({ 'test.csv': 3 }, source)).toEqual(['shoes/']);
    expect(missingPaths({}, { kind: 'generator', name: 'moons' })).toEqual([]);
  });
});
