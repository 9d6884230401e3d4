import { it } from 'vitest';
import { readParameters } from './parameters.js';
import { REFERENCE_RULES } from './rules.js';
import { checkable, TEST_GRAPHS } from './test-graphs.js';

it('prof', async () => {
  const name = Object.keys(TEST_GRAPHS).find((n) => n.startsWith('CNN'))!;
  const { plan, network, batch, inputStatistics } = await checkable(TEST_GRAPHS[name]!);
  const params = readParameters(network);
  const byId = new Map(params.map((p) => [p.id, p]));
  const outputs = new Map<string, Float64Array>([[plan.datasetNodeId, Float64Array.from(batch.x)]]);
  for (const layer of plan.layers) {
    const inputs = layer.inputs.map((id) => outputs.get(id)!);
    const ctx = {
      layer,
      examples: batch.examples,
      rules: REFERENCE_RULES,
      inputStatistics,
      parameter: (n: string) => byId.get(`${layer.nodeId}/${n}`) ?? null,
    };
    let step = layer.kind.reference!.forward(inputs, layer.params, ctx as never);
    const t = performance.now();
    for (let i = 0; i < 50; i++) step = layer.kind.reference!.forward(inputs, layer.params, ctx as never);
    console.log(layer.nodeId, ((performance.now() - t) / 50).toFixed(3));
    outputs.set(layer.nodeId, step.output);
  }
});
it('baseline', () => {
  const a = new Float64Array(100000).map(() => Math.random());
  let s = 0;
  const t = performance.now();
  for (let r = 0; r < 50; r++) for (let i = 0; i < a.length; i++) s += a[i]! * a[(i * 7) % a.length]!;
  console.log('1e5 mul-add ms', ((performance.now() - t) / 50).toFixed(3), s > 0);
});
