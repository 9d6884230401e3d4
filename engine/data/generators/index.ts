import type { z } from 'zod';
import type { LabeledData } from '../types.js';
import { type BlobsParams, BlobsParamsSchema, blobs } from './blobs.js';
import { CirclesParamsSchema, circles } from './circles.js';
import { MoonsParamsSchema, moons } from './moons.js';
import { NoisyParamsSchema, noisy } from './noisy.js';
import { ScaledParamsSchema, scaled } from './scaled.js';
import { SpiralsParamsSchema, spirals } from './spirals.js';
import { XorParamsSchema, xor } from './xor.js';

export { type BlobsParams, BlobsParamsSchema, blobCenters, blobs } from './blobs.js';
export { type CirclesParams, CirclesParamsSchema, circles } from './circles.js';
export { MAX_GENERATED } from './common.js';
export { type MoonsParams, MoonsParamsSchema, moons } from './moons.js';
export { type NoisyParams, NoisyParamsSchema, noisy, noisyBoundary } from './noisy.js';
export { type ScaledParams, ScaledParamsSchema, scaled } from './scaled.js';
export { type SpiralsParams, SpiralsParamsSchema, spirals } from './spirals.js';
export { type XorParams, XorParamsSchema, xor } from './xor.js';

/** One 2-D generator: its params schema (every field defaulted) and the function drawing the set. */
export interface Generator<S extends z.ZodType> {
  params: S;
  generate(params: z.input<S>, seed: number): LabeledData;
  /** Classes the generated set has, from the parsed params. */
  classes(params: z.output<S>): number;
  /** One line for the palette and the docs. */
  summary: string;
}

const two = () => 2;

/** Every generator by name, in the order the palette lists them. */
export const GENERATORS = {
  circles: {
    params: CirclesParamsSchema,
    generate: circles,
    classes: two,
    summary: 'Two concentric circles (scikit-learn make_circles).',
  },
  moons: {
    params: MoonsParamsSchema,
    generate: moons,
    classes: two,
    summary: 'Two interleaving half moons.',
  },
  blobs: {
    params: BlobsParamsSchema,
    generate: blobs,
    classes: (p: BlobsParams) => p.centers,
    summary: 'Gaussian blobs, one class per blob (scikit-learn make_blobs).',
  },
  spirals: {
    params: SpiralsParamsSchema,
    generate: spirals,
    classes: two,
    summary: 'Two interleaved spirals.',
  },
  xor: { params: XorParamsSchema, generate: xor, classes: two, summary: 'Four quadrants, exclusive or.' },
  noisy: {
    params: NoisyParamsSchema,
    generate: noisy,
    classes: two,
    summary: 'A small noisy set with a curved boundary that big networks overfit.',
  },
  scaled: {
    params: ScaledParamsSchema,
    generate: scaled,
    classes: two,
    summary: 'Two features on scales 1 and 1000: the case for input normalization.',
  },
} satisfies Record<string, Generator<z.ZodType>>;

export type GeneratorName = keyof typeof GENERATORS;
export const GENERATOR_NAMES = Object.keys(GENERATORS) as GeneratorName[];
