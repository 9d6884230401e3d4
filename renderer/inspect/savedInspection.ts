import { z } from 'zod';
import type { MistakesReport, SplitMistakes } from '../../engine/inspect/mistakes';
import type { RunRecord } from '../training/runRecord';

/** 4 significant digits: pixel values and probabilities as a saved run keeps them. */
const compact = (v: number): number => Number(v.toPrecision(4));

const Rate = z.number().nullable();
const SavedSplitSchema = z.object({
  confusion: z.object({
    classes: z.number().int().min(1),
    counts: z.array(z.number()),
    precision: z.array(Rate),
    recall: z.array(Rate),
    m: z.number(),
  }),
  wrong: z.array(
    z.object({
      index: z.number(),
      truth: z.number(),
      predicted: z.number(),
      confidence: z.number(),
      truthProbability: z.number(),
      x: z.array(z.number()),
    }),
  ),
});

/**
 * The last mistakes report of a run as a project keeps it (the saved run's optional `mistakes`):
 * confusion matrices and the 12 most confidently wrong examples of dev and test, with their inputs.
 */
export const SavedMistakesSchema = z.object({
  epoch: z.number(),
  t: z.number(),
  dev: SavedSplitSchema.nullable(),
  test: SavedSplitSchema.nullable(),
  classNames: z.array(z.string()).optional(),
  featureNames: z.array(z.string()).optional(),
  imageShape: z.tuple([z.number(), z.number(), z.number()]).optional(),
});
export type SavedMistakes = z.infer<typeof SavedMistakesSchema>;

const saveSplit = (s: SplitMistakes | null) =>
  s && {
    confusion: s.confusion,
    wrong: s.wrong.map((w) => ({
      ...w,
      confidence: compact(w.confidence),
      truthProbability: compact(w.truthProbability),
      x: Array.from(w.x, compact),
    })),
  };

const restoreSplit = (s: z.infer<typeof SavedSplitSchema> | null): SplitMistakes | null =>
  s && { confusion: s.confusion, wrong: s.wrong.map((w) => ({ ...w, x: Float32Array.from(w.x) })) };

/** A report as JSON can hold it: typed arrays as plain arrays of 4-digit numbers. */
export const saveMistakes = (report: MistakesReport): SavedMistakes => ({
  ...report,
  dev: saveSplit(report.dev),
  test: saveSplit(report.test),
});

/** A saved report back as the views draw it. */
export const restoreMistakes = (saved: SavedMistakes): MistakesReport => ({
  ...saved,
  dev: restoreSplit(saved.dev),
  test: restoreSplit(saved.test),
});

/** The first convolutional layer's last filters as a saved run keeps them (its optional `filters`). */
export const SavedFiltersSchema = z.object({
  nodeId: z.string(),
  t: z.number(),
  shape: z.tuple([z.number().int().min(1), z.number().int().min(1), z.number().int().min(1)]),
  count: z.number().int().min(1),
  values: z.array(z.number()),
});
export type SavedFilters = z.infer<typeof SavedFiltersSchema>;

export const saveFilters = (filters: NonNullable<RunRecord['filters']>): SavedFilters => ({
  ...filters,
  values: Array.from(filters.values, compact),
});

export const restoreFilters = (saved: SavedFilters): NonNullable<RunRecord['filters']> => ({
  ...saved,
  values: Float32Array.from(saved.values),
});
