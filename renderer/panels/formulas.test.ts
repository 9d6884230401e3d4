import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { OPTIMIZER_FORMULAS } from '../../engine/nodes/optimizer';
import { NODE_KINDS, nodeKind } from '../../engine/nodes/registry';
import { defaultParams } from '../graph/nodes';
import { formulaFor, splitFormula } from './formulas';

describe('formulas', () => {
  it('shows the update rule of the algorithm the optimizer is set to', () => {
    const opt = nodeKind('Optimizer')!;
    expect(formulaFor(opt, { algorithm: 'momentum', learningRate: 0.1 })).toBe(OPTIMIZER_FORMULAS.momentum);
    expect(formulaFor(nodeKind('Dense')!, { units: 3, initializer: 'xavier' })).toMatch(
      /\\sqrt\{1\/n\^\{\[l-1\]\}\}$/,
    );
  });

  it('gives every node kind a formula, split into lines that each hold something', () => {
    for (const kind of NODE_KINDS) {
      const lines = splitFormula(formulaFor(kind, defaultParams(kind)));
      expect(lines.length, kind.kind).toBeGreaterThan(0);
      for (const line of lines) expect(line.trim(), kind.kind).not.toBe('');
    }
    expect(splitFormula('a = 1,\\; b = 2;\\quad c = 3;\\ d = 4')).toEqual([
      'a = 1',
      'b = 2',
      'c = 3',
      'd = 4',
    ]);
  });
});

describe('formulas of the image and merge kinds', () => {
  /** Every line KaTeX renders without an error (throwOnError makes a parse error an exception). */
  const renders = (tex: string) => {
    for (const line of splitFormula(tex))
      katex.renderToString(line, { throwOnError: true, displayMode: true });
  };

  it('renders every line of every kind with KaTeX, for every padding and activation of Conv2D and pooling', () => {
    for (const kind of NODE_KINDS) renders(formulaFor(kind, defaultParams(kind)));
    const conv = nodeKind('Conv2D')!;
    for (const padding of ['same', 'valid'])
      for (const activation of ['linear', 'relu', 'leakyRelu', 'tanh', 'sigmoid'])
        renders(formulaFor(conv, { ...defaultParams(conv), padding, activation }));
    for (const name of ['MaxPool2D', 'AveragePool2D']) {
      const pool = nodeKind(name)!;
      for (const padding of ['same', 'valid']) renders(formulaFor(pool, { ...defaultParams(pool), padding }));
    }
  });

  it("shows Conv2D's activation and the output size for its padding, with f and s as set", () => {
    const conv = nodeKind('Conv2D')!;
    const lines = splitFormula(
      formulaFor(conv, {
        ...defaultParams(conv),
        activation: 'tanh',
        padding: 'valid',
        kernelSize: 5,
        stride: 2,
      }),
    );
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^z_\{i,j,k\} = b_k/);
    expect(lines[2]).toBe('g(z) = \\tanh(z)');
    // valid: ⌊(n − 5)/2⌋ + 1
    expect(lines[3]).toBe('n^{[l]}_H = \\left\\lfloor \\frac{n^{[l-1]}_H - 5}{2} \\right\\rfloor + 1');
    // valid with s = 1: n − 3 + 1
    expect(splitFormula(formulaFor(conv, { ...defaultParams(conv), padding: 'valid' })).at(-1)).toBe(
      'n^{[l]}_H = n^{[l-1]}_H - 3 + 1',
    );
    const pool = nodeKind('MaxPool2D')!;
    // same: ⌈n / 2⌉ (the default stride)
    expect(splitFormula(formulaFor(pool, { padding: 'same' })).at(-1)).toBe(
      'n^{[l]}_H = \\left\\lceil \\frac{n^{[l-1]}_H}{2} \\right\\rceil',
    );
  });

  it("puts Add's sum and the residual block's rule on lines of their own", () => {
    expect(splitFormula(formulaFor(nodeKind('Add')!, {}))).toEqual([
      'a = x_1 + x_2 + \\cdots',
      'a^{[l+2]} = g\\big(z^{[l+2]} + a^{[l]}\\big)',
    ]);
  });
});
