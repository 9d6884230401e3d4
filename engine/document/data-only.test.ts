import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareRun } from '../compile/prepare.js';
import { analyzeGraph } from '../graph/analyze.js';
import { sequentialDocument } from './build.js';
import { parseDocument, serializeDocument } from './parse.js';

/**
 * A project file is data only: opening, validating and preparing it never runs code from it, never
 * fetches a URL, and reads no file but the data set it names, through the reader it is given.
 */

const csvDocument = (path: string) =>
  serializeDocument(
    sequentialDocument({
      name: '<img src=x onerror=alert(1)>',
      description: `$\{process.exit(1)} javascript:alert(1) {{constructor.constructor("alert(1)")()}}`,
      dataset: { source: { kind: 'csv', path } },
      layers: [{ kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } }],
      training: { batchSize: 2, epochs: 1 },
    }),
  );

function recordingReader() {
  const asked: string[] = [];
  return {
    asked,
    readText: async (path: string) => {
      asked.push(path);
      throw new Error('not available in this test');
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('project files are data only', () => {
  it('never fetches the URL a CSV source names, and reads only that path through the reader', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    for (const path of ['https://evil.example/x.csv', '../../etc/passwd', '/etc/passwd', 'constructor']) {
      const parsed = parseDocument(csvDocument(path));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      analyzeGraph(parsed.value);
      const reader = recordingReader();
      const prepared = await prepareRun(parsed.value, reader);
      expect(prepared.ok).toBe(false);
      expect(reader.asked).toEqual([path]);
      expect(prepared.problems).toContainEqual({
        code: 'DATASET',
        severity: 'error',
        nodeId: 'data',
        path: 'source',
        message: `Cannot read '${path}': not available in this test`,
      });
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reads no file at all without a reader, and says so', async () => {
    const parsed = parseDocument(csvDocument('data.csv'));
    const prepared = await prepareRun(parsed.ok ? parsed.value : (undefined as never));
    expect(prepared.problems.map((p) => p.message)).toEqual([
      "Cannot read 'data.csv': no file reader is available here.",
    ]);
  });

  it('asks the reader for nothing when the data set is generated, built in or inline', async () => {
    const reader = recordingReader();
    for (const source of [
      { kind: 'generator', name: 'moons', n: 40 },
      { kind: 'builtin', name: 'digits' },
      { kind: 'inline', x: [[0], [1], [2], [3]], y: [0, 1, 0, 1] },
    ]) {
      const doc = sequentialDocument({
        dataset: { source, split: { dev: 0, test: 0 } },
        layers: [{ kind: 'Dense', params: { units: 10, activation: 'linear' } }, { kind: 'Softmax' }],
        loss: { fn: 'categoricalCrossEntropy' },
        training: { batchSize: 2 },
      });
      await prepareRun(doc, reader);
    }
    expect(reader.asked).toEqual([]);
  });

  it('keeps text that looks like code as plain text and runs none of it', () => {
    const evaluate = vi.fn();
    vi.stubGlobal('eval', evaluate);
    const parsed = parseDocument(csvDocument('x.csv'));
    expect(parsed.ok && parsed.value.name).toBe('<img src=x onerror=alert(1)>');
    expect(parsed.ok && parsed.value.description).toContain(`$\{process.exit(1)}`);
    expect(evaluate).not.toHaveBeenCalled();
  });

  it('refuses a reader that hands back something other than text', async () => {
    const parsed = parseDocument(csvDocument('constructor'));
    if (!parsed.ok) throw new Error('expected the document to load');
    // An object lookup like files[path] gives Object.prototype members for such names.
    const prepared = await prepareRun(parsed.value, { readText: async () => Object as unknown as string });
    expect(prepared.problems.map((p) => p.message)).toEqual([
      "Cannot read 'constructor': the file reader returned no text",
    ]);
  });
});
