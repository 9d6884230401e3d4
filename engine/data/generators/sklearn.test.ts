import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { blobCenters, blobs } from './blobs.js';
import { circles } from './circles.js';
import { moons } from './moons.js';

/**
 * Checks the generators against scikit-learn itself. Debian's /usr/bin/python3 has sklearn (the
 * python3 on PATH may not); without it the suite is skipped with a note.
 */
const PYTHON = '/usr/bin/python3';
const hasSklearn = spawnSync(PYTHON, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;
if (!hasSklearn) {
  console.warn(
    `sklearn.test.ts skipped: \`${PYTHON} -c "import sklearn"\` failed (apt install python3-sklearn).`,
  );
}

const SCRIPT = `
import json, sys
from sklearn.datasets import make_blobs, make_circles, make_moons
p = json.loads(sys.argv[1])
def pack(X, y): return {'x': X.ravel().tolist(), 'y': y.tolist()}
n = p['n']
out = {
  'circles': pack(*make_circles(n, noise=p['circlesNoise'], factor=p['factor'], random_state=0)),
  'moons': pack(*make_moons(n, noise=p['moonsNoise'], random_state=0)),
  'blobs': pack(*make_blobs(n, centers=p['centers'], cluster_std=p['clusterStd'], random_state=0)),
  'circlesClean': pack(*make_circles(n + 1, shuffle=False, factor=p['factor'])),
  'moonsClean': pack(*make_moons(n + 1, shuffle=False)),
}
print(json.dumps(out))
`;

interface Points {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

interface ClassStats {
  count: number;
  mean: [number, number];
  std: [number, number];
  meanRadius: number;
}

/** Per class: count, mean and (population) standard deviation of x1 and x2, mean distance from 0. */
function classStats({ x, y }: Points): ClassStats[] {
  const stats: ClassStats[] = [];
  for (let c = 0; ; c++) {
    const rows = Array.from(y, (label, i) => (label === c ? i : -1)).filter((i) => i >= 0);
    if (rows.length === 0) return stats;
    const column = (f: number) => rows.map((i) => x[2 * i + f] as number);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const std = (v: number[]) => Math.sqrt(mean(v.map((a) => (a - mean(v)) ** 2)));
    const radius = rows.map((i) => Math.hypot(x[2 * i] as number, x[2 * i + 1] as number));
    stats.push({
      count: rows.length,
      mean: [mean(column(0)), mean(column(1))],
      std: [std(column(0)), std(column(1))],
      meanRadius: mean(radius),
    });
  }
}

const N = 2000;
const PARAMS = { n: N, circlesNoise: 0.05, factor: 0.5, moonsNoise: 0.1, clusterStd: 1.0 };
const SEED = 7;
const CENTERS = blobCenters({ n: N, centers: 3, clusterStd: PARAMS.clusterStd }, SEED);

function runSklearn(): Record<string, Points> {
  const args = JSON.stringify({ ...PARAMS, centers: CENTERS });
  return JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT, args], { encoding: 'utf8', maxBuffer: 1 << 26 }));
}

/**
 * Tolerance for comparing one class's statistic between two independent draws. The noise-free
 * layouts are identical (checked exactly below), so only the Gaussian noise (std σ) varies: a mean
 * over k points has standard error σ/√k, a standard deviation at most that, and the difference of
 * two independent draws √2 times it. Five such errors: a false alarm is a 1-in-a-million event, while
 * a wrong factor (0.5 vs 0.8 moves the inner std by 0.21) or a wrong moon offset is caught.
 * circles σ = 0.05, k = 1000 → 0.011; moons σ = 0.1 → 0.022; blobs σ = 1, k ≈ 667 → 0.27.
 */
const tolerance = (sigma: number, k: number): number => (5 * Math.SQRT2 * sigma) / Math.sqrt(k);

function expectClose(ours: ClassStats[], theirs: ClassStats[], sigma: number, label: string): void {
  expect(ours.length).toBe(theirs.length);
  ours.forEach((a, c) => {
    const b = theirs[c] as ClassStats;
    const tol = tolerance(sigma, a.count);
    const pair = (v: number[]) => v.map((u) => u.toFixed(4)).join(', ');
    const row = (s: ClassStats) => `mean (${pair(s.mean)}) std (${pair(s.std)}) r ${s.meanRadius.toFixed(4)}`;
    console.log(
      `${label} class ${c} (n ${a.count}, tol ${tol.toFixed(4)})\n  ours    ${row(a)}\n  sklearn ${row(b)}`,
    );
    expect(a.count).toBe(b.count);
    for (const f of [0, 1]) {
      expect(Math.abs((a.mean[f] as number) - (b.mean[f] as number))).toBeLessThan(tol);
      expect(Math.abs((a.std[f] as number) - (b.std[f] as number))).toBeLessThan(tol);
    }
    expect(Math.abs(a.meanRadius - b.meanRadius)).toBeLessThan(tol);
  });
}

/** Rows in layout order: sort by label, then angle, so a shuffled set lines up with an unshuffled one. */
function layoutOrder({ x, y }: Points): number[][] {
  const rows = Array.from(y, (label, i) => [label, x[2 * i] as number, x[2 * i + 1] as number]);
  const angle = (r: number[]) => Math.atan2(r[2] as number, r[1] as number);
  return rows.sort((a, b) => (a[0] as number) - (b[0] as number) || angle(a) - angle(b));
}

describe.skipIf(!hasSklearn)('the generators against scikit-learn (n = 2000)', () => {
  const sk = hasSklearn ? runSklearn() : {};

  it('lays out noise-free circles and moons point for point like make_circles and make_moons', () => {
    // n + 1 = 2001 is odd, so this also checks that the outer class gets ⌊n/2⌋ = 1000 points.
    const pairs = [
      [circles({ n: N + 1, noise: 0, factor: PARAMS.factor }, SEED), sk.circlesClean],
      [moons({ n: N + 1, noise: 0 }, SEED), sk.moonsClean],
    ] as const;
    for (const [ours, theirs] of pairs) {
      const a = layoutOrder(ours);
      const b = layoutOrder(theirs as Points);
      expect(a.length).toBe(b.length);
      let worst = 0;
      a.forEach((row, i) => {
        row.forEach((v, j) => {
          worst = Math.max(worst, Math.abs(v - ((b[i] as number[])[j] as number)));
        });
      });
      // Stored as float32: rounding a value of magnitude ≤ 2 moves it by at most 1.2e-7.
      expect(worst).toBeLessThan(1e-6);
    }
  });

  it('matches make_circles per class: means, standard deviations and mean radius', () => {
    const ours = classStats(circles({ n: N, noise: PARAMS.circlesNoise, factor: PARAMS.factor }, SEED));
    expectClose(ours, classStats(sk.circles as Points), PARAMS.circlesNoise, 'circles');
  });

  it('matches make_moons per class: means and standard deviations', () => {
    const ours = classStats(moons({ n: N, noise: PARAMS.moonsNoise }, SEED));
    expectClose(ours, classStats(sk.moons as Points), PARAMS.moonsNoise, 'moons');
  });

  it('matches make_blobs per class given the same centres', () => {
    const ours = classStats(blobs({ n: N, centers: 3, clusterStd: PARAMS.clusterStd }, SEED));
    expectClose(ours, classStats(sk.blobs as Points), PARAMS.clusterStd, 'blobs');
  });
});
