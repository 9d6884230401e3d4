import type { LayerSpec, SequentialSpec } from '../engine/document/build.js';
import { adam, bce, dense, type Lesson, moons, sigmoidOut } from './parts.js';

// Lessons whose networks are not a plain chain of dense layers: skip connections and convolutions.

// Residual connections (notes 1.10). Every Dense starts at σ = 0.1, under He's √(2/16) ≈ 0.35: with
// ReLU and fan-in 16 each layer scales the signal's variance by 16 · 0.1² / 2 = 0.08, its size by
// √0.08 ≈ 0.28, and the gradient on the way back by as much; through the 14 layers after the first
// that is 0.28¹⁴ ≈ 2·10⁻⁸.
const BLOCKS = 7;
const WIDTH = 16;
const smallStart = { initializer: 'random', initScale: 0.1 };

/**
 * 15 hidden Dense(16, ReLU) layers on moons: hidden1, then 7 blocks of two, the second one linear
 * and followed by a ReLU, a[l+2] = g(z[l+2]), or with `skip` g(z[l+2] + a[l]) through an Add. The
 * Adds and ReLUs of the skip path sit on row 1 of the canvas, so the skips read as one line under
 * the blocks.
 */
function deepNet(skip: boolean): SequentialSpec {
  const layers: LayerSpec[] = [dense(WIDTH, smallStart, 'hidden1')];
  let blockInput = 'hidden1';
  for (let b = 1; b <= BLOCKS; b++) {
    const last = `hidden${2 * b + 1}`;
    layers.push(dense(WIDTH, smallStart, `hidden${2 * b}`));
    layers.push(dense(WIDTH, { ...smallStart, activation: 'linear' }, last));
    if (skip) layers.push({ kind: 'Add', id: `add${b}`, inputs: [last, blockInput], row: 1 });
    layers.push({ kind: 'Activation', id: `relu${b}`, params: { fn: 'relu' }, ...(skip ? { row: 1 } : {}) });
    blockInput = `relu${b}`;
  }
  return {
    dataset: moons,
    layers: [...layers, sigmoidOut(smallStart)],
    loss: bce,
    optimizer: adam(0.01),
    training: { batchMode: 'mini', batchSize: 64, epochs: 200, seed: 1 },
  };
}

export const RESIDUAL: Lesson = {
  id: 'residual',
  notes: '1.10',
  title: { en: 'Residual connections', zh: '残差连接' },
  shows: {
    en: 'Fifteen narrow ReLU layers (16 units) whose weights start small (σ = 0.1, under He’s √(2/16) ≈ 0.35): in the plain stack the signal and the gradient shrink about ×0.28 per layer, ~10⁻⁸ over the stack, so the cost stays at 0.69 — vanishing gradients. The same layers with a skip connection around every pair, a[l+2] = g(z[l+2] + a[l]) through an Add node, fit the moons.',
    zh: '十五个窄 ReLU 层（每层 16 个单元），权重初始值很小（σ = 0.1，小于 He 的 √(2/16) ≈ 0.35）：普通堆叠中信号和梯度每层缩小约 0.28 倍，整个网络约 10⁻⁸，代价一直停在 0.69——梯度消失。同样的层每两层加一个跳跃连接 a[l+2] = g(z[l+2] + a[l])（Add 节点），就能拟合半月形数据。',
  },
  lookAt: {
    en: 'The train cost of the two runs on one chart (the plain one is flat from the first epoch), and the decision boundaries.',
    zh: '两次运行的训练代价画在同一张图上（普通网络从第一轮起就是一条平线），以及决策边界。',
  },
  tryNext: {
    en: 'Set every Dense of the plain net to He initialization: it trains too — initialization is the other cure (1.11). Or delete one Add of the residual net and join its wires.',
    zh: '把普通网络每个全连接层改成 He 初始化：它也能训练——初始化是另一种办法（1.11）。或删掉残差网络的一个 Add 节点并接上连线。',
  },
  variants: [
    { label: 'Plain (15 layers)', file: 'residual-plain.netcanvas.json', spec: deepNet(false) },
    { label: 'Residual (7 skips)', file: 'residual-skip.netcanvas.json', spec: deepNet(true) },
  ],
};

// Convolution: the 8×8 digits as images [8, 8, 1].
const digits = { source: { kind: 'builtin', name: 'digits' }, split: 'auto', seed: 6 };

/** Normalize → `body` → Dense(10) logits → Softmax, Adam α 0.01, mini-batches of 32. */
const digitsNet = (body: LayerSpec[]): SequentialSpec => ({
  dataset: digits,
  layers: [
    { kind: 'Normalize', id: 'normalize' },
    ...body,
    dense(10, { activation: 'linear', initializer: 'glorot' }, 'logits'),
    { kind: 'Softmax', id: 'softmax' },
  ],
  loss: { fn: 'categoricalCrossEntropy' },
  optimizer: adam(0.01),
  training: { batchMode: 'mini', batchSize: 32, epochs: 10, seed: 1 },
});

/**
 * Parameters: dense 64·32 + 32 = 2,080 and 32·10 + 10 = 330, 2,410 in all; CNN 3·3·1·8 + 8 = 80 for
 * the filters, [8, 8, 8] pooled 2×2 to [4, 4, 8] = 128 features, 128·10 + 10 = 1,290, 1,370 in all.
 */
export const CONVOLUTION: Lesson = {
  id: 'convolution',
  notes: '',
  title: { en: 'Convolution', zh: '卷积' },
  shows: {
    en: 'The 8×8 digits as images [8, 8, 1]. A dense net [64, 32, 10] gives every pixel its own weights: 64·32 + 32 + 32·10 + 10 = 2,410 parameters. A small CNN slides 8 filters of 3×3 over the image (Conv2D, same padding: 3·3·1·8 + 8 = 80 parameters), keeps the largest of each 2×2 (MaxPool2D: [8, 8, 8] → [4, 4, 8]), and flattens the 128 values into Dense 10 (1,290): 1,370 parameters, and the same ~98% dev accuracy by the last epoch.',
    zh: '把 8×8 手写数字当作图像 [8, 8, 1]。全连接网络 [64, 32, 10] 给每个像素单独的权重：64·32 + 32 + 32·10 + 10 = 2,410 个参数。小型 CNN 用 8 个 3×3 的滤波器在图像上滑动（Conv2D，same 填充：3·3·1·8 + 8 = 80 个参数），在每个 2×2 区域取最大值（MaxPool2D：[8, 8, 8] → [4, 4, 8]），再把 128 个值展平送入 10 个单元的全连接层（1,290）：共 1,370 个参数，最后一轮的开发集准确率同样约为 98%。',
  },
  lookAt: {
    en: 'Dev accuracy per epoch of the two runs on one chart, and the shapes on the CNN’s wires.',
    zh: '两次运行每轮开发集准确率画在同一张图上，以及 CNN 连线上的形状。',
  },
  tryNext: {
    en: 'Give the CNN 16 filters, or a second Conv2D before the pooling; set the pooling’s padding to same, or try AveragePool2D.',
    zh: '给 CNN 16 个滤波器，或在池化前再加一个 Conv2D；把池化的填充改成 same，或换成 AveragePool2D。',
  },
  variants: [
    {
      label: 'Dense [64, 32, 10]',
      file: 'convolution-dense.netcanvas.json',
      spec: digitsNet([dense(32, {}, 'hidden1')]),
    },
    {
      label: 'CNN',
      file: 'convolution-cnn.netcanvas.json',
      spec: digitsNet([
        { kind: 'Conv2D', id: 'conv1', params: { filters: 8, kernelSize: 3, padding: 'same' } },
        { kind: 'MaxPool2D', id: 'pool1', params: { poolSize: 2, stride: 2 } },
        { kind: 'Flatten', id: 'flatten' },
      ]),
    },
  ],
};
