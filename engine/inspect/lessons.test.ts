import { describe, expect, it } from 'vitest';
import { selectNodeBackend } from '../../cli/backend.js';
import { presetDocuments } from '../../presets/lessons.js';
import { prepareRun } from '../compile/prepare.js';
import { sequentialDocument } from '../document/build.js';
import type { GraphDocument } from '../document/schema.js';
import type { LayersEvent, TrainingEvent } from '../train/events.js';
import { type ExecutorName, TrainingRun } from '../train/trainer.js';
import { deepSigmoidSpec } from './deep-sigmoid.js';

/** Trains `doc` for a few epochs with a layers event after every update; returns every event. */
async function inspect(doc: GraphDocument, epochs: number, executor: ExecutorName = 'fast') {
  const prepared = await prepareRun(doc);
  if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join('; '));
  const events: TrainingEvent[] = [];
  const run = new TrainingRun(prepared.value.plan, prepared.value.splits, {
    executor,
    epochs,
    layerStatsEvery: 1,
    onEvent: (e) => events.push(e),
  });
  await run.start();
  run.dispose();
  return { events, layers: events.filter((e): e is LayersEvent => e.type === 'layers') };
}

const preset = (file: string): GraphDocument => {
  const found = presetDocuments().find((p) => p.file === file);
  if (!found) throw new Error(file);
  return found.doc;
};
const codesAt = (e: LayersEvent | undefined) => e?.diagnoses.map((d) => `${d.code}@${d.nodeId}`) ?? [];
/** ‖dW‖ of the first weighted layer over the last's (the output). */
const gradientRatio = (e: LayersEvent) => {
  const weighted = e.layers.filter((l) => !l.batchNorm);
  return (weighted[0]?.gradNorm ?? 0) / (weighted[weighted.length - 1]?.gradNorm ?? 1);
};

describe('diagnoses on the lessons', () => {
  it('finds symmetry in every hidden layer of the zeros initialization, on both executors', async () => {
    await selectNodeBackend('wasm');
    for (const executor of ['fast', 'tfjs'] as const) {
      const { layers } = await inspect(preset('initialization-zeros.netcanvas.json'), 4, executor);
      // Batch gradient descent: one update an epoch, each inspected.
      expect(layers).toHaveLength(4);
      for (const e of layers) expect(codesAt(e)).toEqual(['SYMMETRY@hidden1', 'SYMMETRY@hidden2']);
    }
  });

  it('finds nothing wrong with He initialization', async () => {
    const { layers } = await inspect(preset('initialization-he.netcanvas.json'), 50);
    expect(layers).toHaveLength(50);
    expect(layers.flatMap((e) => e.diagnoses)).toEqual([]);
  });

  it('sees the gradient vanish through ten sigmoid layers, and not with BatchNorm or residual connections', async () => {
    const plain = await inspect(sequentialDocument(deepSigmoidSpec('none')), 2);
    // Measured: ‖dW[1]‖/‖dW[10]‖ = 1.4e-9 at the first update.
    for (const e of plain.layers) {
      expect(gradientRatio(e)).toBeLessThan(1e-3);
      expect(codesAt(e)).toContain('VANISHING@hidden1');
    }
    for (const cure of ['batchNorm', 'residual'] as const) {
      const cured = await inspect(sequentialDocument(deepSigmoidSpec(cure)), 2);
      // Measured: 19.5 with BatchNorm, 5.5e-3 with residual connections.
      for (const e of cured.layers) {
        expect(gradientRatio(e)).toBeGreaterThan(1e-3);
        expect(codesAt(e).filter((c) => c.startsWith('VANISHING'))).toEqual([]);
      }
    }
  });

  /** `file` with its optimizer set to α = 10 (and to `algorithm` where given). */
  const atAlpha10 = (file: string, algorithm?: string): GraphDocument => {
    const doc = structuredClone(preset(file));
    const optimizer = doc.nodes.find((n) => n.kind === 'Optimizer');
    if (!optimizer) throw new Error('no optimizer');
    optimizer.params = {
      ...(optimizer.params as object),
      learningRate: 10,
      ...(algorithm ? { algorithm } : {}),
    };
    return doc;
  };
  /** The first update whose measurement said α is too large. */
  const firstTooLarge = (layers: LayersEvent[]) =>
    layers.find((e) => e.diagnoses.some((d) => d.code === 'UPDATE_RATIO' && d.params.direction === 'large'))
      ?.t;

  it('says α is too large at α = 10 on the moons data, updates before the cost turns NaN', async () => {
    // The moons presets' ReLU nets die rather than overflow at α = 10 (no NaN in 30 epochs with
    // gradient descent, momentum or Adam, measured); the residual lesson on the moons with plain
    // gradient descent overflows: measured NaN at update 6, the diagnosis from update 1 on.
    const { events, layers } = await inspect(atAlpha10('residual-skip.netcanvas.json', 'gd'), 3);
    const done = events.find((e) => e.type === 'done');
    expect(done?.reason).toBe('nan');
    const flagged = firstTooLarge(layers);
    expect(flagged).toBeDefined();
    expect(flagged as number).toBeLessThan(done?.updates as number);
    // Every update before the NaN one was measured and the diagnosis stayed.
    const before = layers.filter((e) => e.t < (done?.updates as number));
    expect(before.length).toBe((done?.updates as number) - 1);
  });

  it('says α is too large at α = 10 on the moons with Adam at the first update, which never turns NaN', async () => {
    // Adam's steps are bounded by α whatever the gradient, so the weights grow but stay finite.
    const { events, layers } = await inspect(atAlpha10('moons-adam.netcanvas.json'), 3);
    expect(firstTooLarge(layers)).toBe(1);
    expect(events.find((e) => e.type === 'done')?.reason).toBe('epochs');
  });
});
