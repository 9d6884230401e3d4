import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../engine/document/build.js';
import { penaltyRule } from '../engine/gradcheck/penalty.js';
import { REFERENCE_RULES } from '../engine/gradcheck/rules.js';
import { GRADCHECK_FAILED, gradcheckCommand } from './gradcheck.js';
import { main } from './main.js';
import { captureOutput, writeDocumentFile } from './testing.js';

const small = () =>
  sequentialDocument({
    name: 'gradcheck cli',
    dataset: { source: { kind: 'generator', name: 'moons', n: 150, noise: 0.2 } },
    layers: [
      { kind: 'Normalize' },
      { kind: 'Dense', id: 'hidden', params: { units: 6, l2: 0.5 } },
      { kind: 'Dropout', params: { keepProb: 0.7 } },
      { kind: 'Dense', id: 'output', params: { units: 1, activation: 'sigmoid' } },
    ],
    training: { batchSize: 30, epochs: 3 },
  });

describe('netcanvas gradcheck', () => {
  it('prints one row per parameter tensor and exits 0 when backpropagation is correct', async () => {
    const out = captureOutput();
    expect(
      await main(['gradcheck', await writeDocumentFile(small()), '--examples', '16', '--seed', '4'], out),
    ).toBe(0);
    const text = out.stdout.join('\n');
    // m = 90 (60 % of 150), m_b = 16.
    expect(text).toContain('m_b = 16 of m = 90 training examples, ε = 1e-7');
    expect(text).toContain('Dropout is off for the check, as the notes require');
    expect(text).toContain('Dropout "dropout1" (keep_prob 0.7) is off for the check (identity).');
    const rows = out.stdout.filter((l) => /^(hidden|output|overall)\s/.test(l));
    expect(rows.map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'hidden W',
      'hidden b',
      'output W',
      'output b',
      expect.stringMatching(/^overall \d\.\de-\d+$/),
    ]);
    for (const row of rows) expect(row).toMatch(/ correct /);
    expect(out.stdout.at(-1)).toMatch(
      /^PASSED: backpropagation agrees with the numerical gradient .* tf\.js's float32 gradients agree within 1e-5/,
    );
  });

  it('--epochs trains first and checks the trained weights', async () => {
    const out = captureOutput();
    expect(await gradcheckCommand(await writeDocumentFile(small()), { epochs: 2 }, out)).toBe(0);
    expect(out.stderr).toContain('Trained 2 epochs before the check.');
    expect(out.stdout.at(-1)).toMatch(/^PASSED/);
  });

  it('exits 3 naming the layer and parameter when a backward rule is wrong', async () => {
    // A planted bug: the L2 share of dW without its 1/m. Only hidden/W carries λ.
    const out = captureOutput();
    const rules = {
      ...REFERENCE_RULES,
      penalty: { ...penaltyRule, l2Gradient: (w: Float64Array, lambda: number) => w.map((v) => lambda * v) },
    };
    expect(await gradcheckCommand(await writeDocumentFile(small()), {}, out, rules)).toBe(GRADCHECK_FAILED);
    expect(out.stdout.find((l) => l.startsWith('hidden') && / W /.test(l))).toMatch(/ bug /);
    expect(out.stdout.at(-1)).toMatch(
      /^FAILED: backpropagation differs from the numerical gradient by .*, worst at hidden\/W\[\d+, \d+\]/,
    );
  });

  it('exits 1 for an invalid graph and 2 for a missing file or a bad flag', async () => {
    const doc = small();
    doc.nodes = doc.nodes.filter((n) => n.kind !== 'Loss');
    const invalid = captureOutput();
    expect(await main(['gradcheck', await writeDocumentFile(doc)], invalid)).toBe(1);
    expect(invalid.stderr.join('\n')).toContain('MISSING_NODE');
    const missing = captureOutput();
    expect(await main(['gradcheck', '/nonexistent/x.json'], missing)).toBe(2);
    expect(missing.stderr[0]).toBe('Cannot read /nonexistent/x.json: no such file.');
    expect(await main(['gradcheck', 'x.json', '--examples', '0'], captureOutput())).toBe(2);
    expect(await main(['gradcheck', 'x.json', '--backend', 'cpu'], captureOutput())).toBe(2);
    expect(await main(['gradcheck'], captureOutput())).toBe(2);
    const help = captureOutput();
    expect(await main(['gradcheck', '--help'], help)).toBe(0);
    expect(help.stdout[0]).toMatch(/^Usage: netcanvas gradcheck \[options\] <file>/);
  });
});
