import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { planFromAnalysis } from '../compile/plan.js';
import { prepareRun } from '../compile/prepare.js';
import { analyzeGraph } from '../graph/analyze.js';
import { PROBLEM_CODES, type Problem, type Result } from '../problems.js';
import {
  deepJunkText,
  junk,
  mutatedDocumentText,
  plausibleDocument,
  randomGraph,
  toJsonText,
} from '../testing/arbitraries.js';
import { parseDocument, readDocument, serializeDocument } from './parse.js';
import type { GraphDocument } from './schema.js';

/**
 * Property tests of the loader and the validator: random and mutated documents either load cleanly or
 * come back as a list of problems; nothing throws out of the API, and no case takes a second.
 * FC_SEED=<n> replays a run (fast-check prints the seed and path of any failure); FC_RUNS=<k>
 * multiplies the case counts for a longer local search.
 */
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20_261_127;
const scale = Number(process.env.FC_RUNS ?? 1);
/** Case counts and the seed; big inputs skip shrinking, which would take longer than it helps. */
const runs = (n: number, shrink = true) => ({ numRuns: Math.round(n * scale), seed, endOnFailure: !shrink });

/** Figures for docs/reliability.md: cases run and the slowest one, per property. */
const figures = new Map<string, { cases: number; maxMs: number; loaded: number; compiled: number }>();
afterAll(() => {
  const total = [...figures.values()].reduce((n, f) => n + f.cases, 0);
  const lines = [...figures].map(
    ([name, f]) =>
      `  ${name}: ${f.cases} cases, ${f.loaded} loaded, ${f.compiled} compiled, slowest ${f.maxMs.toFixed(1)} ms`,
  );
  console.info(`document property tests (seed ${seed}): ${total} cases\n${lines.join('\n')}`);
});

function record(name: string, ms: number, loaded: boolean, compiled: boolean): void {
  const f = figures.get(name) ?? { cases: 0, maxMs: 0, loaded: 0, compiled: 0 };
  f.cases += 1;
  f.maxMs = Math.max(f.maxMs, ms);
  if (loaded) f.loaded += 1;
  if (compiled) f.compiled += 1;
  figures.set(name, f);
}

/** Every problem is data: a known code, a severity, a message, a node id that exists (or null). */
function expectWellFormed(problems: readonly Problem[], doc?: GraphDocument): void {
  const ids = doc ? new Set(doc.nodes.map((n) => n.id)) : null;
  for (const p of problems) {
    expect(Object.keys(PROBLEM_CODES)).toContain(p.code);
    expect(['error', 'warning']).toContain(p.severity);
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.message).not.toMatch(/\[object Object\]/);
    if (p.nodeId !== null && ids) expect(ids.has(p.nodeId), `${p.code} names node "${p.nodeId}"`).toBe(true);
  }
}

function expectResult<T>(result: Result<T>): void {
  expectWellFormed(result.problems);
  if (!result.ok) expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
}

/**
 * Loads text the way Open does, then validates and compiles what loaded: never throws, always gives
 * a result, and a loaded document saves and loads back identical.
 */
function loadValidateCompile(name: string, load: () => Result<GraphDocument>): void {
  const started = performance.now();
  const loaded = load();
  expectResult(loaded);
  let compiled = false;
  if (loaded.ok) {
    const doc = loaded.value;
    const analysis = analyzeGraph(doc);
    expectWellFormed(analysis.problems, doc);
    const plan = planFromAnalysis(doc, analysis);
    expectResult(plan);
    compiled = plan.ok;
    if (plan.ok) {
      for (const layer of plan.value.layers) {
        expect(Number.isInteger(layer.inputFeatures) && layer.inputFeatures > 0).toBe(true);
        expect(Number.isInteger(layer.outputFeatures) && layer.outputFeatures > 0).toBe(true);
      }
    }
    // Saved and opened again, it saves to the same text (-0 is written as 0, as JSON does).
    const text = serializeDocument(doc);
    const again = parseDocument(text);
    expect(again.ok && serializeDocument(again.value)).toBe(text);
  }
  const ms = performance.now() - started;
  record(name, ms, loaded.ok, compiled);
  expect(ms, `one case took ${ms.toFixed(0)} ms`).toBeLessThan(1000);
}

describe('the document loader and validator on random input', () => {
  it('turns any text into a document or a list of problems', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      // Valid JSON cut short, or with a byte changed: what a half-written file looks like.
      fc.tuple(plausibleDocument, fc.nat(), fc.string({ maxLength: 3 })).map(([doc, at, insert]) => {
        const full = serializeDocument(doc);
        const i = at % full.length;
        return at % 2 ? full.slice(0, i) : full.slice(0, i) + insert + full.slice(i + 1);
      }),
    );
    fc.assert(
      fc.property(text, (t) => loadValidateCompile('any text', () => parseDocument(t))),
      runs(4000),
    );
  });

  it('reads any JSON value as a document or a list of problems', () => {
    const value = fc.oneof(
      junk,
      fc.anything({ maxDepth: 3 }),
      junk.map((j) => ({ format: 'netcanvas', version: 1, nodes: j, edges: [] })),
      fc.record({ format: fc.constant('netcanvas'), version: junk, nodes: junk, edges: junk, runs: junk }),
    );
    fc.assert(
      fc.property(value, (v) => loadValidateCompile('any JSON value', () => readDocument(v))),
      runs(3000),
    );
  });

  it('loads every mutated document or lists its problems (wrong types, missing fields, odd numbers, bad edges)', () => {
    fc.assert(
      fc.property(mutatedDocumentText, (t) =>
        loadValidateCompile('mutated documents', () => parseDocument(t)),
      ),
      runs(8000),
    );
  });

  it('loads, validates and compiles plausible documents (what the editor writes)', () => {
    fc.assert(
      fc.property(plausibleDocument, (doc) =>
        loadValidateCompile('plausible documents', () => parseDocument(serializeDocument(doc))),
      ),
      runs(2000),
    );
  });

  it('prepares runs of mutated documents, data included, or lists their problems', async () => {
    const reader = {
      readText: async (path: string) => {
        if (path !== 'data.csv') throw new Error(`no such file: ${path}`);
        return 'a,b,label\n1,2,cat\n3,4,dog\n5,6,cat\n7,8,dog\n9,1,cat\n';
      },
    };
    const text = fc.oneof(
      mutatedDocumentText,
      plausibleDocument.map((d) => serializeDocument(d)),
    );
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const started = performance.now();
        const loaded = parseDocument(t);
        let prepared = false;
        if (loaded.ok) {
          const result = await prepareRun(loaded.value, reader);
          expectResult(result);
          expectWellFormed(result.problems, loaded.value);
          prepared = result.ok;
        }
        const ms = performance.now() - started;
        record('prepared runs (data loaded)', ms, loaded.ok, prepared);
        expect(ms).toBeLessThan(1000);
      }),
      runs(1500),
    );
  });

  it('validates random graphs of random kinds and random edges, cycles included', () => {
    fc.assert(
      fc.property(randomGraph(30), (doc) => {
        loadValidateCompile('random graphs', () => parseDocument(serializeDocument(doc)));
        // A cycle among sound edges is always reported.
        const problems = analyzeGraph(doc).problems;
        if (problems.some((p) => p.code === 'CYCLE')) expect(analyzeGraph(doc).topology).toBeNull();
      }),
      runs(2000),
    );
  });

  it('handles thousands of nodes and edges within a second', () => {
    fc.assert(
      fc.property(randomGraph(5000), fc.nat(), (doc, shift) => {
        // A long chain as well, so deep recursion in shape inference would show.
        const chain = plausibleChain(4000 + (shift % 990));
        loadValidateCompile('thousands of nodes', () => parseDocument(serializeDocument(doc)));
        loadValidateCompile('thousands of nodes', () => parseDocument(chain));
      }),
      runs(8, false),
    );
  });

  it('refuses deeply nested junk with a problem instead of overflowing the stack', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.boolean(), fc.nat(3), (depth, object, where) => {
        const nested = deepJunkText(depth, object);
        const texts = [
          `{"format":"netcanvas","version":1,"nodes":[{"id":"a","kind":"Dense","params":{"junk":${nested}}}],"edges":[]}`,
          `{"format":"netcanvas","version":1,"nodes":[],"edges":[],"runs":[${nested}]}`,
          `{"format":"netcanvas","version":1,"nodes":[],"edges":[],"description":${nested}}`,
          nested,
        ];
        loadValidateCompile('deeply nested junk', () => parseDocument(texts[where]!));
      }),
      runs(60, false),
    );
  });
});

describe('odd values a file can hold', () => {
  const base = () =>
    JSON.parse(
      serializeDocument(fc.sample(plausibleDocument, { numRuns: 1, seed: 7 })[0] as GraphDocument),
    ) as Record<string, unknown>;

  it('refuses a newer version, an unknown version and a missing format with a clear message', () => {
    const cases: [unknown, string][] = [
      [99, 'VERSION_TOO_NEW'],
      [2, 'VERSION_TOO_NEW'],
      [0, 'VERSION_UNKNOWN'],
      ['1', 'VERSION_UNKNOWN'],
      [1.5, 'VERSION_UNKNOWN'],
      [null, 'VERSION_UNKNOWN'],
    ];
    for (const [version, code] of cases) {
      const result = readDocument({ ...base(), version });
      expect(result.ok).toBe(false);
      expect(result.problems.map((p) => p.code)).toEqual([code]);
    }
    expect(parseDocument(toJsonText({ ...base(), version: '§1e400§' })).problems[0]?.message).toContain(
      'Infinity',
    );
    expect(readDocument({ ...base(), version: 99 }).problems[0]?.message).toMatch(
      /version 99, written by a newer NetCanvas; .* Update NetCanvas to open it\./,
    );
  });

  it('reads 1e400 as Infinity and reports it, and never lets NaN or Infinity through as a number', () => {
    const doc = base();
    const nodes = doc.nodes as { params: Record<string, unknown>; position: unknown }[];
    nodes[0]!.position = { x: '§1e400§', y: 0 };
    const result = parseDocument(toJsonText(doc));
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ code: 'SCHEMA', path: 'nodes.0.position.x' });
  });

  it('reports a huge or non-finite parameter as INVALID_PARAM naming the field', () => {
    for (const units of ['§1e400§', '§1e308§', '"Infinity"', '"NaN"', '§-0§']) {
      const text = `{"format":"netcanvas","version":1,"nodes":[{"id":"d","kind":"Dense","params":{"units":${units.startsWith('§') ? units.slice(1, -1) : units}}}],"edges":[]}`;
      const result = parseDocument(text);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const problems = analyzeGraph(result.value).problems.filter((p) => p.nodeId === 'd');
      expect(problems[0], units).toMatchObject({ code: 'INVALID_PARAM', path: 'units' });
    }
  });

  it('refuses params nested 5,000 deep, which used to load and then overflow the stack on save', () => {
    // The input fast-check found: JSON.parse reads it, JSON.stringify (save, autosave) and
    // structuredClone (train) threw RangeError: Maximum call stack size exceeded.
    const text = `{"format":"netcanvas","version":1,"nodes":[{"id":"a","kind":"Dense","params":{"junk":${deepJunkText(5000, false)}}}],"edges":[]}`;
    const result = parseDocument(text);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        code: 'SCHEMA',
        severity: 'error',
        nodeId: 'a',
        path: 'nodes.0.params.junk.0.0.0.0',
        message:
          'nodes.0.params.junk.0.0.0.0.…: nested more than 100 levels deep; a NetCanvas document nests far less, so the file is damaged or not a project.',
        detail: { key: 'nestedTooDeep', params: { where: 'nodes.0.params.junk.0.0.0.0.…', levels: 100 } },
      },
    ]);
  });

  it('drops a __proto__ key without touching any prototype', () => {
    const text =
      '{"format":"netcanvas","version":1,"__proto__":{"polluted":1},"nodes":[{"id":"d","kind":"Dense",' +
      '"params":{"__proto__":{"units":7,"polluted":2},"constructor":{"prototype":{"polluted":3}}}}],"edges":[]}';
    const result = parseDocument(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const params = result.value.nodes[0]!.params;
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect((params as { units?: unknown }).units).toBeUndefined();
    const analysis = analyzeGraph(result.value);
    expect((analysis.resolved.get('d')!.params as { units: number }).units).toBe(10);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

/** Dataset → `n` Dense layers → Loss, as text. */
function plausibleChain(n: number): string {
  const layers = Array.from(
    { length: n },
    (_, i) => `{"id":"h${i}","kind":"Dense","params":{"units":${1 + (i % 7)}}}`,
  );
  const edges = Array.from(
    { length: n - 1 },
    (_, i) => `{"id":"e${i}","source":"h${i}","sourcePort":"out","target":"h${i + 1}","targetPort":"in"}`,
  );
  const rest =
    '{"id":"data","kind":"Dataset"},{"id":"loss","kind":"Loss"},{"id":"opt","kind":"Optimizer"},{"id":"train","kind":"Training"}';
  const wires = [
    '{"id":"w0","source":"data","sourcePort":"x","target":"h0","targetPort":"in"}',
    `{"id":"w1","source":"h${n - 1}","sourcePort":"out","target":"loss","targetPort":"pred"}`,
    '{"id":"w2","source":"data","sourcePort":"y","target":"loss","targetPort":"labels"}',
    '{"id":"w3","source":"loss","sourcePort":"loss","target":"train","targetPort":"loss"}',
    '{"id":"w4","source":"opt","sourcePort":"optimizer","target":"train","targetPort":"optimizer"}',
  ];
  return `{"format":"netcanvas","version":1,"nodes":[${[...layers, rest].join(',')}],"edges":[${[...edges, ...wires].join(',')}]}`;
}
