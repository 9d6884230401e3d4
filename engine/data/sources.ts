import { error, fail, ok, type Problem, type Result } from '../problems.js';
import { parseCsvDataset } from './csv.js';
import { DIGITS_DESCRIPTION, loadDigits } from './digits.js';
import { fashionMnistDescription, loadFashionMnist } from './fashion-mnist.js';
import { GENERATORS } from './generators/index.js';
import { alignHeldOut, withHeldOut } from './held-out.js';
import { idxDataset } from './idx-data.js';
import { loadImageFolder } from './image-folder.js';
import { inlineClasses, inlineDataset } from './inline.js';
import { MAX_DATA_VALUES, valuesProblem } from './limits.js';
import type { Outcome } from './outcome.js';
import { readBytes } from './read.js';
import {
  type DatasetSource,
  type DatasetSourceInput,
  DatasetSourceSchema,
  type PartSource,
} from './source-schemas.js';
import type { DataDescription, DataFileReader, LabeledData } from './types.js';

export * from './source-schemas.js';

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

function describePart(s: PartSource | Exclude<DatasetSource, { kind: 'splits' }>): DataDescription | null {
  switch (s.kind) {
    case 'generator': {
      const classes = (GENERATORS[s.name].classes as (params: typeof s) => number)(s);
      return { features: 2, classes, targets: 1, m: s.n };
    }
    case 'builtin':
      return s.name === 'fashion-mnist'
        ? fashionMnistDescription(s.limit)
        : {
            ...DIGITS_DESCRIPTION,
            m: Math.min(s.limit ?? Number.POSITIVE_INFINITY, DIGITS_DESCRIPTION.m ?? 0),
          };
    case 'csv':
    case 'idx':
    case 'imageFolder':
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
 * What the data looks like without loading it, for shape inference: generators → features 2;
 * digits → 64 features, 10 classes, imageShape [8, 8, 1]; Fashion-MNIST → 784 features, 10 classes,
 * m 60,000, heldOut { test: 10,000 }. Null where the shape is known only once read (CSV, IDX files,
 * image folders, a splits source whose training part is one of those) and for a source that does not
 * parse (parseDatasetSource says why).
 */
export function describeDataset(source: DatasetSourceInput): DataDescription | null {
  const parsed = DatasetSourceSchema.safeParse(source);
  if (!parsed.success) return null;
  const s = parsed.data;
  if (s.kind !== 'splits') return describePart(s);
  const train = describePart(s.train);
  if (!train) return null;
  const { heldOut: _ignored, ...described } = train;
  const size = (part: PartSource) => describePart(part)?.m ?? null;
  return { ...described, heldOut: { test: size(s.test), ...(s.dev ? { dev: size(s.dev) } : {}) } };
}

/** Where the problems of one part of a source go: the node, a field path, a prefix for messages. */
interface Place {
  nodeId: string | null;
  path: string;
  prefix: string;
}

const fromOutcome = (outcome: Outcome<LabeledData>, at: Place): Result<LabeledData> =>
  outcome.ok
    ? ok(outcome.value)
    : fail(outcome.messages.map((m) => error('DATASET', at.nodeId, at.prefix + m, at.path)));

/** The first `limit` examples (views, no copy). */
function firstRows(data: LabeledData, limit: number | undefined): LabeledData {
  if (limit === undefined || limit >= data.m) return data;
  return {
    ...data,
    m: limit,
    x: data.x.subarray(0, limit * data.features),
    y: data.y.subarray(0, limit * data.targets),
  };
}

async function loadIdx(
  s: Extract<PartSource, { kind: 'idx' }>,
  reader: DataFileReader | undefined,
  room: number,
): Promise<Outcome<LabeledData>> {
  const pair = async (files: { images: string; labels: string }, limit: number | undefined, left: number) => {
    const [images, labels] = await Promise.all([
      readBytes(reader, files.images),
      readBytes(reader, files.labels),
    ]);
    if (!images.ok) return images;
    if (!labels.ok) return labels;
    return idxDataset(
      { name: files.images, bytes: images.value },
      { name: files.labels, bytes: labels.value },
      { limit, room: left, classNames: s.classNames },
    );
  };
  const train = await pair(s, s.limit, room);
  if (!train.ok || !s.test) return train;
  const test = await pair(s.test, undefined, room - train.value.m * train.value.features);
  if (!test.ok) return test;
  return withHeldOut(train.value, { test: test.value });
}

/** Loads one source that is not a splits source; `room` values are left under MAX_DATA_VALUES. */
async function loadPart(
  s: PartSource | Extract<DatasetSource, { kind: 'generator' }>,
  at: Place,
  reader: DataFileReader | undefined,
  seed: number,
  room: number,
): Promise<Result<LabeledData>> {
  const problem = (message: string): Problem => error('DATASET', at.nodeId, at.prefix + message, at.path);
  let loaded: Result<LabeledData>;
  switch (s.kind) {
    case 'generator': {
      const generate = GENERATORS[s.name].generate as (params: typeof s, seed: number) => LabeledData;
      return ok(generate(s, seed));
    }
    case 'builtin':
      loaded =
        s.name === 'fashion-mnist'
          ? fromOutcome(await loadFashionMnist(reader, s.limit), at)
          : ok(firstRows(await loadDigits(), s.limit));
      break;
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
      const result = parseCsvDataset(text, options, at.nodeId, {
        room,
        onProgress: (fraction) => reader.onParseProgress?.(s.path, fraction),
      });
      const named = result.problems.map((p) => ({
        ...p,
        path: at.path,
        message: `${at.prefix}${s.path}: ${p.message}`,
      }));
      loaded = result.ok ? ok(result.value, named) : fail(named);
      break;
    }
    case 'inline': {
      const result = inlineDataset(s, at.nodeId);
      const placed = result.problems.map((p) => ({ ...p, path: at.path, message: at.prefix + p.message }));
      loaded = result.ok ? ok(result.value, placed) : fail(placed);
      break;
    }
    case 'idx':
      loaded = fromOutcome(await loadIdx(s, reader, room), at);
      break;
    case 'imageFolder':
      loaded = fromOutcome(await loadImageFolder(reader, s, room), at);
      break;
  }
  if (!loaded.ok) return loaded;
  // CSV and inline data have limits of their own; this keeps every part under the shared one.
  const data = loaded.value;
  const tooMany = valuesProblem('The data set', data.m, data.features, room);
  return tooMany ? fail([problem(tooMany)]) : loaded;
}

const used = (d: LabeledData): number =>
  d.m * d.features + (d.heldOut ? used(d.heldOut.test) + (d.heldOut.dev ? used(d.heldOut.dev) : 0) : 0);

/**
 * A splits source: train, then test and dev in the room left, each a single set (a part with a test
 * set of its own is refused), checked against train.
 */
async function loadSplits(
  s: Extract<DatasetSource, { kind: 'splits' }>,
  nodeId: string | null,
  reader: DataFileReader | undefined,
  seed: number,
): Promise<Result<LabeledData>> {
  const problems: Problem[] = [];
  const sets: { train?: LabeledData; test?: LabeledData; dev?: LabeledData } = {};
  let room = MAX_DATA_VALUES;
  for (const part of ['train', 'test', 'dev'] as const) {
    const source = s[part];
    if (!source) continue;
    const at = {
      nodeId,
      path: `source.${part}`,
      prefix: `${part[0]?.toUpperCase()}${part.slice(1)} source: `,
    };
    const result = await loadPart(source, at, reader, seed, room);
    problems.push(...result.problems);
    if (!result.ok) return fail(problems);
    if (result.value.heldOut) {
      const message = `${at.prefix}it brings a test set of its own; each part of a splits source must be one set (name its training files alone).`;
      return fail([...problems, error('DATASET', nodeId, message, at.path)]);
    }
    sets[part] = result.value;
    room -= used(result.value);
  }
  const { train, test, dev } = sets as Required<typeof sets>;
  const aligned = {
    test: fromOutcome(alignHeldOut(train, test, 'test'), { nodeId, path: 'source.test', prefix: '' }),
    dev: dev
      ? fromOutcome(alignHeldOut(train, dev, 'dev'), { nodeId, path: 'source.dev', prefix: '' })
      : null,
  };
  if (!aligned.test.ok || (aligned.dev && !aligned.dev.ok)) {
    return fail([...problems, ...aligned.test.problems, ...(aligned.dev?.problems ?? [])]);
  }
  const heldOut = aligned.dev
    ? { test: aligned.test.value, dev: aligned.dev.value }
    : { test: aligned.test.value };
  return ok({ ...train, heldOut }, problems);
}

/**
 * Loads a source into memory. `seed` seeds the generators (the Dataset node's seed). Files are read
 * through `reader` (the engine never touches the disk itself); problems name the file, and for a
 * splits source the part ("Test source: test.csv: line 3 …", path `source.test`). Every user
 * mistake comes back as problems; nothing here throws on bad input. A source with test (and dev) sets
 * of its own returns them as `heldOut`, which splitData uses as they are.
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
  if (s.kind === 'splits') return loadSplits(s, nodeId, reader, seed);
  return loadPart(s, { nodeId, path: 'source', prefix: '' }, reader, seed, MAX_DATA_VALUES);
}
