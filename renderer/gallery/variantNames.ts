import type { Language } from '../i18n/messages';

/** The lessons' variant names in Chinese, keyed by their English names (presets/lessons.ts). */
const VARIANT_NAMES_ZH: Readonly<Record<string, string>> = {
  'Moons with Adam': '月牙数据 + Adam',
  Zeros: '全零',
  'Random ×10': '随机 ×10',
  He: 'He',
  'No regularization': '不正则化',
  'L2 λ = 0.7': 'L2 λ = 0.7',
  'Dropout 0.86': 'Dropout 0.86',
  'Gradient descent': '梯度下降',
  'Momentum β = 0.9': '动量 β = 0.9',
  Adam: 'Adam',
  'Gradient descent + decay': '梯度下降 + 衰减',
  'Adam + decay': 'Adam + 衰减',
  'Batch (m_b = m)': '批量（m_b = m）',
  'Mini-batch (m_b = 64)': '小批量（m_b = 64）',
  'Stochastic (m_b = 1)': '随机（m_b = 1）',
  'Raw features': '原始特征',
  Normalized: '归一化',
  'Plain MLP': '普通多层感知机',
  'With BatchNorm': '带 BatchNorm',
  Digits: '手写数字',
  'Early stopping': '提前终止',
  'Constant α': '固定 α',
  '1/(1 + decayRate·epoch)': '1/(1 + 衰减率·轮次)',
  '0.98^epoch': '0.98^轮次',
  'k/√epoch': 'k/√轮次',
  Staircase: '阶梯衰减',
  'Plain (15 layers)': '普通网络（15 层）',
  'Residual (7 skips)': '残差网络（7 个跳连）',
  'Dense [64, 32, 10]': 'Dense [64, 32, 10]',
  CNN: 'CNN',
  'LeNet-style CNN': 'LeNet 式 CNN',
};

/** A lesson variant's name in the UI language: "Raw features" → "原始特征"; unknown names as they are. */
export function variantName(label: string, language: Language): string {
  return language === 'zh' ? (VARIANT_NAMES_ZH[label] ?? label) : label;
}
