import { describe, expect, it } from 'vitest';
import type { LabeledData } from '../types.js';
import { blobCenters, blobs } from './blobs.js';
import { circles } from './circles.js';
import { linspace } from './common.js';
import { GENERATOR_NAMES, GENERATORS } from './index.js';
import { moons } from './moons.js';
import { noisy, noisyBoundary } from './noisy.js';
import { scaled } from './scaled.js';
import { spirals } from './spirals.js';
import { xor } from './xor.js';

const generate = (name: (typeof GENERATOR_NAMES)[number], params: object, seed: number): LabeledData =>
  (GENERATORS[name].generate as (p: object, s: number) => LabeledData)(params, seed);

const classCounts = (data: LabeledData): number[] => {
  const counts = new Array<number>(data.classes ?? 0).fill(0);
  for (const label of data.y) counts[label] = (counts[label] as number) + 1;
  return counts;
};

const rowsOf = (data: LabeledData, label: number): [number, number][] => {
  const rows: [number, number][] = [];
  for (let i = 0; i < data.m; i++) {
    if (data.y[i] === label) rows.push([data.x[2 * i] as number, data.x[2 * i + 1] as number]);
  }
  return rows;
};

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const std = (values: number[]): number => Math.sqrt(mean(values.map((v) => (v - mean(values)) ** 2)));

describe.each(GENERATOR_NAMES)('the %s generator', (name) => {
  it('draws n points with two finite features and whole class labels', () => {
    const data = generate(name, { n: 101 }, 3);
    expect(data.m).toBe(101);
    expect(data.features).toBe(2);
    expect(data.x.length).toBe(202);
    expect(data.y.length).toBe(101);
    expect(data.targets).toBe(1);
    expect(data.classes).toBe(name === 'blobs' ? 3 : 2);
    expect(data.x.every(Number.isFinite)).toBe(true);
    expect(
      data.y.every((label) => Number.isInteger(label) && label >= 0 && label < (data.classes ?? 0)),
    ).toBe(true);
  });

  it('gives identical arrays for the same seed and different ones for another seed', () => {
    const a = generate(name, {}, 11);
    const b = generate(name, {}, 11);
    const c = generate(name, {}, 12);
    expect(b.x).toEqual(a.x);
    expect(b.y).toEqual(a.y);
    expect(c.x).not.toEqual(a.x);
  });

  it('has a default for every param', () => {
    expect(GENERATORS[name].params.safeParse({}).success).toBe(true);
    expect(generate(name, {}, 0).m).toBe(300);
  });

  it('shuffles: the labels are not laid out class by class', () => {
    // In layout order the first 20 rows of a 300-point set all share one class.
    const labels = Array.from(generate(name, {}, 5).y.subarray(0, 20));
    expect(new Set(labels).size).toBeGreaterThan(1);
  });
});

describe('class balance', () => {
  it('puts ⌊n/2⌋ points in class 0 for circles, moons and spirals', () => {
    // n = 301: class 0 gets ⌊301/2⌋ = 150, class 1 the other 151 (scikit-learn's n_samples_out).
    for (const generator of [circles, moons, spirals])
      expect(classCounts(generator({ n: 301 }, 1))).toEqual([150, 151]);
  });

  it('gives blobs ⌊n/centers⌋ each with the remainder to the first blobs', () => {
    // 302 = 3·100 + 2 → [101, 101, 100].
    expect(classCounts(blobs({ n: 302, centers: 3 }, 1))).toEqual([101, 101, 100]);
  });

  it('gives xor ⌊n/4⌋ per quadrant, the remainder to the label-0 quadrants first', () => {
    // 302 = 4·75 + 2: quadrants (+,+) and (−,−) get 76 each (label 0), the other two 75 (label 1).
    expect(classCounts(xor({ n: 302 }, 1))).toEqual([152, 150]);
  });

  it('keeps noisy and scaled about balanced', () => {
    // Both boundaries are symmetric, so class 1 is a Binomial(4000, ½) count: std 31.6; ±200 is > 6 std.
    for (const generator of [noisy, scaled]) {
      const [, ones] = classCounts(generator({ n: 4000 }, 2));
      expect(Math.abs((ones as number) - 2000)).toBeLessThan(200);
    }
  });
});

describe('circles', () => {
  it('puts the outer class on the unit circle and the inner one on radius factor', () => {
    const data = circles({ n: 200, noise: 0, factor: 0.3 }, 1);
    for (const [x1, x2] of rowsOf(data, 0)) expect(Math.hypot(x1, x2)).toBeCloseTo(1, 6);
    for (const [x1, x2] of rowsOf(data, 1)) expect(Math.hypot(x1, x2)).toBeCloseTo(0.3, 6);
  });

  it('has mean radius ≈ 1 outside and ≈ factor inside under noise', () => {
    // For radius R and noise σ per axis, E|r| ≈ R + σ²/(2R): 1.00125 and 0.5025 for σ = 0.05; the
    // radial spread is σ, so the mean of 1000 radii has standard error 0.0016; 0.01 is 6 of them.
    const data = circles({ n: 2000, noise: 0.05, factor: 0.5 }, 4);
    const radii = (label: number) => rowsOf(data, label).map(([x1, x2]) => Math.hypot(x1, x2));
    expect(Math.abs(mean(radii(0)) - 1.00125)).toBeLessThan(0.01);
    expect(Math.abs(mean(radii(1)) - 0.5025)).toBeLessThan(0.01);
  });

  it('spaces angles without repeating the end point, like linspace(…, endpoint=False)', () => {
    expect(Array.from(linspace(0, 1, 4, false))).toEqual([0, 0.25, 0.5, 0.75]);
    expect(Array.from(linspace(0, 1, 5, true))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

describe('moons', () => {
  it('stays within x1 ∈ [−1, 2] and x2 ∈ [−0.5, 1] without noise, upper moon above 0', () => {
    const data = moons({ n: 500, noise: 0 }, 1);
    const eps = 1e-6;
    for (let i = 0; i < data.m; i++) {
      const [x1, x2] = [data.x[2 * i] as number, data.x[2 * i + 1] as number];
      expect(x1).toBeGreaterThanOrEqual(-1 - eps);
      expect(x1).toBeLessThanOrEqual(2 + eps);
      expect(x2).toBeGreaterThanOrEqual(-0.5 - eps);
      expect(x2).toBeLessThanOrEqual(1 + eps);
      // Upper moon: sin ≥ 0; lower moon: 0.5 − sin ≤ 0.5.
      if (data.y[i] === 0) expect(x2).toBeGreaterThanOrEqual(-eps);
      else expect(x2).toBeLessThanOrEqual(0.5 + eps);
    }
  });
});

describe('blobs', () => {
  it('draws centres inside the box and points around them', () => {
    const params = { n: 3000, centers: 4, clusterStd: 0.5, centerBox: [-5, 5] as [number, number] };
    const centers = blobCenters(params, 9);
    const data = blobs(params, 9);
    expect(centers).toHaveLength(4);
    centers.forEach(([cx, cy], c) => {
      for (const v of [cx, cy]) expect(Math.abs(v)).toBeLessThanOrEqual(5);
      // 750 points of std 0.5: the mean's standard error is 0.018; 0.1 is over 5 of them.
      const rows = rowsOf(data, c);
      expect(Math.abs(mean(rows.map((r) => r[0])) - cx)).toBeLessThan(0.1);
      expect(Math.abs(mean(rows.map((r) => r[1])) - cy)).toBeLessThan(0.1);
      expect(Math.abs(std(rows.map((r) => r[0])) - 0.5)).toBeLessThan(0.1);
    });
  });

  it('refuses a box whose low end is not below its high end', () => {
    expect(GENERATORS.blobs.params.safeParse({ centerBox: [3, 3] }).success).toBe(false);
  });
});

describe('spirals', () => {
  it('makes arm 1 the point reflection of arm 0 and stays inside the unit disc', () => {
    const data = spirals({ n: 200, noise: 0, turns: 1.5 }, 1);
    const arm0 = rowsOf(data, 0);
    // Each arm-1 point turned by π lands on an arm-0 point (up to float32 rounding).
    for (const [x1, x2] of rowsOf(data, 1)) {
      const nearest = Math.min(...arm0.map(([a, b]) => Math.hypot(a + x1, b + x2)));
      expect(nearest).toBeLessThan(1e-6);
    }
    for (const [x1, x2] of [...rowsOf(data, 0), ...rowsOf(data, 1)])
      expect(Math.hypot(x1, x2)).toBeLessThan(1);
  });
});

describe('xor', () => {
  it('labels 1 exactly where sign(x1)·sign(x2) < 0 when there is no noise', () => {
    const data = xor({ n: 400, noise: 0 }, 1);
    for (let i = 0; i < data.m; i++) {
      const [x1, x2] = [data.x[2 * i] as number, data.x[2 * i + 1] as number];
      expect(data.y[i]).toBe(Math.sign(x1) * Math.sign(x2) < 0 ? 1 : 0);
      expect(Math.min(Math.abs(x1), Math.abs(x2))).toBeGreaterThanOrEqual(0.05 - 1e-6);
    }
  });
});

describe('noisy', () => {
  it('follows the curved boundary exactly with no noise and flips about labelNoise of the labels', () => {
    const wrong = (labelNoise: number) => {
      const data = noisy({ n: 4000, labelNoise, overlap: 0 }, 3);
      let count = 0;
      for (let i = 0; i < data.m; i++) {
        const above = (data.x[2 * i + 1] as number) > noisyBoundary(data.x[2 * i] as number);
        if ((data.y[i] === 1) !== above) count++;
      }
      return count / data.m;
    };
    expect(wrong(0)).toBe(0);
    // Binomial(4000, 0.2) / 4000 has std √(0.16/4000) = 0.0063; 0.03 is about 5 of them.
    expect(Math.abs(wrong(0.2) - 0.2)).toBeLessThan(0.03);
  });
});

describe('scaled', () => {
  it('gives x1 scale 1 around 0 and x2 scale `scale` around `offset`', () => {
    const data = scaled({ n: 4000 }, 1);
    const column = (f: number) => Array.from({ length: data.m }, (_, i) => data.x[2 * i + f] as number);
    // N(0, 1) over 4000 points: mean within 0.1 (6 standard errors), std within 0.1.
    expect(Math.abs(mean(column(0)))).toBeLessThan(0.1);
    expect(Math.abs(std(column(0)) - 1)).toBeLessThan(0.1);
    // x2 = 1000·v + 5000: the same bounds times 1000.
    expect(Math.abs(mean(column(1)) - 5000)).toBeLessThan(100);
    expect(Math.abs(std(column(1)) - 1000)).toBeLessThan(100);
  });
});
