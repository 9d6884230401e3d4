import { describe, expect, it } from 'vitest';
import { sequentialDocument } from './build.js';
import { migrate } from './migrations.js';
import { lineColumnAt, parseDocument, serializeDocument } from './parse.js';

const valid = () =>
  sequentialDocument({ layers: [{ kind: 'Dense', params: { units: 1, activation: 'sigmoid' } }] });

describe('reading a document', () => {
  it('round-trips through serialize and parse unchanged', () => {
    const doc = valid();
    const parsed = parseDocument(serializeDocument(doc));
    expect(parsed.ok && parsed.value).toEqual(doc);
  });

  it('reports bad JSON with its line and column', () => {
    // The stray comma sits on line 3; JSON.parse complains at the closing brace after it.
    const result = parseDocument('{\n  "format": "netcanvas",\n  "version": 1,\n}');
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.code).toBe('PARSE_ERROR');
    expect(result.problems[0]?.message).toMatch(/^line 4, column 1: /);
  });

  it('computes line and column from an offset', () => {
    expect(lineColumnAt('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
  });

  it('refuses a file that is not a NetCanvas document', () => {
    expect(parseDocument('[1, 2]').problems[0]?.code).toBe('NOT_A_DOCUMENT');
    expect(parseDocument('{"nodes": []}').problems[0]?.code).toBe('NOT_A_DOCUMENT');
  });

  it('refuses a document from a newer version with a clear message', () => {
    const result = parseDocument(JSON.stringify({ ...valid(), version: 99 }));
    expect(result.problems[0]?.code).toBe('VERSION_TOO_NEW');
    expect(result.problems[0]?.message).toContain('version 99');
  });

  it('names the node whose fields have the wrong type', () => {
    const doc = valid() as unknown as { nodes: { id: string; position: unknown }[] };
    doc.nodes[1]!.position = { x: 'left', y: 0 };
    const result = parseDocument(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({
      code: 'SCHEMA',
      nodeId: doc.nodes[1]!.id,
      path: 'nodes.1.position.x',
    });
  });

  it('reports duplicate node ids', () => {
    const doc = valid();
    doc.nodes[2] = { ...doc.nodes[2]!, id: doc.nodes[1]!.id };
    expect(parseDocument(JSON.stringify(doc)).problems.map((p) => p.code)).toContain('DUPLICATE_ID');
  });

  it('keeps nodes of unknown kinds so nothing the user made is lost', () => {
    const doc = valid();
    doc.nodes.push({ id: 'x', kind: 'Conv2D', params: { filters: 3 }, position: { x: 0, y: 0 } });
    const result = parseDocument(JSON.stringify(doc));
    expect(result.ok && result.value.nodes.at(-1)).toMatchObject({ kind: 'Conv2D', params: { filters: 3 } });
  });
});

describe('migrations', () => {
  it('walks an older document up the chain, one numbered step at a time', () => {
    // A made-up chain 1 → 2 → 3 where v2 renamed "title" to "name" and v3 added "runs".
    const chain = {
      1: (d: Record<string, unknown>) => {
        const { title, ...rest } = d;
        return { ...rest, name: title };
      },
      2: (d: Record<string, unknown>) => ({ ...d, runs: [] }),
    };
    const out = migrate({ version: 1, title: 'Old' }, chain, 3);
    expect(out).toEqual({ ok: true, from: 1, doc: { version: 3, name: 'Old', runs: [] } });
  });

  it('refuses a version with no path to the current one', () => {
    expect(migrate({ version: 0 })).toMatchObject({ ok: false, reason: 'unknown' });
    expect(migrate({ version: '1' })).toMatchObject({ ok: false, reason: 'unknown' });
    expect(migrate({ version: 1 }, {}, 2)).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it('leaves a current document as it is', () => {
    expect(migrate({ version: 1, a: 1 })).toEqual({ ok: true, from: 1, doc: { version: 1, a: 1 } });
  });
});
