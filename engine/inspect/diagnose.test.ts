import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.js';
import type { LayerStatistics } from './statistics.js';
import type { InspectionTarget } from './targets.js';

const target = (nodeId: string, index: number, extra: Partial<InspectionTarget> = {}): InspectionTarget => ({
  nodeId,
  index,
  activated: { index, g: 'relu' },
  units: 4,
  features: 4,
  isOutput: false,
  momentum: null,
  ...extra,
});

const stats = (id: string, extra: Partial<LayerStatistics> = {}): LayerStatistics => ({
  id,
  activationMean: 0.5,
  activationStd: 1,
  activationPercentiles: [],
  deadFraction: 0,
  saturatedFraction: null,
  gradNorm: 0.1,
  weightNorm: 1,
  updateRatio: 1e-3,
  identicalUnits: false,
  ...extra,
});

const targets = [
  target('hidden1', 0),
  target('hidden2', 1),
  target('output', 2, { isOutput: true, units: 1 }),
];
const update = { alpha: 0.01, rows: 64 };
const codes = (layers: LayerStatistics[], u = update) =>
  diagnose(targets, layers, u).map((d) => `${d.code}@${d.nodeId}`);

describe('diagnoses', () => {
  it('finds nothing in a healthy network', () => {
    expect(codes([stats('hidden1'), stats('hidden2'), stats('output')])).toEqual([]);
  });

  it('names symmetry per layer and leaves out the same layer’s dead units', () => {
    const zeros = { identicalUnits: true, deadFraction: 1, updateRatio: null };
    const found = diagnose(
      targets,
      [stats('hidden1', zeros), stats('hidden2', zeros), stats('output')],
      update,
    );
    expect(found.map((d) => d.code)).toEqual(['SYMMETRY', 'SYMMETRY']);
    expect(found[0]?.message).toContain('All 4 units of hidden1 are identical');
  });

  it('calls gradients vanishing below 10⁻³ of the last layer’s, exploding above 10³', () => {
    // 5e-5 / 0.1 = 5e-4 < 1e-3; 2e-4 / 0.1 = 2e-3 is not.
    expect(codes([stats('hidden1', { gradNorm: 5e-5 }), stats('hidden2'), stats('output')])).toEqual([
      'VANISHING@hidden1',
    ]);
    expect(codes([stats('hidden1', { gradNorm: 2e-4 }), stats('hidden2'), stats('output')])).toEqual([]);
    expect(codes([stats('hidden1', { gradNorm: 200 }), stats('hidden2'), stats('output')])).toEqual([
      'EXPLODING@hidden1',
    ]);
    expect(codes([stats('hidden1', { gradNorm: Number.NaN }), stats('hidden2'), stats('output')])).toEqual([
      'EXPLODING@hidden1',
    ]);
  });

  it('calls ReLUs dead past half the units, in batches of 16 or more', () => {
    const layers = [
      stats('hidden1', { deadFraction: 0.75 }),
      stats('hidden2', { deadFraction: 0.5 }),
      stats('output'),
    ];
    expect(codes(layers)).toEqual(['DEAD_RELU@hidden1']);
    expect(codes(layers, { alpha: 0.01, rows: 1 })).toEqual([]);
  });

  it('judges α by the largest update ratio of the weighted layers', () => {
    const large = [
      stats('hidden1', { updateRatio: 0.5 }),
      stats('hidden2', { updateRatio: 2 }),
      stats('output'),
    ];
    const found = diagnose(targets, large, { alpha: 10, rows: 64 });
    expect(found.map((d) => `${d.code}@${d.nodeId}`)).toEqual(['UPDATE_RATIO@hidden2']);
    expect(found[0]?.message).toContain('α = 10 is too large');
    // A vanishing first layer moves 10⁻⁹ of itself, but the largest ratio, 10⁻⁶, still says α is small.
    const small = [
      stats('hidden1', { updateRatio: 1e-9 }),
      stats('hidden2', { updateRatio: 1e-6 }),
      stats('output', { updateRatio: 1e-7 }),
    ];
    expect(diagnose(targets, small, update).map((d) => d.params.direction)).toEqual(['small']);
  });
});
