import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareRun } from '../compile/prepare.js';
import { type SequentialSpec, sequentialDocument } from '../document/build.js';
import { TrainingRun } from '../train/trainer.js';
import type { ExportFile } from './files.js';
import { pythonLiteral } from './python.js';
import { exportPyTorch } from './pytorch.js';
import { decodeSafetensors, encodeSafetensors } from './safetensors.js';
import { EXPORT_FIXTURES, maxAbsDifference, trainFixture } from './test-fixtures.js';

/** The first Python that imports torch: $NETCANVAS_PYTHON, python3 on PATH, Debian's python3. */
function findTorchPython(): string | null {
  const candidates = [process.env.NETCANVAS_PYTHON, 'python3', '/usr/bin/python3'].filter(
    Boolean,
  ) as string[];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
    if (probe.status === 0) return python;
  }
  return null;
}

const python = findTorchPython();
if (!python) {
  console.warn(
    'PyTorch export tests skipped: no python3 with torch (Debian: apt-get install -y python3-torch; or set NETCANVAS_PYTHON).',
  );
}

function writeExport(files: ExportFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'netcanvas-pytorch-'));
  for (const f of files) writeFileSync(join(dir, f.name), f.data);
  return dir;
}

function runPython(dir: string, args: string[]): string {
  return execFileSync(python!, args, {
    cwd: dir,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, OMP_NUM_THREADS: '1' },
  });
}

/** Predictions of the exported model.py for the inputs x [m, n]. */
function pythonPredict(dir: string, x: Float32Array, m: number, n: number, weights?: string): Float32Array {
  writeFileSync(
    join(dir, 'x.safetensors'),
    encodeSafetensors([{ name: 'x', dtype: 'F32', shape: [m, n], data: x }]),
  );
  const extra = weights ? ['--weights', weights] : [];
  runPython(dir, ['model.py', 'predict', '--input', 'x.safetensors', '--output', 'y.safetensors', ...extra]);
  const y = decodeSafetensors(readFileSync(join(dir, 'y.safetensors'))).tensors[0]!;
  return y.data as Float32Array;
}

/** The last JSON line a training command printed. */
function doneEvent(output: string): Record<string, unknown> {
  // Under torchrun --tee, lines come prefixed with the rank: "[default0]:{...}".
  const lines = output
    .trim()
    .split('\n')
    .map((l) => l.replace(/^\[default\d+\]:/, ''))
    .filter((l) => l.startsWith('{'));
  return JSON.parse(lines[lines.length - 1]!);
}

describe('python literals', () => {
  it('writes plain data as Python source', () => {
    expect(pythonLiteral({ a: [1, 0.5, 1e-8], b: true, c: null, d: 'x"y' })).toBe(
      `{"a": [1, 0.5, 1e-8], "b": True, "c": None, "d": "x\\"y"}`,
    );
  });
});

describe.skipIf(!python)('PyTorch export (runs Debian python3-torch; skipped where no torch)', () => {
  for (const [name, spec] of Object.entries(EXPORT_FIXTURES)) {
    it(`model.py predicts what the app predicts within 1e-5 (${name})`, async () => {
      const f = await trainFixture(spec);
      const dir = writeExport(await exportPyTorch(f.run.network, { plan: f.plan }));
      f.run.dispose();
      const y = pythonPredict(dir, f.inputs, f.m, f.features);
      expect(y.length).toBe(f.expected.length);
      expect(maxAbsDifference(y, f.expected)).toBeLessThan(1e-5);
    });
  }

  // Full batches and no dropout, so the app's run and the Python run see the same numbers: from the
  // same initial weights, E epochs of the exported training loop must land where the app lands.
  const sameRun: Record<string, SequentialSpec> = {
    'Adam, inverse-time decay, L2, leaky ReLU': {
      ...EXPORT_FIXTURES.binaryLeaky!,
      training: { batchMode: 'full', epochs: 6 },
    },
    'momentum with (1 − β), batch norm, softmax': {
      ...EXPORT_FIXTURES.softmaxBatchNorm!,
      layers: EXPORT_FIXTURES.softmaxBatchNorm!.layers.filter((l) => l.kind !== 'Dropout'),
      training: { batchMode: 'full', epochs: 6 },
    },
    'RMSprop with ε inside the root, mean squared error': {
      ...EXPORT_FIXTURES.regression!,
      schedule: { kind: 'staircase', every: 2, factor: 0.5 },
      training: { batchMode: 'full', epochs: 6 },
    },
    'a residual block and a concatenated branch (gradients summed where an output fans out)': {
      ...EXPORT_FIXTURES.residualConcat!,
      training: { batchMode: 'full', epochs: 6 },
    },
    'a CNN: convolutions, batch norm per channel, pools with same padding, merges of images': {
      ...EXPORT_FIXTURES.digitsCnn!,
      optimizer: { algorithm: 'momentum', learningRate: 0.1, beta: 0.9 },
      training: { batchMode: 'full', epochs: 3 },
    },
  };
  for (const [name, spec] of Object.entries(sameRun)) {
    it(`training in Python continues the app's training rule: ${name}`, async () => {
      const prepared = await prepareRun(sequentialDocument(spec));
      if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
      const { plan, splits } = prepared.value;
      const untrained = new TrainingRun(plan, splits);
      const dir = writeExport(await exportPyTorch(untrained.network, { plan, splits }));
      untrained.dispose();
      const f = await trainFixture(spec);
      f.run.dispose();
      const out = runPython(dir, ['model.py', 'train', '--json', '--save', 'trained.safetensors']);
      expect(doneEvent(out).epochs).toBe(spec.training!.epochs);
      const y = pythonPredict(dir, f.inputs, f.m, f.features, 'trained.safetensors');
      // Observed ≈ 1e-7 (float32 summation order); a rule with ε outside the root lands further off.
      expect(maxAbsDifference(y, f.expected)).toBeLessThan(1e-5);
    });
  }

  it('trains an image network with Augment and Dropout (masks and shifts drawn in Python)', async () => {
    const f = await trainFixture(EXPORT_FIXTURES.digitsAugment!);
    const dir = writeExport(await exportPyTorch(f.run.network, { plan: f.plan, splits: f.splits }));
    f.run.dispose();
    const done = doneEvent(runPython(dir, ['model.py', 'train', '--epochs', '2', '--json']));
    expect(done.epochs).toBe(2);
    expect(Number.isFinite((done.train as { cost: number }).cost)).toBe(true);
  });

  // --redirects 1 --tee 1: Debian's torchrun 1.13 on Python 3.11 cannot parse their default "0"
  // (IntFlag iteration changed in 3.11); any non-zero value avoids that code path.
  const torchrun = [
    '-m',
    'torch.distributed.run',
    '--standalone',
    '--nproc_per_node=2',
    '--redirects',
    '1',
    '--tee',
    '1',
  ];

  it('trains under torchrun on two CPU processes (gloo): the ranks agree, and match one process', async () => {
    const f = await trainFixture({ ...EXPORT_FIXTURES.regression!, training: { batchSize: 30, epochs: 2 } });
    const dir = writeExport(await exportPyTorch(f.run.network, { plan: f.plan, splits: f.splits }));
    f.run.dispose();
    const two = doneEvent(
      runPython(dir, [
        ...torchrun,
        'model.py',
        'train',
        '--epochs',
        '3',
        '--json',
        '--save',
        'two.safetensors',
      ]),
    );
    expect(two.world_size).toBe(2);
    expect(two.ranks_agree).toBe(true);
    const cost = (two.train as { cost: number }).cost;
    expect(Number.isFinite(cost)).toBe(true);
    expect(cost).toBeLessThan(two.first_train_cost as number);
    const one = doneEvent(
      runPython(dir, ['model.py', 'train', '--epochs', '3', '--json', '--save', 'one.safetensors']),
    );
    expect(one.world_size).toBe(1);
    // Each rank takes half of every global mini-batch and DDP averages: the same updates as one process.
    const a = pythonPredict(dir, f.inputs, f.m, f.features, 'one.safetensors');
    const b = pythonPredict(dir, f.inputs, f.m, f.features, 'two.safetensors');
    expect(maxAbsDifference(a, b)).toBeLessThan(1e-5);
  }, 300_000);

  it('trains a CNN with merges under torchrun on two CPU processes: the ranks agree, the cost falls', async () => {
    const f = await trainFixture(EXPORT_FIXTURES.digitsCnn!);
    const dir = writeExport(await exportPyTorch(f.run.network, { plan: f.plan, splits: f.splits }));
    f.run.dispose();
    const two = doneEvent(runPython(dir, [...torchrun, 'model.py', 'train', '--epochs', '3', '--json']));
    expect(two.world_size).toBe(2);
    expect(two.ranks_agree).toBe(true);
    expect((two.train as { cost: number }).cost).toBeLessThan(two.first_train_cost as number);
  }, 300_000);
});
