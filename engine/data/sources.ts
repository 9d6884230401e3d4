import { z } from 'zod';
import { error, fail, ok, type Problem, type Result } from '../problems.js';
import { parseCsvDataset } from './csv.js';
import { DIGITS_DESCRIPTION, loadDigits } from './digits.js';
import {
  BlobsParamsSchema,
  CirclesParamsSchema,
  GENERATORS,
  MoonsParamsSchema,
  NoisyParamsSchema,
  ScaledParamsSchema,
  SpiralsParamsSchema,
  XorParamsSchema,
} from './generators/index.js';
import { inlineClasses, inlineDataset } from './inline.js';
import type { DataDescription, DataFileReader, LabeledData } from './types.js';

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

export const BuiltinSourceSchema = z.object({
  kind: z.literal('builtin'),
  name: z.enum(['digits']).default('digits').describe('digits: 1,797 8×8 handwritten digits, 10 classes.'),
});

const TaskSchema = z
  .enum(['classification', 'regression'])
  .default('classification')
  .describe('classification: labels are classes; regression: the label is a number to predict.');

export const CsvSourceSchema = z.object({
  kind: z.literal('csv'),
  path: z.string().min(1).max(1000).describe("The file, relative to the document's folder."),
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

/** The `source` param of a Dataset node, told apart by `kind`. */
export const DatasetSourceSchema = z.discriminatedUnion('kind', [
  GeneratorSourceSchema,
  BuiltinSourceSchema,
  CsvSourceSchema,
  InlineSourceSchema,
]);

export type DatasetSource = z.output<typeof DatasetSourceSchema>;
/** A source as written in a document: defaults may be missing. */
export type DatasetSourceInput = z.input<typeof DatasetSourceSchema>;

/** Parses a source; bad fields become INVALID_PARAM problems with paths like `source.noise`. */
export function parseDatasetSource(source: unknown, nodeId: string | null): Result<DatasetSource> {
  const parsed = DatasetSourceSchema.safeParse(source);
  if (parsed.success) return ok(parsed.data);
  return fail(
    parsed.error.issues.map((issue): Problem => {
      const path = ['source', ...issue.path.map(String)].join('.');
      return error('INVALID_PARAM', nodeId, `${path}: ${issue.message}`, path);
    }),
  );
}

/**
 * What the data looks like without loading it, for shape inference: generators → features 2;
 * digits → 64 features, 10 classes, imageShape [8, 8, 1]. Null for a CSV file (its columns are
 * known only once read) and for a source that does not parse (parseDatasetSource says why).
 */
export function describeDataset(source: DatasetSourceInput): DataDescription | null {
  const parsed = DatasetSourceSchema.safeParse(source);
  if (!parsed.success) return null;
  const s = parsed.data;
  switch (s.kind) {
    case 'generator': {
      const classes = (GENERATORS[s.name].classes as (params: typeof s) => number)(s);
      return { features: 2, classes, targets: 1, m: s.n };
    }
    case 'builtin':
      return { ...DIGITS_DESCRIPTION };
    case 'csv':
      return null;
    case 'inline': {
      const features = s.x[0]?.length ?? 0;
      if (features === 0) return null;
      const classes = s.task === 'regression' ? null : inlineClasses(s);
      return { features, classes, targets: 1, m: s.x.length };
    }
  }
}

/**
 * Loads a source into memory. `seed` seeds the generators (the Dataset node's seed). A CSV file is
 * read through `reader` (the engine never touches the disk itself); its problems name the file.
 * Every user mistake comes back as problems; nothing here throws on bad input.
 */
export async function loadDataset(
  source: DatasetSourceInput,
  nodeId: string | null,
  reader?: DataFileReader,
  seed = 0,
): Promise<Result<LabeledData>> {
  const parsed = parseDatasetSource(source, nodeId);
  if (!parsed.ok) return parsed;
  const s = parsed.value;
  const problem = (message: string): Problem => error('DATASET', nodeId, message, 'source');
  switch (s.kind) {
    case 'generator': {
      const generate = GENERATORS[s.name].generate as (params: typeof s, seed: number) => LabeledData;
      return ok(generate(s, seed));
    }
    case 'builtin':
      return ok(await loadDigits());
    case 'csv': {
      if (!reader) return fail([problem(`Cannot read '${s.path}': no file reader is available here.`)]);
      let text: string;
      try {
        text = await reader.readText(s.path);
        if (typeof text !== 'string') throw new Error('the file reader returned no text');
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        return fail([problem(`Cannot read '${s.path}': ${reason}`)]);
      }
      const options = { labelColumn: s.labelColumn, header: s.header, task: s.task };
      const result = parseCsvDataset(text, options, nodeId);
      const named = result.problems.map((p) => ({ ...p, message: `${s.path}: ${p.message}` }));
      return result.ok ? ok(result.value, named) : fail(named);
    }
    case 'inline':
      return inlineDataset(s, nodeId);
  }
}
