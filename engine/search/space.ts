import { z } from 'zod';
import { schemaProblems } from '../document/parse.js';
import { fail, ok, type Result } from '../problems.js';
import { rangeProblem, SCALES } from './scales.js';

/**
 * One searched hyperparameter: a numeric field of one node's params and the range it is drawn from.
 * `min` and `max` are values (α 0.0001 to 1), not coordinates; the scale says how to draw between.
 */
export const SearchParamSchema = z
  .object({
    nodeId: z.string().min(1).describe('Id of the node whose param is searched, e.g. "optimizer".'),
    path: z
      .string()
      .min(1)
      .describe(
        'Field of its params, dotted when nested: learningRate, beta1, units, keepProb, l2, batchSize.',
      ),
    scale: z
      .enum(SCALES)
      .describe(
        'log10: v = 10^r; oneMinusLog10: v = 1 − 10^r; int: whole numbers; pow2: powers of two; linear.',
      ),
    min: z.number().finite(),
    max: z.number().finite(),
  })
  .superRefine((p, ctx) => {
    const why = rangeProblem(p.scale, p.min, p.max);
    if (why) ctx.addIssue({ code: 'custom', message: why, path: ['min'] });
  });
export type SearchParam = z.infer<typeof SearchParamSchema>;

/**
 * What a search tries, independent of any one document's layout: the params and their ranges, how
 * many trials, how many epochs each, and the seed of the draws (spec §11). Stored as plain JSON.
 */
export const SearchSpaceSchema = z
  .object({
    params: z.array(SearchParamSchema).min(1).max(50),
    trials: z.number().int().min(1).max(10_000).describe('How many random draws to train.'),
    epochsPerTrial: z.number().int().min(1).max(1_000_000).describe('The epoch budget of each trial.'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1)
      .describe('Seeds the draws (not the weights: every trial uses the Training node seed).'),
  })
  .superRefine((space, ctx) => {
    const seen = new Set<string>();
    space.params.forEach((p, i) => {
      const key = paramKey(p);
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', message: `${key} is searched twice.`, path: ['params', i] });
      seen.add(key);
    });
  });
export type SearchSpace = z.infer<typeof SearchSpaceSchema>;

/** The name of a searched param in results and on the command line: "optimizer.learningRate". */
export const paramKey = (p: { nodeId: string; path: string }): string => `${p.nodeId}.${p.path}`;

/** Searched values of one trial, keyed by `paramKey`: { "optimizer.learningRate": 0.0031 }. */
export type ParamValues = Record<string, number>;

/** Reads a search space from JSON; a malformed one comes back as SCHEMA problems, never a throw. */
export function parseSearchSpace(json: unknown): Result<SearchSpace> {
  const parsed = SearchSpaceSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : fail(schemaProblems(parsed.error.issues, json));
}
