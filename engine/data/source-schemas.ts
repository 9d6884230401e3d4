import { z } from 'zod';
import {
  BlobsParamsSchema,
  CirclesParamsSchema,
  MoonsParamsSchema,
  NoisyParamsSchema,
  ScaledParamsSchema,
  SpiralsParamsSchema,
  XorParamsSchema,
} from './generators/index.js';

/**
 * Where a Dataset node's examples come from. The generator's params sit next to `kind` and `name`
 * (flat, so a problem's path reads `source.noise`), and each generator's own schema supplies the
 * defaults: { kind: 'generator', name: 'moons' } parses to { kind, name, n: 300, noise: 0.1 }.
 * Params of another generator are dropped, so switching `name` keeps the source valid.
 */
const kind = z.literal('generator');

export const GeneratorSourceSchema = z.discriminatedUnion('name', [
  CirclesParamsSchema.extend({ kind, name: z.literal('circles') }),
  MoonsParamsSchema.extend({ kind, name: z.literal('moons') }),
  BlobsParamsSchema.extend({ kind, name: z.literal('blobs') }),
  SpiralsParamsSchema.extend({ kind, name: z.literal('spirals') }),
  XorParamsSchema.extend({ kind, name: z.literal('xor') }),
  NoisyParamsSchema.extend({ kind, name: z.literal('noisy') }),
  ScaledParamsSchema.extend({ kind, name: z.literal('scaled') }),
]);

const LimitSchema = z
  .number()
  .int()
  .min(1)
  .optional()
  .describe('Use only the first N training examples, for quick runs; a test set of its own stays whole.');

export const BuiltinSourceSchema = z.object({
  kind: z.literal('builtin'),
  name: z
    .enum(['digits', 'fashion-mnist'])
    .default('digits')
    .describe(
      'digits: 1,797 8×8 handwritten digits; fashion-mnist: 70,000 28×28 clothing images (60,000 train, 10,000 test), installed separately. 10 classes each.',
    ),
  limit: LimitSchema,
});

const FilePathSchema = z.string().min(1).max(1000);

const TaskSchema = z
  .enum(['classification', 'regression'])
  .default('classification')
  .describe('classification: labels are classes; regression: the label is a number to predict.');

export const CsvSourceSchema = z.object({
  kind: z.literal('csv'),
  path: FilePathSchema.describe("The file, relative to the document's folder."),
  labelColumn: z
    .union([z.string().min(1).max(200), z.number().int().min(0)])
    .optional()
    .describe('Header name or 0-based column index of the label; default the last column.'),
  header: z
    .union([z.literal('auto'), z.boolean()])
    .default('auto')
    .describe('auto: the first row is a header when a cell outside the label column is not a number.'),
  task: TaskSchema,
});

export const InlineSourceSchema = z.object({
  kind: z.literal('inline'),
  x: z.array(z.array(z.number())).describe('Rows of features, e.g. [[0, 1], [1, 0]].'),
  y: z.array(z.number()).describe('One label per row: a class index, or the target for regression.'),
  task: TaskSchema,
  classNames: z.array(z.string()).optional(),
  featureNames: z.array(z.string()).optional(),
});

const IdxFilesSchema = {
  images: FilePathSchema.describe(
    'IDX images file (count × rows × columns unsigned bytes), e.g. train-images-idx3-ubyte.gz.',
  ),
  labels: FilePathSchema.describe('IDX labels file (count unsigned bytes), e.g. train-labels-idx1-ubyte.gz.'),
};

/**
 * MNIST-style IDX files (gzipped or not), paths relative to the document's folder:
 * { kind: 'idx', images: 'train-images-idx3-ubyte.gz', labels: 'train-labels-idx1-ubyte.gz',
 *   test: { images: 't10k-images-idx3-ubyte.gz', labels: 't10k-labels-idx1-ubyte.gz' } }.
 */
export const IdxSourceSchema = z.object({
  kind: z.literal('idx'),
  ...IdxFilesSchema,
  test: z
    .object(IdxFilesSchema)
    .optional()
    .describe("The test set's own files; without them the split cuts the test set from the training files."),
  limit: LimitSchema,
  classNames: z.array(z.string()).optional().describe('Names of classes 0, 1, …; default the label numbers.'),
});

/**
 * A folder with one subfolder of PNG/JPEG images per class, each image resized to width × height:
 * { kind: 'imageFolder', path: 'shoes', width: 28, height: 28, channels: 1 }.
 */
export const ImageFolderSourceSchema = z.object({
  kind: z.literal('imageFolder'),
  path: FilePathSchema.describe(
    "The folder, relative to the document's folder: one subfolder of PNG or JPEG images per class.",
  ),
  width: z.number().int().min(1).max(512).default(28).describe('Images are resized to this width in pixels.'),
  height: z
    .number()
    .int()
    .min(1)
    .max(512)
    .default(28)
    .describe('Images are resized to this height in pixels.'),
  channels: z
    .union([z.literal(1), z.literal(3)])
    .default(1)
    .describe('1: grey (luma); 3: red, green and blue.'),
});

/** A source that can be one part of a `splits` source: anything read rather than generated. */
export const PartSourceSchema = z.discriminatedUnion('kind', [
  BuiltinSourceSchema,
  CsvSourceSchema,
  InlineSourceSchema,
  IdxSourceSchema,
  ImageFolderSourceSchema,
]);

/**
 * Train, test and optionally dev sets from sources of their own, instead of a seeded split of one:
 * { kind: 'splits', train: { kind: 'csv', path: 'train.csv' }, test: { kind: 'csv', path: 'test.csv' } }.
 * Without `dev`, the split's dev fraction is cut from the training source (its test fraction unused).
 */
export const SplitsSourceSchema = z.object({
  kind: z.literal('splits'),
  train: PartSourceSchema.describe('The training examples (dev is cut from them unless dev is given).'),
  test: PartSourceSchema.describe('The test set, used as it is.'),
  dev: PartSourceSchema.optional().describe(
    'The dev set, used as it is; default: cut from train by the split.',
  ),
});

/** The `source` param of a Dataset node, told apart by `kind`. */
export const DatasetSourceSchema = z.discriminatedUnion('kind', [
  GeneratorSourceSchema,
  BuiltinSourceSchema,
  CsvSourceSchema,
  InlineSourceSchema,
  IdxSourceSchema,
  ImageFolderSourceSchema,
  SplitsSourceSchema,
]);

export type DatasetSource = z.output<typeof DatasetSourceSchema>;
export type PartSource = z.output<typeof PartSourceSchema>;
/** A source as written in a document: defaults may be missing. */
export type DatasetSourceInput = z.input<typeof DatasetSourceSchema>;
