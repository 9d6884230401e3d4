import { z } from 'zod';
import { createRandom, permutation } from '../random.js';
import type { DataDescription, DataSplits, HeldOut, LabeledData } from './types.js';

/** Above this many examples 'auto' keeps 98 % for training (spec §1). */
export const AUTO_SPLIT_LARGE_M = 10_000;

const FractionsSchema = z
  .object({
    dev: z.number().min(0).lt(1).describe('Fraction of the examples held out as the dev (validation) set.'),
    test: z.number().min(0).lt(1).default(0).describe('Fraction held out as the test set; 0 for none.'),
  })
  .refine((s) => s.dev + s.test < 1, {
    message: 'dev + test must be below 1 so some examples are left to train on.',
  });

/**
 * The `split` param of a Dataset node: 'auto' (60/20/20 when m ≤ 10,000, else 98/1/1) or explicit
 * fractions, e.g. { dev: 0.2, test: 0.1 } → 70 % train, 20 % dev, 10 % test.
 */
export const DataSplitSchema = z.union([z.literal('auto'), FractionsSchema]);
export type DataSplit = z.output<typeof DataSplitSchema>;

/** Dev and test fractions for m examples: 'auto' resolved per spec §1. */
export function splitFractions(m: number, split: DataSplit): { dev: number; test: number } {
  if (split !== 'auto') return { dev: split.dev, test: split.test };
  return m <= AUTO_SPLIT_LARGE_M ? { dev: 0.2, test: 0.2 } : { dev: 0.01, test: 0.01 };
}

/**
 * How many examples each split gets: dev and test rounded to the nearest whole example, train the
 * rest. m = 300, 'auto' → { train: 180, dev: 60, test: 60 }; m = 25,000 → 24,500 / 250 / 250.
 */
export function splitSizes(m: number, split: DataSplit): { train: number; dev: number; test: number } {
  const { dev, test } = splitFractions(m, split);
  const devCount = Math.round(m * dev);
  const testCount = Math.round(m * test);
  // dev + test < 1, so the two rounded counts never add up to more than m; train can be 0 only for a
  // tiny m (m = 2 with 40/40 % held out), which validation reports.
  return { train: m - devCount - testCount, dev: devCount, test: testCount };
}

/**
 * Split sizes for a data set described before or after loading: as splitSizes, except that a test
 * set of its own (heldOut) takes no examples from the m of the training source, and a dev set of its
 * own none either. Fashion-MNIST (m 60,000, test 10,000 of its own), 'auto' → 59,400 / 600 /
 * 10,000; a train.csv of 100 rows with a test.csv, { dev: 0.2, test: 0.1 } → 80 / 20 / (test.csv's).
 * Sizes of sets not yet read are null.
 */
export function splitSizesOf(
  data: Pick<DataDescription, 'm' | 'heldOut'> & { m: number },
  split: DataSplit,
): { train: number; dev: number | null; test: number | null } {
  const { m, heldOut } = data;
  if (!heldOut) return splitSizes(m, split);
  if (heldOut.dev !== undefined) return { train: m, dev: heldOut.dev, test: heldOut.test };
  const dev = Math.round(m * splitFractions(m, split).dev);
  return { train: m - dev, dev, test: heldOut.test };
}

/** Rows `indices` of `data`, in that order, with its names and image shape. [m, n] → [k, n]. */
export function subset(data: LabeledData, indices: ArrayLike<number>): LabeledData {
  const k = indices.length;
  const x = new Float32Array(k * data.features);
  const y = new Float32Array(k * data.targets);
  for (let i = 0; i < k; i++) {
    const row = indices[i] as number;
    x.set(data.x.subarray(row * data.features, (row + 1) * data.features), i * data.features);
    y.set(data.y.subarray(row * data.targets, (row + 1) * data.targets), i * data.targets);
  }
  const { heldOut: _sets, ...rest } = data;
  return { ...rest, m: k, x, y };
}

/**
 * Mixed into the seed so the split's shuffle is not the same stream a generator draws its points
 * from when both use the Dataset node's seed.
 */
const SPLIT_SALT = 0x53504c54;

/**
 * Splits per spec §1: a seeded shuffle of all m examples, then the first `train` rows train, the next
 * `dev` rows dev, the rest test. The same data, split and seed always give the same three sets.
 * [m, n] → train [0.6m, n], dev [0.2m, n], test [0.2m, n] for 'auto' with m ≤ 10,000.
 */
export function splitData(data: LabeledData, split: DataSplit, seed: number): DataSplits {
  if (data.heldOut) return splitHeldOut(data, data.heldOut, split, seed);
  const sizes = splitSizes(data.m, split);
  const order = permutation(data.m, createRandom((seed ^ SPLIT_SALT) >>> 0));
  return {
    train: subset(data, order.subarray(0, sizes.train)),
    dev: subset(data, order.subarray(sizes.train, sizes.train + sizes.dev)),
    test: subset(data, order.subarray(sizes.train + sizes.dev)),
  };
}

/**
 * Splits data whose test set (and maybe dev set) came from sources of their own: those are used as
 * they are; without a dev set of its own, dev is cut from a seeded shuffle of the training examples
 * by the split's dev fraction. With both of its own, the training data is not copied at all.
 */
function splitHeldOut(data: LabeledData, heldOut: HeldOut, split: DataSplit, seed: number): DataSplits {
  const { heldOut: _sets, ...train } = data;
  if (heldOut.dev) return { train, dev: heldOut.dev, test: heldOut.test };
  const sizes = splitSizesOf({ m: data.m, heldOut: { test: heldOut.test.m } }, split);
  const order = permutation(data.m, createRandom((seed ^ SPLIT_SALT) >>> 0));
  return {
    train: subset(train, order.subarray(0, sizes.train)),
    dev: subset(train, order.subarray(sizes.train)),
    test: heldOut.test,
  };
}
