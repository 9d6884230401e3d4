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
