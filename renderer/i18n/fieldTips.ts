import type { Language } from './messages';

/**
 * Chinese tooltips of the params' fields, keyed by node kind and field name ('Dense.units'); the
 * English is the schema's own `.describe()` text. A field that two variants of one kind share (the
 * Dataset's `path` of a CSV file and of an image folder) has one text for both.
 */
const ZH: Readonly<Record<string, string>> = {
  'Dataset.source':
    '样本从哪里来：生成器、内置数据集、CSV 文件、内联数组、IDX 文件、图像文件夹，或分开的训练/测试来源。',
  'Dataset.n': '点的个数。',
  'Dataset.noise': '加到 x1 和 x2 上的高斯噪声的标准差。',
  'Dataset.factor': '内圆的半径（外圆半径为 1）。',
  'Dataset.centers': '团块的个数，也就是类别数。',
  'Dataset.clusterStd': '每个团块的标准差。',
  'Dataset.centerBox': '团块中心在每个轴上从 [low, high] 均匀抽取。',
  'Dataset.turns': '每条旋臂绕中心转几圈。',
  'Dataset.labelNoise': '一个点被标成另一类的概率，与它的位置无关。',
  'Dataset.overlap': '类别越过真实边界的程度（x2 方向上的标准差）。',
  'Dataset.scale': '特征 x2 的标准差（x1 为 1）。',
  'Dataset.offset': '特征 x2 的均值（x1 为 0）。',
  'Dataset.name':
    'digits：1,797 张 8×8 手写数字；fashion-mnist：70,000 张 28×28 服装图像（训练 60,000，测试 10,000），需另行安装。各有 10 个类别。',
  'Dataset.limit': '只用前 N 个训练样本，便于快速运行；自带的测试集保持完整。',
  'Dataset.path':
    '文件或文件夹，相对于文档所在的文件夹；图像文件夹中每个类别一个子文件夹，放 PNG 或 JPEG 图像。',
  'Dataset.labelColumn': '标签所在列的表头名或从 0 开始的列号；默认最后一列。',
  'Dataset.header': 'auto：标签列以外有单元格不是数字时，第一行就是表头。',
  'Dataset.task': 'classification：标签是类别；regression：标签是要预测的数值。',
  'Dataset.x': '特征的各行，例如 [[0, 1], [1, 0]]。',
  'Dataset.y': '每行一个标签：类别编号，或回归的目标值。',
  'Dataset.images': 'IDX 图像文件（数量 × 行 × 列 个无符号字节），例如 train-images-idx3-ubyte.gz。',
  'Dataset.labels': 'IDX 标签文件（数量 个无符号字节），例如 train-labels-idx1-ubyte.gz。',
  'Dataset.test': '测试集自己的文件；没有时按划分从训练文件中切出测试集。',
  'Dataset.classNames': '类别 0、1、… 的名字；默认用标签数字。',
  'Dataset.width': '图像缩放到这个宽度（像素）。',
  'Dataset.height': '图像缩放到这个高度（像素）。',
  'Dataset.channels': '1：灰度（亮度）；3：红、绿、蓝。',
  'Dataset.train': '训练样本（除非给出开发集，否则从中切出开发集）。',
  'Dataset.dev': '开发集，原样使用；默认按划分从训练集中切出。',
  'Dataset.split': '训练/开发/测试的比例；auto 为 60/20/20，超过 10,000 个样本时为 98/1/1。',
  'Dataset.seed': '生成器和划分的随机种子。',
  'Augment.maxShift': '每个方向上的最大平移（像素）。',
  'Augment.flipHorizontal': '把一半图像左右镜像（不适用于手写数字）。',
  'Dense.units': 'n[l]，单元的个数。',
  'Dense.activation': '作用在 z = xW + b 上的 g。',
  'Dense.initializer': 'W 的初始值（规范 §4）；b 从 0 开始。',
  'Dense.useBias': '加上 b。后面接 BatchNorm 时无论如何都会去掉（规范 §12）。',
  'Conv2D.filters': 'n_c，滤波器的个数（输出通道数）。',
  'Conv2D.kernelSize': 'f：每个滤波器是 f×f×n_c[l−1]。',
  'Conv2D.stride': 's：滤波器位置之间的步长。',
  'Conv2D.padding': 'same：在图像周围补零，使输出宽 ⌈n/s⌉；valid：不补零。',
  'Conv2D.activation': '作用在 z 上的 g。',
  'Conv2D.initializer': '滤波器的初始值（扇入 f·f·n_c[l−1]）。',
  'Conv2D.useBias': '每个滤波器加一个 b。后面接 BatchNorm 时去掉。',
  leakyAlpha: 'leakyRelu 下 z < 0 部分的斜率。',
  initScale: '"random" 初始化的标准差。',
  l2: 'L2 正则化 λ：J += λ/(2m)·‖W‖²_F。',
  l1: 'L1 正则化 λ：J += λ/m·Σ|w|。',
  'Activation.fn': '非线性函数 g。',
  'Activation.alpha': 'leakyRelu 下 z < 0 部分的斜率。',
  poolSize: 'f：窗口为 f×f。',
  'MaxPool2D.stride': 's：窗口之间的步长（通常为 f）。',
  'AveragePool2D.stride': 's：窗口之间的步长（通常为 f）。',
  'MaxPool2D.padding': 'valid：窗口只在图像内部；same：⌈n/s⌉ 个窗口，补的格子不参与。',
  'AveragePool2D.padding': 'valid：窗口只在图像内部；same：⌈n/s⌉ 个窗口，补的格子不参与。',
  'BatchNorm.epsilon': 'sqrt(σ² + ε) 中的 ε。',
  'BatchNorm.momentum': '测试时所用 μ 和 σ² 的指数加权平均的 β。',
  'Dropout.keepProb': 'keep_prob：一个单元被保留的概率。',
  'Loss.fn': 'L(ŷ, y)；代价 J 是它的均值加上惩罚项。',
  'Optimizer.learningRate': 'α，学习率（连接了调度时为起始值）。',
  'Optimizer.beta': 'β，动量项',
  'Optimizer.beta1': 'β₁，一阶矩的平均',
  'Optimizer.beta2': 'β₂，二阶矩的平均',
  'Optimizer.epsilon': '平方根里的 ε（规范 §8）。',
  'Schedule.every': '两次衰减之间的轮数。',
  'Schedule.factor': '每次衰减时 α 乘以这个数。',
  'Training.batchMode': '小批量：m_b = 小批量大小；批量：m_b = m（批量梯度下降）；随机：m_b = 1。',
  'Training.shuffle': '每轮重新打乱训练集（按种子）。',
  'Training.seed': '权重、打乱和 dropout 的随机种子。',
  'Training.patience': '开发集代价没有变好的轮数上限。',
  'Training.minDelta': '开发集代价至少要降低多少才算变好。',
  'Training.restoreBest': '结束时恢复最佳一轮的权重。',
  'Training.smoothing': '在每次更新的代价上画出的偏差校正 指数加权平均的 β（规范 §7）。',
  'Training.layerStatsEvery': '每隔这么多次更新测量一次每层（激活值、梯度、更新比）；0：从不。',
};

/**
 * A field's tooltip in the UI language: the Chinese for 'Kind.field' (or a field every kind means
 * the same by, such as `l2`), else the schema's English. fieldTip('Dense', 'units', 'n[l], …', 'zh')
 * → 'n[l]，单元的个数。'.
 */
export function fieldTip(
  kind: string,
  field: string,
  english: string | undefined,
  language: Language,
): string | undefined {
  if (language !== 'zh' || english === undefined) return english;
  return ZH[`${kind}.${field}`] ?? ZH[field] ?? english;
}

/** The table's keys, for the test that each names a field that has a description. */
export const FIELD_TIP_KEYS: readonly string[] = Object.keys(ZH);
