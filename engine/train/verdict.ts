import type { LocalizedText } from '../nodes/types.js';
import type { SplitMetrics } from './events.js';
import type { TrainingTraits } from './verdict-context.js';

/** What the verdict needs to know of the graph: its optimizer and regularizers. */
export type VerdictTraits = Pick<TrainingTraits, 'optimizer' | 'regularizers'>;

/** The bias/variance diagnosis of spec §2 and the notes' remedies. */
export interface Verdict {
  kind: 'high-bias' | 'high-variance' | 'both' | 'neither' | 'unknown';
  /** Train error − base error, and dev error − train error, as fractions. */
  avoidableBias: number | null;
  variance: number | null;
  headline: LocalizedText;
  remedies: LocalizedText[];
}

/**
 * How far apart counts as "large": 5 percentage points of avoidable bias or of variance. The notes
 * judge by eye (1% vs 15%); a fixed, stated threshold makes the verdict reproducible.
 */
export const LARGE_GAP = 0.05;

const NO_TRAITS: VerdictTraits = { optimizer: null, regularizers: new Set() };

/** The notes' remedies for high bias, less what the graph already does (Adam). */
function biasRemedies(traits: VerdictTraits): LocalizedText[] {
  return [
    { en: 'Use a bigger network (more units or layers).', zh: '使用更大的网络（更多单元或层）。' },
    traits.optimizer === 'adam'
      ? { en: 'Train longer (more epochs).', zh: '训练更久（更多轮次）。' }
      : {
          en: 'Train longer, or use a better optimizer (Adam).',
          zh: '训练更久，或使用更好的优化算法（Adam）。',
        },
    { en: 'Try another architecture.', zh: '尝试其他网络结构。' },
  ];
}

/** The notes' remedies for high variance, naming only the regularizers the graph does not use yet. */
function varianceRemedies(traits: VerdictTraits): LocalizedText[] {
  const has = (r: string) => traits.regularizers.has(r);
  const missing = (
    [
      ['l2', 'L2', 'L2'],
      ['dropout', 'dropout', 'dropout'],
      ['earlyStopping', 'early stopping', '提前终止'],
    ] as const
  ).filter(([id]) => !has(id));
  return [
    has('augment')
      ? { en: 'Get more training data.', zh: '获取更多训练数据。' }
      : { en: 'Get more training data (or augment it).', zh: '获取更多训练数据（或做数据增强）。' },
    missing.length
      ? {
          en: `Regularize: ${missing.map((m) => m[1]).join(', ')}.`,
          zh: `正则化：${missing.map((m) => m[2]).join('、')}。`,
        }
      : {
          en: 'Regularize more: a larger λ, a lower keep_prob.',
          zh: '加强正则化：更大的 λ、更小的 keep_prob。',
        },
    { en: 'Try another architecture.', zh: '尝试其他网络结构。' },
  ];
}

/**
 * Bias and variance from train and dev error against a base (Bayes / human) error, default 0:
 * avoidable bias = train error − base error, variance = dev error − train error (spec §2).
 * Errors are 1 − accuracy; for regression (no accuracy) the losses are compared instead. The
 * remedies leave out what `traits` says the graph already does (no "use Adam" to an Adam network).
 */
export function biasVarianceVerdict(
  train: SplitMetrics | null,
  dev: SplitMetrics | null,
  baseError = 0,
  traits: VerdictTraits = NO_TRAITS,
): Verdict {
  const error = (m: SplitMetrics | null) =>
    m == null ? null : m.accuracy !== null ? 1 - m.accuracy : m.loss;
  const trainError = error(train);
  const devError = error(dev);
  if (trainError === null || !Number.isFinite(trainError)) {
    return {
      kind: 'unknown',
      avoidableBias: null,
      variance: null,
      headline: { en: 'No finished epoch to judge.', zh: '没有完成的训练轮次，无法判断。' },
      remedies: [],
    };
  }
  const avoidableBias = trainError - baseError;
  const variance = devError === null || !Number.isFinite(devError) ? null : devError - trainError;
  const highBias = avoidableBias > LARGE_GAP;
  const highVariance = variance !== null && variance > LARGE_GAP;
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const numbers = `train error ${pct(trainError)}${devError !== null ? `, dev error ${pct(devError)}` : ''}, base error ${pct(baseError)}`;
  const numbersZh = `训练误差 ${pct(trainError)}${devError !== null ? `，开发误差 ${pct(devError)}` : ''}，基准误差 ${pct(baseError)}`;
  if (highBias && highVariance) {
    return {
      kind: 'both',
      avoidableBias,
      variance,
      headline: { en: `High bias and high variance (${numbers}).`, zh: `高偏差且高方差（${numbersZh}）。` },
      remedies: [...biasRemedies(traits).slice(0, 2), ...varianceRemedies(traits)],
    };
  }
  if (highBias) {
    return {
      kind: 'high-bias',
      avoidableBias,
      variance,
      headline: {
        en: `High bias: the network underfits the training set (${numbers}).`,
        zh: `高偏差：网络欠拟合训练集（${numbersZh}）。`,
      },
      remedies: biasRemedies(traits),
    };
  }
  if (highVariance) {
    return {
      kind: 'high-variance',
      avoidableBias,
      variance,
      headline: {
        en: `High variance: it fits the training set but not the dev set (${numbers}).`,
        zh: `高方差：拟合了训练集但在开发集上表现差（${numbersZh}）。`,
      },
      remedies: varianceRemedies(traits),
    };
  }
  const noDev =
    variance === null
      ? { en: ' No dev set, so variance is unknown.', zh: ' 没有开发集，无法判断方差。' }
      : { en: '', zh: '' };
  return {
    kind: 'neither',
    avoidableBias,
    variance,
    headline: {
      en: `Low bias and low variance (${numbers}).${noDev.en}`,
      zh: `低偏差、低方差（${numbersZh}）。${noDev.zh}`,
    },
    remedies: [
      {
        en: 'Check the test set, then try a smaller network or fewer epochs for speed.',
        zh: '检查测试集，然后可尝试更小的网络或更少的轮数以提速。',
      },
    ],
  };
}
