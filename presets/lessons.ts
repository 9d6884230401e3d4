import type { LayerSpec, SequentialSpec } from '../engine/document/build.js';
import { sequentialDocument } from '../engine/document/build.js';
import type { GraphDocument } from '../engine/document/schema.js';
import { CONVOLUTION, FASHION_CNN, RESIDUAL } from './architectures.js';
import { adam, bce, dense, gd, type Lesson, moons, type PresetVariant, sigmoidOut } from './parts.js';

export type { Lesson, PresetVariant } from './parts.js';

// 1. Initialization (notes 1.10–1.11)
const circles = {
  source: { kind: 'generator', name: 'circles', n: 400, noise: 0.05, factor: 0.5 },
  split: { dev: 0.25, test: 0 },
  seed: 1,
};
const initNet = (params: Record<string, unknown>): SequentialSpec => ({
  dataset: circles,
  layers: [dense(10, params, 'hidden1'), dense(5, params, 'hidden2'), sigmoidOut(params)],
  loss: bce,
  optimizer: gd(0.01),
  training: { batchMode: 'full', epochs: 15000, seed: 1 },
});

// 2. Regularization (notes 1.4–1.7)
const noisy = { source: { kind: 'generator', name: 'noisy', n: 300 }, split: 'auto', seed: 2 };
const regNet = (hidden: Record<string, unknown>, dropout: number | null): SequentialSpec => ({
  dataset: noisy,
  layers: [
    dense(20, hidden, 'hidden1'),
    ...(dropout ? [{ kind: 'Dropout', id: 'dropout1', params: { keepProb: dropout } }] : []),
    dense(3, hidden, 'hidden2'),
    ...(dropout ? [{ kind: 'Dropout', id: 'dropout2', params: { keepProb: dropout } }] : []),
    sigmoidOut(hidden),
  ],
  loss: bce,
  optimizer: gd(0.3),
  training: { batchMode: 'full', epochs: 30000, seed: 1 },
});

// 3./4./9. Mini-batches, optimizers, decay (notes 2.1–2.9): the notes' [2, 5, 2, 1] on moons.
const smallNet = (): LayerSpec[] => [dense(5, {}, 'hidden1'), dense(2, {}, 'hidden2'), sigmoidOut()];
/** A wider net for lessons about the cost curve itself, where a dead ReLU in [2, 5, 2, 1] would blur it. */
const widerNet = (): LayerSpec[] => [dense(16, {}, 'hidden1'), dense(8, {}, 'hidden2'), sigmoidOut()];
const moonsRun = (
  optimizer: Record<string, unknown>,
  training: Record<string, unknown>,
  schedule?: Record<string, unknown>,
  layers = smallNet(),
): SequentialSpec => ({
  dataset: moons,
  layers,
  loss: bce,
  optimizer,
  ...(schedule ? { schedule } : {}),
  training: { batchMode: 'mini', batchSize: 64, seed: 1, ...training },
});

// 9. Learning-rate decay (notes 2.9): a large α on noisy data keeps wandering around the minimum.
const decayRun = (schedule?: Record<string, unknown>): SequentialSpec => ({
  ...moonsRun(gd(2), { epochs: 300 }, schedule, widerNet()),
  dataset: { ...noisy, seed: 3 },
});

// 5. Input normalization (notes 1.9)
const scaled = { source: { kind: 'generator', name: 'scaled', n: 300 }, split: 'auto', seed: 4 };
const normNet = (normalize: boolean): SequentialSpec => ({
  dataset: scaled,
  layers: [
    ...(normalize ? [{ kind: 'Normalize', id: 'normalize' }] : []),
    dense(8, {}, 'hidden1'),
    sigmoidOut(),
  ],
  loss: bce,
  optimizer: gd(0.1),
  training: { batchMode: 'mini', batchSize: 32, epochs: 200, seed: 1 },
});

// 6. Batch norm (notes 3.4–3.7): a deeper MLP on spirals.
const spirals = {
  source: { kind: 'generator', name: 'spirals', n: 600, noise: 0.05 },
  split: 'auto',
  seed: 5,
};
const deepNet = (batchNorm: boolean): SequentialSpec => {
  const layers: LayerSpec[] = [];
  for (let i = 1; i <= 4; i++) {
    layers.push(dense(32, batchNorm ? { activation: 'linear' } : {}, `hidden${i}`));
    if (batchNorm) {
      layers.push({ kind: 'BatchNorm', id: `bn${i}`, params: { momentum: 0.9 } });
      layers.push({ kind: 'Activation', id: `relu${i}`, params: { fn: 'relu' } });
    }
  }
  return {
    dataset: spirals,
    layers: [...layers, sigmoidOut()],
    loss: bce,
    optimizer: { algorithm: 'momentum', learningRate: 0.05, beta: 0.9 },
    training: { batchMode: 'mini', batchSize: 64, epochs: 300, seed: 1 },
  };
};

export const LESSONS: Lesson[] = [
  {
    id: 'getting-started',
    notes: '2.2, 2.8',
    title: { en: 'Your first network', zh: '第一个网络' },
    shows: {
      en: 'The notes’ [2, 5, 2, 1] network on two interleaved moons, trained with mini-batches of 64 and Adam: the cost of every mini-batch oscillates under its smoothed average while the boundary forms.',
      zh: '笔记中的 [2, 5, 2, 1] 网络在两个交错的半月形数据上，用小批量 64 和 Adam 训练：每个小批量的代价在其平滑曲线下振荡，决策边界逐渐形成。',
    },
    lookAt: { en: 'The per-update cost and the decision boundary.', zh: '每次更新的代价和决策边界。' },
    tryNext: {
      en: 'Open the optimizers lesson to compare Adam with gradient descent.',
      zh: '打开优化算法一课，比较 Adam 和梯度下降。',
    },
    variants: [
      {
        label: 'Moons with Adam',
        file: 'moons-adam.netcanvas.json',
        spec: moonsRun(adam(0.01), { epochs: 300 }),
      },
    ],
  },
  {
    id: 'initialization',
    notes: '1.10–1.11',
    title: { en: 'Initialization', zh: '参数初始化' },
    shows: {
      en: 'The same 3-layer network from three starting points: zeros never breaks symmetry and stays at 50%, random×10 starts with a huge cost, He initialization fits the circles.',
      zh: '同一个三层网络的三种初始化：全零无法打破对称性，停在 50%；随机×10 初始代价巨大；He 初始化能拟合圆环数据。',
    },
    lookAt: {
      en: 'The first update costs and the train accuracy curves.',
      zh: '最初几次更新的代价和训练准确率曲线。',
    },
    tryNext: {
      en: 'Try Xavier with tanh activations, or random×0.01.',
      zh: '试试 tanh 激活配 Xavier 初始化，或随机×0.01。',
    },
    variants: [
      {
        label: 'Zeros',
        file: 'initialization-zeros.netcanvas.json',
        spec: initNet({ initializer: 'zeros' }),
      },
      {
        label: 'Random ×10',
        file: 'initialization-random10.netcanvas.json',
        spec: initNet({ initializer: 'random', initScale: 10 }),
      },
      { label: 'He', file: 'initialization-he.netcanvas.json', spec: initNet({ initializer: 'he' }) },
    ],
  },
  {
    id: 'regularization',
    notes: '1.4–1.7',
    title: { en: 'Regularization', zh: '正则化' },
    shows: {
      en: 'A network big enough to memorize noisy data: without regularization the train–dev gap is wide; L2 (λ = 0.7) and dropout (keep_prob = 0.86) narrow it.',
      zh: '网络足以记住带噪声的数据：不加正则化时训练集与开发集差距大；L2（λ = 0.7）和 dropout（keep_prob = 0.86）缩小差距。',
    },
    lookAt: {
      en: 'Train vs dev accuracy at the end, and how smooth each decision boundary is.',
      zh: '最终训练/开发准确率，以及决策边界的平滑程度。',
    },
    tryNext: {
      en: 'Raise λ until the train accuracy drops too: that is high bias.',
      zh: '增大 λ 直到训练准确率也下降：这就是高偏差。',
    },
    variants: [
      { label: 'No regularization', file: 'regularization-none.netcanvas.json', spec: regNet({}, null) },
      { label: 'L2 λ = 0.7', file: 'regularization-l2.netcanvas.json', spec: regNet({ l2: 0.7 }, null) },
      { label: 'Dropout 0.86', file: 'regularization-dropout.netcanvas.json', spec: regNet({}, 0.86) },
    ],
  },
  {
    id: 'optimizers',
    notes: '2.6–2.8',
    title: { en: 'Mini-batch and optimizers', zh: '小批量与优化算法' },
    shows: {
      en: 'The notes’ [2, 5, 2, 1] network on moons with mini-batches of 64 and α = 0.0007: gradient descent and momentum crawl, Adam reaches a far better boundary in the same epochs. Every update’s cost oscillates.',
      zh: '笔记中的 [2, 5, 2, 1] 网络在 moons 数据上，小批量 64、α = 0.0007：梯度下降和动量法进展缓慢，Adam 在相同轮数内得到好得多的决策边界。每次更新的代价都在振荡。',
    },
    lookAt: {
      en: 'The per-update cost under its smoothed curve, and the boundary after the same epochs.',
      zh: '每次更新的代价及其平滑曲线，以及相同轮数后的决策边界。',
    },
    tryNext: {
      en: 'Compare the runs side by side; then try the decay variants.',
      zh: '并排比较各次运行；再试试学习率衰减的版本。',
    },
    variants: [
      {
        label: 'Gradient descent',
        file: 'optimizers-gd.netcanvas.json',
        spec: moonsRun(gd(0.0007), { epochs: 10000 }),
      },
      {
        label: 'Momentum β = 0.9',
        file: 'optimizers-momentum.netcanvas.json',
        spec: moonsRun({ algorithm: 'momentum', learningRate: 0.0007, beta: 0.9 }, { epochs: 10000 }),
      },
      {
        label: 'Adam',
        file: 'optimizers-adam.netcanvas.json',
        spec: moonsRun(adam(0.0007), { epochs: 10000 }),
      },
      {
        label: 'Gradient descent + decay',
        file: 'optimizers-gd-decay.netcanvas.json',
        spec: moonsRun(gd(0.1), { epochs: 5000 }, { kind: 'inverseTime', decayRate: 0.001 }),
      },
      {
        label: 'Adam + decay',
        file: 'optimizers-adam-decay.netcanvas.json',
        spec: moonsRun(adam(0.01), { epochs: 5000 }, { kind: 'inverseTime', decayRate: 0.001 }),
      },
    ],
  },
  {
    id: 'batch-size',
    notes: '2.1–2.2',
    title: { en: 'Batch vs mini-batch vs stochastic', zh: '批量、小批量与随机梯度下降' },
    shows: {
      en: 'The same network with m_b = m (one smooth step an epoch), m_b = 64 (noisy but fast) and m_b = 1 (very noisy, no vectorization): three very different cost curves.',
      zh: '同一网络分别用 m_b = m（每轮一步，平滑）、m_b = 64（有噪声但快）和 m_b = 1（噪声很大，无法向量化）：三条截然不同的代价曲线。',
    },
    lookAt: {
      en: 'The per-update cost: its oscillation grows as the batch shrinks.',
      zh: '每次更新的代价：批越小，振荡越大。',
    },
    tryNext: {
      en: 'Raise β of the smoothed curve to 0.98 on the stochastic run.',
      zh: '在随机梯度下降的运行上把平滑曲线的 β 调到 0.98。',
    },
    variants: [
      {
        label: 'Batch (m_b = m)',
        file: 'batch-size-full.netcanvas.json',
        spec: moonsRun(gd(0.3), { batchMode: 'full', epochs: 400 }, undefined, widerNet()),
      },
      {
        label: 'Mini-batch (m_b = 64)',
        file: 'batch-size-mini.netcanvas.json',
        spec: moonsRun(gd(0.3), { epochs: 400 }, undefined, widerNet()),
      },
      {
        label: 'Stochastic (m_b = 1)',
        file: 'batch-size-stochastic.netcanvas.json',
        spec: moonsRun(gd(0.3), { batchMode: 'stochastic', epochs: 40 }, undefined, widerNet()),
      },
    ],
  },
  {
    id: 'normalization',
    notes: '1.9',
    title: { en: 'Input normalization', zh: '输入归一化' },
    shows: {
      en: 'Two features on scales a thousand times apart: without normalization gradient descent cannot pick a learning rate that suits both; with x := (x − μ)/σ the same α trains well.',
      zh: '两个特征的尺度相差上千倍：不归一化时梯度下降找不到同时适合两者的学习率；x := (x − μ)/σ 之后，同样的 α 训练良好。',
    },
    lookAt: {
      en: 'The cost curves, and the run summary if the raw run blows up.',
      zh: '代价曲线；若未归一化的运行发散，看运行总结。',
    },
    tryNext: {
      en: 'Lower α on the raw run until it stops diverging: see how slowly it learns.',
      zh: '降低未归一化运行的 α 直到不再发散：看它学得多慢。',
    },
    variants: [
      { label: 'Raw features', file: 'normalization-raw.netcanvas.json', spec: normNet(false) },
      { label: 'Normalized', file: 'normalization-normalized.netcanvas.json', spec: normNet(true) },
    ],
  },
  {
    id: 'batch-norm',
    notes: '3.4–3.7',
    title: { en: 'Batch normalization', zh: '批归一化' },
    shows: {
      en: 'A 4-hidden-layer MLP on spirals with and without BatchNorm between each Dense and its ReLU (the Dense bias is dropped): the normalized net trains in fewer epochs, and predicts with the test-time averages of μ and σ².',
      zh: '螺旋数据上的 4 隐藏层 MLP，在每个全连接层与 ReLU 之间加或不加 BatchNorm（去掉偏置）：批归一化的网络用更少的轮数训练好，预测时使用 μ 和 σ² 的指数加权平均。',
    },
    lookAt: {
      en: 'Train cost per epoch of the two runs on one chart.',
      zh: '两次运行每轮训练代价，画在同一张图上。',
    },
    tryNext: { en: 'Raise α: the BatchNorm net tolerates it better.', zh: '增大 α：批归一化网络更能承受。' },
    variants: [
      { label: 'Plain MLP', file: 'batch-norm-plain.netcanvas.json', spec: deepNet(false) },
      { label: 'With BatchNorm', file: 'batch-norm-bn.netcanvas.json', spec: deepNet(true) },
    ],
  },
  {
    id: 'softmax',
    notes: '3.8–3.9',
    title: { en: 'Softmax classification', zh: 'Softmax 多分类' },
    shows: {
      en: 'Ten classes of 8×8 handwritten digits: a [64, 25, 12, 10] network ending in Softmax, trained with categorical cross-entropy and Adam on mini-batches of 32.',
      zh: '十类 8×8 手写数字：以 Softmax 结尾的 [64, 25, 12, 10] 网络，用多类交叉熵和 Adam、小批量 32 训练。',
    },
    lookAt: {
      en: 'Dev accuracy per epoch, and the test accuracy in the summary.',
      zh: '每轮开发集准确率，以及总结中的测试准确率。',
    },
    tryNext: {
      en: 'Remove Normalize, or add Dropout after the first layer.',
      zh: '去掉 Normalize，或在第一层后加 Dropout。',
    },
    variants: [
      {
        label: 'Digits',
        file: 'softmax-digits.netcanvas.json',
        spec: {
          dataset: { source: { kind: 'builtin', name: 'digits' }, split: 'auto', seed: 6 },
          layers: [
            { kind: 'Normalize', id: 'normalize' },
            dense(25, {}, 'hidden1'),
            dense(12, {}, 'hidden2'),
            dense(10, { activation: 'linear', initializer: 'glorot' }, 'logits'),
            { kind: 'Softmax', id: 'softmax' },
          ],
          loss: { fn: 'categoricalCrossEntropy' },
          optimizer: adam(0.001),
          training: { batchMode: 'mini', batchSize: 32, epochs: 60, seed: 1 },
        },
      },
    ],
  },
  {
    id: 'early-stopping',
    notes: '1.8',
    title: { en: 'Early stopping', zh: '提前终止' },
    shows: {
      en: 'A large network overfitting noisy data: the dev cost falls, then rises. Early stopping ends the run after 20 epochs without improvement and restores the weights of the best epoch.',
      zh: '大网络在噪声数据上过拟合：开发集代价先降后升。提前终止在 20 轮无改进后停止训练，并恢复最佳一轮的权重。',
    },
    lookAt: {
      en: 'Train and dev cost per epoch; the best epoch in the summary.',
      zh: '每轮训练/开发代价；总结中的最佳轮次。',
    },
    tryNext: {
      en: 'Turn early stopping off and watch the dev cost climb.',
      zh: '关掉提前终止，看开发集代价不断上升。',
    },
    variants: [
      {
        label: 'Early stopping',
        file: 'early-stopping.netcanvas.json',
        spec: {
          dataset: noisy,
          layers: [dense(64, {}, 'hidden1'), dense(64, {}, 'hidden2'), sigmoidOut()],
          loss: bce,
          optimizer: adam(0.01),
          training: {
            batchMode: 'mini',
            batchSize: 32,
            epochs: 2000,
            seed: 1,
            earlyStopping: { enabled: true, patience: 20, minDelta: 0, restoreBest: true },
          },
        },
      },
    ],
  },
  {
    id: 'lr-decay',
    notes: '2.9',
    title: { en: 'Learning-rate decay', zh: '学习率衰减' },
    shows: {
      en: 'The four schedules of the notes on one noisy problem, against a constant α = 2: with the constant α the mini-batch steps keep wandering around the minimum (the train cost jumps from epoch to epoch); as α shrinks they settle.',
      zh: '笔记中的四种学习率衰减方式与恒定 α 对比：恒定 α = 2 时小批量更新一直在最小值附近徘徊（训练代价每轮跳动）；α 减小后逐渐稳定。',
    },
    lookAt: {
      en: 'The learning-rate chart, and how much the train cost still jumps between late epochs.',
      zh: '学习率曲线，以及后期各轮训练代价的跳动幅度。',
    },
    tryNext: {
      en: 'Switch to the manual schedule and lower α by hand while it trains.',
      zh: '切换到手动调度，在训练时手动降低 α。',
    },
    variants: [
      { label: 'Constant α', file: 'lr-decay-constant.netcanvas.json', spec: decayRun() },
      {
        label: '1/(1 + decayRate·epoch)',
        file: 'lr-decay-inverse-time.netcanvas.json',
        spec: decayRun({ kind: 'inverseTime', decayRate: 0.05 }),
      },
      {
        label: '0.98^epoch',
        file: 'lr-decay-exponential.netcanvas.json',
        spec: decayRun({ kind: 'exponential', base: 0.98 }),
      },
      {
        label: 'k/√epoch',
        file: 'lr-decay-sqrt-epoch.netcanvas.json',
        spec: decayRun({ kind: 'sqrtEpoch', k: 1 }),
      },
      {
        label: 'Staircase',
        file: 'lr-decay-staircase.netcanvas.json',
        spec: decayRun({ kind: 'staircase', every: 50, factor: 0.5 }),
      },
    ],
  },
  RESIDUAL,
  CONVOLUTION,
  FASHION_CNN,
];

/** Every preset as a graph document, named "Lesson — Variant", its description the lesson text. */
export function presetDocuments(): {
  file: string;
  lesson: Lesson;
  variant: PresetVariant;
  doc: GraphDocument;
}[] {
  return LESSONS.flatMap((lesson) =>
    lesson.variants.map((variant) => ({
      file: variant.file,
      lesson,
      variant,
      doc: sequentialDocument({
        ...variant.spec,
        name: `${lesson.title.en} — ${variant.label}`,
        description: `${lesson.shows.en}\n\nLook at: ${lesson.lookAt.en}\nTry next: ${lesson.tryNext.en}${lesson.notes ? `\n(Notes ${lesson.notes}.)` : ''}`,
      }),
    })),
  );
}
