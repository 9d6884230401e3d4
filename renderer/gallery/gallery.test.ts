import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/createAppStore';
import { presetDocument } from '../store/testing';
import { fakeWorkers, finishRun } from '../training/testing';
import { loadGallery, loadPreset, presetFileNames, readCatalog } from './catalog';
import { thumbnailOf } from './thumbnail';

describe('the preset catalog', () => {
  it('loads every lesson with every variant as a valid document', async () => {
    const gallery = await loadGallery();
    expect(gallery.ok).toBe(true);
    if (!gallery.ok) return;
    expect(gallery.value.map((l) => l.id)).toContain('initialization');
    for (const lesson of gallery.value) {
      expect(lesson.title.zh, lesson.id).toBeTruthy();
      for (const v of lesson.variants) expect(v.doc, v.file).not.toBeNull();
    }
    const listed = gallery.value.flatMap((l) => l.variants.map((v) => v.file));
    expect(presetFileNames().sort()).toEqual([...new Set(listed)].sort());
  });

  it('reports a malformed catalog or a missing preset as problems', async () => {
    const bad = readCatalog({ lessons: [{ id: 'x' }] });
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]?.code).toBe('SCHEMA');
    const missing = await loadPreset('nope.netcanvas.json');
    expect(missing.ok).toBe(false);
    expect(missing.problems[0]?.message).toContain('nope.netcanvas.json');
  });
});

describe('a thumbnail', () => {
  it('draws one block per node in its category colour and one curve per edge, framing them all', () => {
    const doc = presetDocument();
    const picture = thumbnailOf(doc);
    expect(picture.nodes).toHaveLength(doc.nodes.length);
    expect(picture.edges).toHaveLength(doc.edges.length);
    expect(picture.nodes.find((n) => n.id === 'data')?.category).toBe('data');
    expect(picture.nodes.find((n) => n.id === 'hidden1')?.category).toBe('layers');
    const [x, y, w, h] = picture.viewBox.split(' ').map(Number) as [number, number, number, number];
    for (const n of picture.nodes) {
      expect(n.x).toBeGreaterThan(x);
      expect(n.y).toBeGreaterThan(y);
      expect(n.x + n.width).toBeLessThan(x + w);
      expect(n.y + n.height).toBeLessThan(y + h);
    }
    // An edge leaves its source's right side: Dense hidden1 at x, 150 wide.
    const hidden1 = picture.nodes.find((n) => n.id === 'hidden1')!;
    expect(picture.edges.some((d) => d.startsWith(`M${hidden1.x + hidden1.width} `))).toBe(true);
  });

  it('is empty for an empty document', () => {
    expect(thumbnailOf({ ...presetDocument(), nodes: [], edges: [] }).nodes).toEqual([]);
  });
});

describe('opening a preset', () => {
  it('replaces the document as a new project, asking first when there are unsaved changes', async () => {
    const store = createAppStore({ initialDocument: presetDocument() });
    const preset = await loadPreset('initialization-he.netcanvas.json');
    if (!preset.ok) throw new Error('no preset');
    expect(await store.getState().openPreset(preset.value)).toBe(true);
    expect(store.getState().doc.name).toBe(preset.value.name);
    expect(store.getState().fileName).toBeNull();
    expect(store.getState().history.past).toHaveLength(0);

    store.getState().applyChanges([{ type: 'setMeta', name: 'Edited' }]);
    const answer = store.getState().openPreset(presetDocument());
    const dialog = store.getState().dialog;
    expect(dialog?.type).toBe('confirmDiscard');
    if (dialog?.type === 'confirmDiscard') dialog.resolve(false);
    expect(await answer).toBe(false);
    expect(store.getState().doc.name).toBe('Edited');
  });
});

describe('training all variants of a lesson', () => {
  const variants = ['Zeros', 'Random ×10', 'He'].map((label) => ({
    label,
    doc: { ...presetDocument(), name: label },
  }));

  it('trains them one after another and leaves the last shown with the others overlaid', () => {
    const { factory, workers } = fakeWorkers();
    const store = createAppStore({ initialDocument: presetDocument(), createWorker: factory });
    const canvas = store.getState().doc;
    store.getState().compareVariants('Initialization', variants);
    expect(workers).toHaveLength(1);
    expect(store.getState().variantQueue).toMatchObject({ index: 0, labels: ['Zeros', 'Random ×10', 'He'] });
    finishRun(workers[0]!);
    expect(workers).toHaveLength(2);
    expect(store.getState().variantQueue?.index).toBe(1);
    finishRun(workers[1]!);
    finishRun(workers[2]!);
    const s = store.getState();
    expect(s.variantQueue).toBeNull();
    expect(s.runs.map((r) => r.label)).toEqual(['Zeros', 'Random ×10', 'He']);
    expect(s.runs.map((r) => r.document.name)).toEqual(['Zeros', 'Random ×10', 'He']);
    expect(s.activeRunId).toBe(s.runs[2]!.id);
    expect(s.compareRunIds).toEqual([s.runs[0]!.id, s.runs[1]!.id]);
    // The first variant is on the canvas, as one undo step that brings the old network back.
    expect(s.doc.name).toBe('Zeros');
    expect(s.doc.nodes.map((n) => n.id)).toEqual(variants[0]!.doc.nodes.map((n) => n.id));
    s.undo();
    expect(store.getState().doc.name).toBe(canvas.name);
    expect(store.getState().doc.nodes).toEqual(canvas.nodes);
    expect(store.getState().doc.edges).toEqual(canvas.edges);
  });

  it('stops the queue when the user stops a run or starts another', () => {
    const { factory, workers } = fakeWorkers();
    const store = createAppStore({ initialDocument: presetDocument(), createWorker: factory });
    store.getState().compareVariants('Initialization', variants);
    finishRun(workers[0]!, 'stopped');
    expect(store.getState().variantQueue).toBeNull();
    expect(workers).toHaveLength(1);

    store.getState().compareVariants('Initialization', variants);
    store.getState().train();
    expect(store.getState().variantQueue).toBeNull();
    finishRun(workers[2]!);
    expect(workers).toHaveLength(3);
  });

  it('cancels: stops the run in progress and trains nothing more', () => {
    const { factory, workers } = fakeWorkers();
    const store = createAppStore({ initialDocument: presetDocument(), createWorker: factory });
    store.getState().compareVariants('Initialization', variants);
    store.getState().cancelVariantQueue();
    expect(workers[0]!.sent.map((m) => m.type)).toEqual(['start', 'stop']);
    finishRun(workers[0]!, 'stopped');
    expect(workers).toHaveLength(1);
  });
});
