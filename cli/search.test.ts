import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../engine/document/build.js';
import { parseDocument } from '../engine/document/parse.js';
import { main } from './main.js';
import { captureOutput, writeDocumentFile } from './testing.js';

// Circles, m = 120 train / 40 dev / 40 test, a [2, 8, 1] network with Adam: 3 updates an epoch at m_b 40.
const small = () =>
  sequentialDocument({
    name: 'search test',
    dataset: { source: { kind: 'generator', name: 'circles', n: 200, noise: 0.05, factor: 0.5 } },
    layers: [
      { kind: 'Normalize' },
      { kind: 'Dense', id: 'hidden1', params: { units: 8 } },
      { kind: 'Dense', id: 'output', params: { units: 1, activation: 'sigmoid' } },
    ],
    loss: { fn: 'binaryCrossEntropy' },
    optimizer: { algorithm: 'adam', learningRate: 0.001 },
    training: { batchSize: 40, epochs: 50 },
  });

const search = async (args: string[]) => {
  const out = captureOutput();
  const backend = args.includes('--backend') ? [] : ['--backend', 'cpu'];
  const code = await main(['search', ...args, ...backend], out);
  return { code, out };
};

describe('netcanvas search --jsonl', () => {
  it('prints one JSON object per finished trial, then a summary', async () => {
    const file = await writeDocumentFile(small());
    const { code, out } = await search([file, '--trials', '3', '--epochs', '4', '--seed', '2', '--jsonl']);
    expect(code).toBe(0);
    const lines = out.stdout.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.type)).toEqual(['trial', 'trial', 'trial', 'summary']);
    for (const trial of lines.slice(0, 3)) {
      expect(Object.keys(trial)).toEqual(
        expect.arrayContaining([
          'trial',
          'values',
          'devLoss',
          'devAccuracy',
          'trainAccuracy',
          'epochs',
          'stoppedEarly',
          'reason',
        ]),
      );
      // The default space: Adam's α on log10 [1e-4, 1e-1] and β₁ on 1 − 10^r [0.9, 0.999].
      const values = trial.values as Record<string, number>;
      expect(Object.keys(values)).toEqual(['optimizer.learningRate', 'optimizer.beta1']);
      expect(values['optimizer.learningRate']).toBeGreaterThanOrEqual(1e-4);
      expect(values['optimizer.learningRate']).toBeLessThanOrEqual(0.1);
    }
    // A quarter of 4 epochs is 1, but fewer than 3 trials had finished: nothing to compare with yet.
    expect(lines.slice(0, 3).map((l) => [l.trial, l.epochs, l.reason])).toEqual([
      [1, 4, 'epochs'],
      [2, 4, 'epochs'],
      [3, 4, 'epochs'],
    ]);
    const summary = lines[3] as { best: { trial: number }; ranking: { trial: number }[]; narrowed: unknown };
    expect(summary.ranking).toHaveLength(3);
    expect(summary.best.trial).toBe(summary.ranking[0]?.trial);
    expect(summary.narrowed).toMatchObject({ trials: 3, epochsPerTrial: 4 });
  });

  it('gives the same trials and numbers for the same file and seed', async () => {
    const file = await writeDocumentFile(small());
    const args = [file, '--trials', '2', '--epochs', '3', '--seed', '9', '--jsonl'];
    const strip = (lines: string[]) =>
      lines.map((l) => JSON.stringify(JSON.parse(l), (k, v) => (k === 'elapsedMs' ? undefined : v)));
    const a = await search(args);
    const b = await search(args);
    expect(strip(a.out.stdout)).toEqual(strip(b.out.stdout));
    const other = await search([file, '--trials', '2', '--epochs', '3', '--seed', '10', '--jsonl']);
    expect(strip(other.out.stdout)).not.toEqual(strip(a.out.stdout));
  });
});

describe('netcanvas search', () => {
  it('prints the table best first, the baseline and the best values, and --apply writes them', async () => {
    const file = await writeDocumentFile(small());
    const applied = join(await mkdtemp(join(tmpdir(), 'netcanvas-apply-')), 'best.netcanvas.json');
    const { code, out } = await search([
      file,
      '--trials',
      '3',
      '--epochs',
      '5',
      '--param',
      'optimizer.learningRate=log10:1e-3:1e-1',
      '--param',
      'hidden1.units',
      '--baseline',
      '--apply',
      applied,
    ]);
    expect(code).toBe(0);
    const header = out.stdout.find((l) => l.startsWith('trial'))!;
    expect(header.split(/\s{2,}/)).toEqual([
      'trial',
      'optimizer.learningRate',
      'hidden1.units',
      'dev loss',
      'dev acc',
      'train acc',
      'epochs',
      'stopped early',
    ]);
    const rows = out.stdout.slice(
      out.stdout.indexOf(header) + 1,
      out.stdout.indexOf('', out.stdout.indexOf(header)),
    );
    // Three trials and the file's own values ("own": α 0.001, 8 units).
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.startsWith('own'))).toMatch(/^own\s+0\.001\s+8\s/);
    const devLosses = rows.map((r) => Number(r.split(/\s{2,}/)[3]));
    expect(devLosses).toEqual([...devLosses].sort((a, b) => a - b));
    const best = out.stdout.find((l) => l.startsWith('Best: '))!;
    expect(best).toMatch(/optimizer\.learningRate = [\d.e-]+, hidden1\.units = \d+/);
    // --param hidden1.units without a range: the suggested int range around 8 units, [4, 16].
    expect(out.stderr).toContain('  hidden1.units: int [4, 16]');
    const written = parseDocument(await readFile(applied, 'utf8'));
    const alpha = written.ok && written.value.nodes.find((n) => n.id === 'optimizer')!.params.learningRate;
    expect(best).toContain(`optimizer.learningRate = ${alpha},`);
  });

  it('exits 2 for missing or wrong flags and an unreadable file', async () => {
    const file = await writeDocumentFile(small());
    const wrong = [
      [file],
      [file, '--trials', '0'],
      [file, '--trials', '2', '--param', 'optimizer.learningRate=cubic:1:2'],
      [file, '--trials', '2', '--param', 'optimizer.learningRate=log10:0:1'],
      [file, '--trials', '2', '--param', 'optimizer.learningRate=log10:1e-4'],
      [file, '--trials', '2', '--backend', 'webgpu'],
      ['/nonexistent/graph.json', '--trials', '2'],
    ];
    for (const args of wrong) expect((await search(args)).code, args.join(' ')).toBe(2);
    const scale = await search(wrong[2]!);
    expect(scale.out.stderr[0]).toMatch(/the scale is one of log10, oneMinusLog10, int, pow2, linear/);
    const range = await search(wrong[3]!);
    expect(range.out.stderr[0]).toMatch(/min > 0/);
  });

  it('exits 1 with the problems for an invalid graph or a search that cannot fit it', async () => {
    const broken = small();
    broken.nodes = broken.nodes.filter((n) => n.kind !== 'Loss');
    const invalid = await search([await writeDocumentFile(broken), '--trials', '2']);
    expect(invalid.code).toBe(1);
    expect(invalid.out.stderr.join('\n')).toContain('MISSING_NODE');
    const file = await writeDocumentFile(small());
    const misfit = await search([file, '--trials', '2', '--param', 'output.units=int:1:3']);
    expect(misfit.code).toBe(1);
    expect(misfit.out.stderr[0]).toMatch(/^output SHAPE_MISMATCH Search: with output\.units = 3: /);
    const missing = await search([file, '--trials', '2', '--param', 'nowhere.units=int:1:3']);
    expect(missing.code).toBe(1);
    expect(missing.out.stderr[0]).toBe('nowhere INVALID_PARAM Search: the graph has no node "nowhere".');
  });
});
