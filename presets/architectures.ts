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

/**
 * LeNet-style on Fashion-MNIST [28, 28, 1]: conv 6@5×5 same (5·5·1·6 + 6 = 156) → max pool 2 →
 * [14, 14, 6] → conv 16@5×5 valid (5·5·6·16 + 16 = 2,416) → [10, 10, 16] → max pool 2 → [5, 5, 16] =
 * 400 → Dense 120 (48,120) → Dense 84 (10,164) → Dense 10 (850): 61,706 parameters.
 */
const lenet: SequentialSpec = {
  dataset: { source: { kind: 'builtin', name: 'fashion-mnist' } },
  layers: [
    { kind: 'Conv2D', id: 'conv1', params: { filters: 6, kernelSize: 5, padding: 'same' } },
    { kind: 'MaxPool2D', id: 'pool1', params: { poolSize: 2, stride: 2 } },
    { kind: 'Conv2D', id: 'conv2', params: { filters: 16, kernelSize: 5, padding: 'valid' } },
    { kind: 'MaxPool2D', id: 'pool2', params: { poolSize: 2, stride: 2 } },
    { kind: 'Flatten', id: 'flatten' },
    dense(120, {}, 'dense1'),
    dense(84, {}, 'dense2'),
    dense(10, { activation: 'linear' }, 'logits'),
    { kind: 'Softmax', id: 'softmax' },
  ],
  loss: { fn: 'categoricalCrossEntropy' },
  optimizer: adam(0.001),
  training: { batchMode: 'mini', batchSize: 64, epochs: 10, seed: 1 },
};

export const FASHION_CNN: Lesson = {
  id: 'fashion-cnn',
  notes: '',
  title: { en: 'Fashion-MNIST with a CNN', zh: '用 CNN 识别 Fashion-MNIST' },
  shows: {
    en: 'A LeNet-style network on 70,000 28×28 grey images of clothes in 10 classes (Fashion-MNIST, MIT licence; Debian’s dataset-fashion-mnist): two convolutions with max pooling, [28, 28, 1] → [14, 14, 6] → [5, 5, 16], then Dense 120 → 84 → 10 and Softmax, 61,706 parameters. Its own 10,000 test images are the test set; 600 of the 60,000 training images are the dev set. Ten epochs of Adam reach about 90% test accuracy.',
    zh: '在 70,000 张 28×28 的服装灰度图（10 类，Fashion-MNIST，MIT 许可；Debian 的 dataset-fashion-mnist）上训练 LeNet 式网络：两层卷积加最大池化，[28, 28, 1] → [14, 14, 6] → [5, 5, 16]，再接全连接 120 → 84 → 10 和 Softmax，共 61,706 个参数。它自带的 10,000 张测试图作为测试集；60,000 张训练图中取 600 张作开发集。Adam 训练十轮，测试准确率约 90%。',
  },
  lookAt: {
    en: 'The shapes on the wires as the image shrinks and deepens, the per-update cost of a 64-image mini-batch, and the train–dev gap growing in the last epochs.',
    zh: '连线上的形状如何随图像变小、通道变多而变化，每个 64 张图像小批量的代价，以及最后几轮训练集与开发集之间逐渐拉大的差距。',
  },
  tryNext: {
    en: 'Add Dropout (keep_prob 0.8) after dense1 to close the gap, or BatchNorm after each Conv2D (set its activation to linear and put an Activation after the BatchNorm); compare with a Dense-only network of about the same size.',
    zh: '在 dense1 后加 Dropout（keep_prob 0.8）来缩小差距，或在每个 Conv2D 后加 BatchNorm（把卷积的激活设为 linear，并在 BatchNorm 后加 Activation）；再与参数量相近的纯全连接网络比较。',
  },
  variants: [{ label: 'LeNet-style CNN', file: 'fashion-cnn.netcanvas.json', spec: lenet }],
};
