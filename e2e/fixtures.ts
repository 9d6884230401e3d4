import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sequentialDocument } from '../engine/document/build';
import { serializeDocument } from '../engine/document/parse';
import type { GraphDocument } from '../engine/document/schema';
import { presetDocument } from '../renderer/store/testing';

/** A 300-node graph: Dataset → 296 Dense layers → Loss, with Adam and Training, in rows of 20. */
export function bigDocument(): GraphDocument {
  const layers = Array.from({ length: 296 }, (_, i) => ({ kind: 'Dense', params: { units: 8 + (i % 5) } }));
  const doc = sequentialDocument({ name: 'Three hundred nodes', layers });
  const nodes = doc.nodes.map((n, i) => ({
    ...n,
    position: { x: (i % 20) * 230, y: Math.floor(i / 20) * 150 },
  }));
  return { ...doc, nodes };
}

/** Project files the tests open, written to a fresh temporary folder. */
export function writeFixtures() {
  const dir = mkdtempSync(join(tmpdir(), 'netcanvas-fixtures-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  return {
    dir,
    moons: file('moons.netcanvas.json', serializeDocument(presetDocument())),
    // A missing comma after "netcanvas": JSON.parse stops at line 3, column 3.
    corrupt: file('corrupt.netcanvas.json', '{\n  "format": "netcanvas"\n  "version": 1\n}\n'),
    newer: file('newer.netcanvas.json', '{"format":"netcanvas","version":99,"nodes":[],"edges":[]}'),
    invalid: file(
      'invalid.netcanvas.json',
      '{"format":"netcanvas","version":1,"nodes":[{"id":"a","kind":"Dense","position":{"x":"left","y":0}}],"edges":[]}',
    ),
    big: file('big.netcanvas.json', serializeDocument(bigDocument())),
  };
}
