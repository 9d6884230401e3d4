import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compileGraph } from '../compile/plan.js';
import { analyzeGraph } from '../graph/analyze.js';
import { Network } from '../model/network.js';
import { NODE_KINDS } from '../nodes/registry.js';
import { hasErrors } from '../problems.js';
import { createRandom } from '../random.js';
import { TfjsExecutor } from '../train/executors/tfjs-executor.js';
import { randomBrokenGraph, randomExamples, randomGraph } from './random-graphs.js';

const GRAPHS = 500;
const SETTINGS_KINDS = new Set(['Dataset', 'Loss', 'Optimizer', 'Schedule', 'Training']);

describe('random graphs over every layer kind', () => {
  it(`analyzes ${GRAPHS} valid graphs with no errors and plans every layer`, () => {
    const seen = new Set<string>();
    let merges = 0;
    for (let seed = 0; seed < GRAPHS; seed++) {
      const { doc, data, kinds } = randomGraph(seed);
      const analysis = analyzeGraph(doc, data);
      const errors = analysis.problems.filter((p) => p.severity === 'error');
      expect(errors, `seed ${seed}: ${JSON.stringify(errors)}`).toEqual([]);
      const plan = compileGraph(doc, data);
      expect(plan.ok, `seed ${seed}`).toBe(true);
      if (!plan.ok) continue;
      const layerCount = doc.nodes.filter((n) => !SETTINGS_KINDS.has(n.kind)).length;
      expect(plan.value.layers).toHaveLength(layerCount);
      for (const kind of kinds) seen.add(kind);
      if (plan.value.layers.some((l) => l.inputs.length > 1)) merges += 1;
    }
    // Every layer kind shows up, and a good share of the graphs branch and merge.
    const layerKinds = NODE_KINDS.filter((k) => k.role === 'layer').map((k) => k.kind);
    expect([...seen].sort()).toEqual([...layerKinds].sort());
    expect(merges).toBeGreaterThan(GRAPHS / 4);
  });

  it('builds each of 60 of them in tf.js and takes two finite updates', async () => {
    for (let seed = 0; seed < 60; seed++) {
      const { doc, data } = randomGraph(seed);
      const plan = compileGraph(doc, data);
      if (!plan.ok) throw new Error(`seed ${seed} does not compile`);
      const before = tf.memory().numTensors;
      const examples = randomExamples(data, 16, seed);
      const statistics = {
        mean: new Float32Array(data.features),
        std: new Float32Array(data.features).fill(1),
      };
      const network = Network.fromPlan(plan.value, {
        random: createRandom(seed),
        inputStatistics: statistics,
      });
      const executor = new TfjsExecutor(
        plan.value,
        { train: examples, dev: examples, test: examples },
        network,
      );
      executor.update(Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]), 0.01, 1);
      executor.update(Int32Array.from([8, 9, 10, 11, 12, 13, 14, 15]), 0.01, 2);
      const costs = await executor.readCosts();
      expect([...costs].every(Number.isFinite), `seed ${seed}: ${costs}`).toBe(true);
      const dev = await executor.evaluate('dev');
      expect(Number.isFinite(dev.cost), `seed ${seed}`).toBe(true);
      executor.dispose();
      network.dispose();
      expect(tf.memory().numTensors, `seed ${seed} leaks`).toBe(before);
    }
  });

  it(`reports problems, never a crash, on ${GRAPHS} broken graphs`, () => {
    let refused = 0;
    for (let seed = 0; seed < GRAPHS; seed++) {
      const { doc, data } = randomBrokenGraph(seed);
      const analysis = analyzeGraph(doc, data);
      expect(analysis.problems.length, `seed ${seed}`).toBeGreaterThan(0);
      for (const p of analysis.problems) expect(p.message.length, `seed ${seed}`).toBeGreaterThan(10);
      const plan = compileGraph(doc, data);
      expect(plan.ok).toBe(!hasErrors(analysis.problems));
      if (!plan.ok) refused += 1;
    }
    expect(refused).toBeGreaterThan(GRAPHS * 0.8);
  });
});
