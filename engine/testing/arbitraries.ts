/**
 * fast-check arbitraries for the property tests of the loader and validator: plausible documents
 * (what the editor writes), junk values (what a broken or hostile file holds) and mutations that turn
 * the first into the second one field at a time. Test-only: imported by *.test.ts files.
 */
import fc from 'fast-check';
import { type LayerSpec, sequentialDocument } from '../document/build.js';
import type { GraphDocument } from '../document/schema.js';
import { NODE_KINDS } from '../nodes/registry.js';

/**
 * Numbers JSON text can carry but JSON.stringify cannot write: each placeholder string is replaced
 * by its raw spelling in the text (`"§1e400§"` → `1e400`, which JSON.parse reads as Infinity).
 */
export const RAW_NUMBERS = ['1e400', '-1e400', '1e308', '-1e308', '5e-324', '-0', '1e21', '3.5e38'];
const placeholder = (raw: string) => `§${raw}§`;

/** Serializes `json` and swaps the placeholders for their raw numbers. */
export function toJsonText(json: unknown, indent?: number): string {
  let text = JSON.stringify(json, null, indent) ?? 'null';
  for (const raw of RAW_NUMBERS) text = text.split(JSON.stringify(placeholder(raw))).join(raw);
  return text;
}

const KIND_NAMES = NODE_KINDS.map((k) => k.kind);
const PORT_NAMES = [
  ...new Set(NODE_KINDS.flatMap((k) => [...k.inputs, ...k.outputs].map((p) => p.name))),
  'nope',
  '',
];

/** A number as a hostile file may write it: huge, tiny, negative zero, or as a string. */
export const oddNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...RAW_NUMBERS.map(placeholder)),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e400', '0x10', '', ' 3 '),
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1e-9, 0.5, 1e6, 1e7),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, nested a little, with odd numbers among the leaves. */
export const junk: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    oddNumber,
    fc.string({ maxLength: 12 }),
    fc.constantFrom(...KIND_NAMES, ...PORT_NAMES, 'generator', 'csv', 'inline', 'moons', '__proto__'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom('x', 'y', 'units', 'kind', 'name', '__proto__', 'constructor', 'n'),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

/** Nested arrays and objects `depth` deep: [[[…]]] or {"a":{"a":…}}, written as text. */
export function deepJunkText(depth: number, object: boolean): string {
  return object
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

const layerSpec: fc.Arbitrary<LayerSpec> = fc.oneof(
  fc.record({
    kind: fc.constant('Dense'),
    params: fc.record(
      {
        units: fc.integer({ min: 1, max: 64 }),
        activation: fc.constantFrom('relu', 'leakyRelu', 'tanh', 'sigmoid', 'linear'),
        initializer: fc.constantFrom('he', 'xavier', 'glorot', 'random', 'zeros'),
        l2: fc.constantFrom(0, 0.01, 1),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.constantFrom<LayerSpec>(
    { kind: 'Activation', params: { fn: 'tanh' } },
    { kind: 'BatchNorm' },
    { kind: 'Dropout', params: { keepProb: 0.8 } },
    { kind: 'Normalize' },
    { kind: 'Softmax' },
    { kind: 'Augment' },
  ),
);

const datasetParams = fc.oneof(
  fc.record({
    source: fc.record({
      kind: fc.constant('generator'),
      name: fc.constantFrom('moons', 'circles', 'blobs', 'spirals', 'xor', 'noisy', 'scaled'),
      n: fc.integer({ min: 4, max: 400 }),
    }),
  }),
  fc.constant({ source: { kind: 'builtin', name: 'digits' } }),
  fc.constant({ source: { kind: 'csv', path: 'data.csv' } }),
  fc
    .array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.integer({ min: 0, max: 2 })), {
      minLength: 1,
      maxLength: 12,
    })
    .map((rows) => ({
      source: { kind: 'inline', x: rows.map(([v]) => [v, -v]), y: rows.map(([, c]) => c) },
      split: { dev: 0, test: 0 },
    })),
);

/** An output head that fits the loss and the data, so a good share of documents compile. */
const HEADS: Record<string, LayerSpec[]> = {
  binaryCrossEntropy: [{ kind: 'Dense', params: { units: 1, activation: 'sigmoid' } }],
  categoricalCrossEntropy: [
    { kind: 'Dense', params: { units: 10, activation: 'linear' } },
    { kind: 'Softmax' },
  ],
  meanSquaredError: [{ kind: 'Dense', params: { units: 1, activation: 'linear' } }],
};

/**
 * A plausible document: Dataset → 0–5 layers → Loss, with an Optimizer and Training, maybe a
 * Schedule. Half of them end in a head that fits their loss (10 classes for the digits), so they
 * usually compile; the rest are the half-built graphs an editor holds.
 */
export const plausibleDocument: fc.Arbitrary<GraphDocument> = fc
  .record({
    dataset: datasetParams,
    layers: fc.array(layerSpec, { maxLength: 5 }),
    head: fc.boolean(),
    loss: fc.record({
      fn: fc.constantFrom('binaryCrossEntropy', 'categoricalCrossEntropy', 'meanSquaredError'),
    }),
    optimizer: fc.record({
      algorithm: fc.constantFrom('gd', 'momentum', 'rmsprop', 'adam'),
      learningRate: fc.constantFrom(0.001, 0.01, 0.1, 1),
    }),
    schedule: fc.option(fc.constantFrom({ kind: 'inverseTime' }, { kind: 'staircase' }, { kind: 'manual' }), {
      nil: undefined,
    }),
    training: fc.record({
      batchMode: fc.constantFrom('mini', 'full', 'stochastic'),
      batchSize: fc.integer({ min: 1, max: 512 }),
      epochs: fc.integer({ min: 1, max: 50 }),
      earlyStopping: fc.record({ enabled: fc.boolean() }),
    }),
  })
  .map(({ schedule, head, ...spec }) => {
    if (head) {
      const fn = spec.loss.fn;
      const layers = spec.layers.filter((l) => l.kind !== 'Softmax' && l.kind !== 'Augment');
      const dataset =
        fn === 'categoricalCrossEntropy'
          ? { source: { kind: 'builtin', name: 'digits' } }
          : { source: { kind: 'generator', name: 'moons', n: 40 + 2 * spec.training.batchSize } };
      Object.assign(spec, { dataset, layers: [...layers, ...(HEADS[fn] ?? [])] });
    }
    return sequentialDocument(schedule ? { ...spec, schedule } : spec);
  });

/** One change to a document's JSON, applied by `applyMutation`. */
export type Mutation =
  | { op: 'set'; path: number[]; value: unknown }
  | { op: 'delete'; path: number[] }
  | { op: 'addKey'; path: number[]; key: string; value: unknown }
  | { op: 'edge'; from: number; to: number; sourcePort: string; targetPort: string }
  | { op: 'kind'; node: number; kind: string }
  | { op: 'duplicate'; node: number }
  | { op: 'version'; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('set' as const),
      path: fc.array(fc.nat(), { maxLength: 7 }),
      value: junk,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('delete' as const),
      path: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('addKey' as const),
      path: fc.array(fc.nat(), { maxLength: 6 }),
      key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'units', 'source', 'extra', 'path', 'x'),
      value: junk,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('edge' as const),
      from: fc.nat(),
      to: fc.nat(),
      sourcePort: fc.constantFrom(...PORT_NAMES),
      targetPort: fc.constantFrom(...PORT_NAMES),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('kind' as const),
      node: fc.nat(),
      kind: fc.constantFrom(...KIND_NAMES, 'Conv2D', 'dense', '', 'constructor', '__proto__'),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ op: fc.constant('duplicate' as const), node: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('version' as const),
      value: fc.constantFrom<unknown>(
        0,
        -1,
        1.5,
        2,
        99,
        '1',
        null,
        placeholder('1e400'),
        placeholder('-0'),
        true,
      ),
    }),
    weight: 1,
  },
);

type Json = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/** Walks `path` (each step picks a child by index modulo the count) and returns the parent and key. */
function locate(root: Json, path: readonly number[]): { parent: Json; key: string | number } | null {
  let parent: Json | null = null;
  let key: string | number = '';
  let at: unknown = root;
  for (const step of path) {
    if (!isContainer(at)) break;
    const keys: (string | number)[] = Array.isArray(at) ? at.map((_, i) => i) : Object.keys(at);
    if (!keys.length) break;
    parent = at;
    key = keys[step % keys.length]!;
    at = (at as Record<string | number, unknown>)[key];
  }
  return parent ? { parent, key } : null;
}

const define = (target: Json, key: string | number, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

/** Applies one mutation to a document's plain-JSON copy, in place. */
export function applyMutation(doc: Record<string, unknown>, m: Mutation): void {
  const nodes = Array.isArray(doc.nodes) ? (doc.nodes as unknown[]) : [];
  const nodeAt = (i: number) => {
    const node = nodes[i % Math.max(1, nodes.length)];
    return isContainer(node) && !Array.isArray(node) ? node : undefined;
  };
  switch (m.op) {
    case 'set': {
      const at = locate(doc, m.path);
      if (at) define(at.parent, at.key, m.value);
      break;
    }
    case 'delete': {
      const at = locate(doc, m.path);
      if (at && Array.isArray(at.parent)) at.parent.splice(Number(at.key), 1);
      else if (at) delete (at.parent as Record<string, unknown>)[at.key];
      break;
    }
    case 'addKey': {
      const target = m.path.length ? locate(doc, m.path) : null;
      const obj = target ? (target.parent as Record<string | number, unknown>)[target.key] : doc;
      if (isContainer(obj) && !Array.isArray(obj)) define(obj, m.key, m.value);
      break;
    }
    case 'edge': {
      const from = nodeAt(m.from);
      const to = nodeAt(m.to);
      if (!Array.isArray(doc.edges)) break;
      (doc.edges as unknown[]).push({
        id: `fuzz-${(doc.edges as unknown[]).length}`,
        source: from?.id ?? 'ghost',
        sourcePort: m.sourcePort,
        target: to?.id ?? 'ghost',
        targetPort: m.targetPort,
      });
      break;
    }
    case 'kind': {
      const node = nodeAt(m.node);
      if (node) node.kind = m.kind;
      break;
    }
    case 'duplicate': {
      const node = nodeAt(m.node);
      if (node) nodes.push(JSON.parse(JSON.stringify(node)));
      break;
    }
    case 'version':
      doc.version = m.value;
      break;
  }
}

/** A plausible document after 1–4 mutations (mostly one or two), as file text. */
export const mutatedDocumentText: fc.Arbitrary<string> = fc
  .tuple(plausibleDocument, fc.array(mutation, { minLength: 1, maxLength: 4, size: 'xsmall' }), fc.boolean())
  .map(([doc, mutations, pretty]) => {
    const json = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    for (const m of mutations) applyMutation(json, m);
    return toJsonText(json, pretty ? 2 : undefined);
  });

/**
 * A random graph: `count` nodes of random (mostly known) kinds with valid default params, joined by
 * random edges between random ports, so cycles, fan-outs and type mismatches all turn up.
 */
export const randomGraph = (maxNodes: number): fc.Arbitrary<GraphDocument> =>
  fc
    .record({
      kinds: fc.array(fc.constantFrom(...KIND_NAMES, 'Conv2D'), { minLength: 1, maxLength: maxNodes }),
      edges: fc.array(
        fc.record({
          from: fc.nat(),
          to: fc.nat(),
          sourcePort: fc.constantFrom(...PORT_NAMES),
          targetPort: fc.constantFrom(...PORT_NAMES),
        }),
        { maxLength: maxNodes * 2 },
      ),
    })
    .map(({ kinds, edges }) => ({
      format: 'netcanvas' as const,
      version: 1 as const,
      name: 'random',
      description: '',
      nodes: kinds.map((kind, i) => ({ id: `n${i}`, kind, params: {}, position: { x: i, y: 0 } })),
      edges: edges.map((e, i) => ({
        id: `e${i}`,
        source: `n${e.from % kinds.length}`,
        sourcePort: e.sourcePort || 'out',
        target: `n${e.to % kinds.length}`,
        targetPort: e.targetPort || 'in',
      })),
      runs: [],
    }));
