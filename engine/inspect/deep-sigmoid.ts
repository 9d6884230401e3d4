import type { LayerSpec, SequentialSpec } from '../document/build.js';

/** The cures for a deep sigmoid stack that the inspector's tests and docs/inside.md compare. */
export type DeepSigmoidCure = 'none' | 'batchNorm' | 'residual';

/**
 * Ten weighted layers on the moons, the vanishing-gradient case of notes 1.10: nine Dense(16,
 * sigmoid) and a sigmoid output, every W ~ N(0, 0.1²). σ′ ≤ 1/4 and |W| ≈ 0.1·√16 = 0.4 shrink
 * the gradient ~10× per layer on the way back. With `batchNorm` each hidden layer is Dense (linear,
 * no bias) → BatchNorm → sigmoid; with `residual` each hidden layer after the first adds its input,
 * x[l] = x[l−1] + σ(W x[l−1]), so the gradient has an identity path back to hidden1.
 */
export function deepSigmoidSpec(cure: DeepSigmoidCure): SequentialSpec {
  const small = { units: 16, initializer: 'random', initScale: 0.1 };
  const layers: LayerSpec[] = [];
  let previous = 'hidden1';
  for (let i = 1; i <= 9; i++) {
    const id = `hidden${i}`;
    if (cure === 'batchNorm') {
      layers.push({ kind: 'Dense', id, params: { ...small, activation: 'linear' } });
      layers.push({ kind: 'BatchNorm', id: `bn${i}` });
      layers.push({ kind: 'Activation', id: `sigmoid${i}`, params: { fn: 'sigmoid' } });
    } else if (cure === 'residual' && i > 1) {
      layers.push({ kind: 'Dense', id, inputs: [previous], params: { ...small, activation: 'sigmoid' } });
      layers.push({ kind: 'Add', id: `add${i}`, inputs: [id, previous], row: 1 });
      previous = `add${i}`;
    } else layers.push({ kind: 'Dense', id, params: { ...small, activation: 'sigmoid' } });
  }
  return {
    name: `Ten sigmoid layers (${cure})`,
    dataset: { source: { kind: 'generator', name: 'moons', n: 300, noise: 0.2 }, split: 'auto', seed: 3 },
    layers: [
      ...layers,
      { kind: 'Dense', id: 'output', params: { ...small, units: 1, activation: 'sigmoid' } },
    ],
    loss: { fn: 'binaryCrossEntropy' },
    optimizer: { algorithm: 'adam', learningRate: 0.01 },
    training: { batchMode: 'mini', batchSize: 64, epochs: 10, seed: 1 },
  };
}
