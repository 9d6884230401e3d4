import { describe, expect, it } from 'vitest';
import { compileGraph } from '../compile/plan.js';
import { compareExecutors } from '../testing/fast-vs-tfjs.js';
import { randomExamples, randomGraph } from '../testing/random-graphs.js';
import { type KernelChoice, simdAvailable } from './kernels.js';

/**
 * On random valid graphs over every layer kind (engine/testing/random-graphs.ts: residual blocks,
 * concatenated branches, convolutions, pooling, BatchNorm, Dropout, Normalize, Augment), the fast
 * executor trains to tf.js's numbers: same initial weights, batches and step seeds, and after each
 * update the cost, every weight and the BatchNorm state within 2e-5 of the tensor's scale, as is the
 * evaluation-mode cost after the last. Even seeds run the JS kernels, odd ones SIMD where available.
 *
 * The updates are plain gradient descent, not the graphs' Adam: Adam's first steps are about
 * α·g/√(g² + ε), which turns a gradient that cancels to float32 noise into a step of up to α — and
 * random graphs make such gradients (γ and β of a BatchNorm that another BatchNorm follows have zero
 * gradient in exact arithmetic; a bias whose terms cancel to 1e-6). Under Adam seed 408 differs by
 * 0.03 after three updates while every gradient agrees to 3e-7 of its tensor's scale; under GD it
 * agrees. The optimizers themselves are compared on the presets and in executor.test.ts. α = 0.01:
 * at 0.05 a few graphs diverge (cost 8 → 22,000 in three updates), where rounding grows as fast.
 * Measured: the worst of 500 graphs 2.7e-6 (seed 408's weights); about 20 s on one core.
 */
const TOLERANCE = 2e-5;
const GRAPHS = 500;
const CHUNK = 100;
const UPDATES = 3;
const GD = { algorithm: 'gd', learningRate: 0.01 } as const;

describe('the fast executor matches tf.js on random graphs', () => {
  for (let from = 0; from < GRAPHS; from += CHUNK) {
    it(`graphs ${from}–${from + CHUNK - 1}`, () => {
      let worst = { seed: -1, value: 0, what: '' };
      for (let seed = from; seed < from + CHUNK; seed++) {
        const { doc, data } = randomGraph(seed);
        const compiled = compileGraph(doc, data);
        if (!compiled.ok) throw new Error(`seed ${seed} does not compile`);
        const kernels: KernelChoice = seed % 2 === 1 && simdAvailable() ? 'simd' : 'js';
        const train = randomExamples(data, 16, seed);
        const plan = { ...compiled.value, optimizer: GD };
        const agreement = compareExecutors(plan, train, {
          updates: UPDATES,
          batchSize: 8,
          kernels,
          seed,
        });
        for (const what of ['cost', 'weights', 'state', 'evaluation'] as const) {
          if (!(agreement[what] <= worst.value)) worst = { seed, value: agreement[what], what };
        }
      }
      expect(worst.value, `worst: seed ${worst.seed}, ${worst.what}`).toBeLessThan(TOLERANCE);
    });
  }
});
