import { describe, expect, it } from 'vitest';
import { prepareRun } from '../compile/prepare.js';
import { sequentialDocument } from '../document/build.js';
import { Network } from '../model/network.js';
import { isLayerKind, NODE_KINDS } from '../nodes/registry.js';
import { createRandom } from '../random.js';
import { readParameters } from './parameters.js';
import { ReferenceNetwork } from './reference.js';
import { checkable, TEST_GRAPHS } from './test-graphs.js';

const LAYER_KINDS = NODE_KINDS.filter(isLayerKind);

describe('every layer kind lowers itself to the float64 reference', () => {
  it.each(LAYER_KINDS.map((k) => [k.kind, k] as const))('%s has a reference lowering', (_, kind) => {
    expect(typeof kind.reference?.forward).toBe('function');
  });

  it('the test graphs, each gradient-checked in check.test.ts and autodiff.test.ts, use every layer kind', () => {
    const used = new Set<string>();
    for (const spec of Object.values(TEST_GRAPHS)) for (const layer of spec.layers) used.add(layer.kind);
    expect([...used].sort()).toEqual(LAYER_KINDS.map((k) => k.kind).sort());
  });

  it('refuses a plan with a kind that has none, naming the kind', async () => {
    const { plan, network } = await checkable(TEST_GRAPHS['relu stack with L2 and L1']!);
    const [first, ...rest] = plan.layers;
    const bare = { ...first!, kind: { ...first!.kind, reference: undefined } };
    expect(() => new ReferenceNetwork({ ...plan, layers: [bare, ...rest] }, readParameters(network))).toThrow(
      'The gradient check has no reference for Dense layers.',
    );
    network.dispose();
  });
});

describe('the DAG walker, by hand', () => {
  it('sums ∂J/∂a over both consumers of an output that feeds a layer and an Add', async () => {
    // x = [1, 2], y = 1. dense1: z₁ = x·[0.5, −1] = −1.5 (b = 0); dense2: z₂ = 2·z₁ + 0.25 = −2.75;
    // out = z₁ + z₂ = −4.25; J = (out − y)² = 5.25² = 27.5625; dJ/dout = 2(out − y) = −10.5.
    // z₁ reaches out twice, directly and through dense2: dJ/dz₁ = −10.5·(1 + 2) = −31.5, so
    // dW₁ = x·(−31.5) = [−31.5, −63], db₁ = −31.5; dW₂ = z₁·(−10.5) = 15.75, db₂ = −10.5.
    const prepared = await prepareRun(
      sequentialDocument({
        dataset: {
          source: { kind: 'inline', task: 'regression', x: [[1, 2]], y: [1] },
          split: { dev: 0, test: 0 },
        },
        layers: [
          { kind: 'Dense', params: { units: 1, activation: 'linear' } },
          { kind: 'Dense', params: { units: 1, activation: 'linear' }, row: 1 },
          { kind: 'Add', inputs: ['dense1', 'dense2'] },
        ],
        loss: { fn: 'meanSquaredError' },
        training: { batchMode: 'full' },
      }),
    );
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    const { plan } = prepared.value;
    const network = Network.fromPlan(plan, { random: createRandom(1) });
    const parameters = readParameters(network);
    const set = (id: string, values: number[]) => parameters.find((p) => p.id === id)!.values.set(values);
    set('dense1/W', [0.5, -1]);
    set('dense1/b', [0]);
    set('dense2/W', [2]);
    set('dense2/b', [0.25]);
    const { cost, gradients } = new ReferenceNetwork(plan, parameters).backprop({
      x: [1, 2],
      y: [1],
      examples: 1,
      m: 1,
    });
    expect(cost).toBeCloseTo(27.5625, 12);
    const grad = (id: string) => Array.from(gradients.get(id)!);
    expect(grad('dense1/W')).toEqual([expect.closeTo(-31.5, 12), expect.closeTo(-63, 12)]);
    expect(grad('dense1/b')).toEqual([expect.closeTo(-31.5, 12)]);
    expect(grad('dense2/W')).toEqual([expect.closeTo(15.75, 12)]);
    expect(grad('dense2/b')).toEqual([expect.closeTo(-10.5, 12)]);
    network.dispose();
  });
});
