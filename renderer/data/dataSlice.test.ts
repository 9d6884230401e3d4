import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../../engine/document/build';
import type { GraphDocument } from '../../engine/document/schema';
import { createAppStore } from '../store/createAppStore';
import { fakePlatform } from '../store/testing';
import { fakeWorkers } from '../training/testing';
import { datasetForDrop } from './dataSlice';

/** A softmax classifier on `source`; its output has one unit per class (moons 2, Fashion-MNIST 10). */
const doc = (source: unknown): GraphDocument =>
  sequentialDocument({
    dataset: { source },
    layers: [
      { kind: 'Dense', params: { units: classesOf(source), activation: 'linear' } },
      { kind: 'Softmax' },
    ],
    loss: { fn: 'categoricalCrossEntropy' },
  });

const classesOf = (source: unknown) => ((source as { name?: string }).name === 'moons' ? 2 : 10);

function setup(source: unknown = { kind: 'generator', name: 'moons' }) {
  const platform = fakePlatform();
  const { factory, workers } = fakeWorkers();
  const store = createAppStore({
    initialDocument: doc(source),
    dataPlatform: platform,
    createWorker: factory,
  });
  return {
    platform,
    store,
    workers,
    params: () => store.getState().doc.nodes.find((n) => n.id === 'data')?.params,
  };
}

const png = new Blob([Uint8Array.from([0x89, 0x50])]);

describe('opening data for a Dataset node', () => {
  it('makes an opened folder its source, keeps its files for training, and undoes as one step', async () => {
    const { platform, store, params } = setup();
    platform.nextData = {
      name: 'shoes',
      kind: 'folder',
      files: [
        { path: 'shoes/boot/1.png', data: png },
        { path: 'shoes/sandal/2.png', data: png },
      ],
    };
    await store.getState().openDataFolder('data', 'source');
    expect(params()?.source).toEqual({
      kind: 'imageFolder',
      path: 'shoes',
      width: 28,
      height: 28,
      channels: 1,
    });
    expect(Object.keys(store.getState().dataFiles)).toEqual(['shoes/boot/1.png', 'shoes/sandal/2.png']);
    expect(store.getState().toast?.key).toBe('data.opened');
    store.getState().undo();
    expect(params()?.source).toEqual({ kind: 'generator', name: 'moons' });
  });

  it('leaves the source as it was when the data is refused or the dialog cancelled', async () => {
    const { platform, store, params } = setup();
    platform.nextData = { name: 'x.bin', kind: 'files', files: [{ path: 'x.bin', data: png }] };
    await store.getState().openDataFiles('data', 'source');
    expect(params()?.source).toEqual({ kind: 'generator', name: 'moons' });
    expect(store.getState().toast?.key).toBe('data.filesUnclear');
    expect(store.getState().dataFiles).toEqual({});
    platform.nextData = null;
    await store.getState().openDataFolder('data', 'source');
    expect(params()?.source).toEqual({ kind: 'generator', name: 'moons' });
  });

  it('puts opened files into one part of a splits source', async () => {
    const { platform, store, params } = setup({
      kind: 'splits',
      train: { kind: 'builtin' },
      test: { kind: 'builtin' },
    });
    platform.nextData = {
      name: 'test.csv',
      kind: 'files',
      files: [{ path: 'test.csv', data: new Blob(['a,b\n1,0\n']) }],
    };
    await store.getState().openDataFiles('data', 'test');
    expect(params()?.source).toEqual({
      kind: 'splits',
      train: { kind: 'builtin' },
      test: { kind: 'csv', path: 'test.csv' },
    });
  });

  it('drops onto the selected Dataset node, or the only one', () => {
    const { store } = setup();
    expect(datasetForDrop(store.getState())).toBe('data');
  });
});

describe('the data a run takes to its worker', () => {
  it('sends the opened files the document names, and nothing for generated data', async () => {
    const { platform, store, workers } = setup();
    store.getState().train();
    expect(workers[0]?.sent[0]).not.toHaveProperty('files');
    platform.nextData = {
      name: 'iris.csv',
      kind: 'files',
      files: [{ path: 'iris.csv', data: new Blob(['a,b\n']) }],
    };
    await store.getState().openDataFiles('data', 'source');
    store.getState().train();
    const start = workers[1]?.sent[0] as { files?: Record<string, Blob> };
    expect(Object.keys(start.files ?? {})).toEqual(['iris.csv']);
  });

  it('reads Fashion-MNIST through the platform before a run, null where absent, asking again next time', async () => {
    const { platform, store, workers } = setup({ kind: 'builtin', name: 'fashion-mnist' });
    platform.builtinData['fashion-mnist/t10k-labels-idx1-ubyte.gz'] = Uint8Array.from([1, 2, 3]);
    store.getState().train();
    expect(workers).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const start = workers[0]?.sent[0] as { builtin?: Record<string, Blob | null> };
    expect(Object.keys(start.builtin ?? {})).toHaveLength(4);
    expect(start.builtin?.['fashion-mnist/train-images-idx3-ubyte.gz']).toBeNull();
    expect(await start.builtin?.['fashion-mnist/t10k-labels-idx1-ubyte.gz']?.arrayBuffer()).toEqual(
      Uint8Array.from([1, 2, 3]).buffer,
    );
    // Installed since: the next run asks again for the files that were missing.
    platform.builtinData['fashion-mnist/train-images-idx3-ubyte.gz'] = Uint8Array.from([9]);
    store.getState().train();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const again = workers[1]?.sent[0] as { builtin?: Record<string, Blob | null> };
    expect(again.builtin?.['fashion-mnist/train-images-idx3-ubyte.gz']).toBeInstanceOf(Blob);
  });
});
