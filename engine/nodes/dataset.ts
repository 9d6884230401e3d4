import { z } from 'zod';
import { DatasetSourceSchema } from '../data/sources.js';
import { DataSplitSchema } from '../data/split.js';
import type { SettingsKind } from './types.js';

export const DatasetParamsSchema = z.object({
  source: DatasetSourceSchema.default({ kind: 'generator', name: 'moons' } as never).describe(
    'Where the examples come from: a generator, a built-in set, a CSV file, inline arrays, IDX files, a folder of images, or separate train/test sources.',
  ),
  split: DataSplitSchema.default('auto').describe(
    'Train/dev/test fractions; auto is 60/20/20, or 98/1/1 above 10,000.',
  ),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(0)
    .describe('Seeds the generator and the split.'),
});
export type DatasetParams = z.infer<typeof DatasetParamsSchema>;

interface SourceSummary {
  kind: string;
  name?: string;
  path?: string;
  images?: string;
  train?: SourceSummary;
  test?: SourceSummary;
}

/** "CSV iris.csv", "fashion-mnist", "images shoes", "CSV train.csv + CSV test.csv". */
function summarize(s: SourceSummary, zh: boolean): string {
  switch (s.kind) {
    case 'csv':
      return `CSV ${s.path ?? ''}`;
    case 'inline':
      return zh ? '内联数据' : 'inline data';
    case 'idx':
      return `IDX ${s.images ?? ''}`;
    case 'imageFolder':
      return `${zh ? '图像' : 'images'} ${s.path ?? ''}`;
    case 'splits':
      return `${s.train ? summarize(s.train, zh) : '?'} + ${s.test ? summarize(s.test, zh) : '?'}`;
    default:
      return `${s.name ?? s.kind}`;
  }
}

/** The data set: features x [m, n[0]] to the network, labels y to the loss. */
export const Dataset: SettingsKind<DatasetParams> = {
  kind: 'Dataset',
  role: 'dataset',
  category: 'Data',
  title: { en: 'Dataset', zh: '数据集' },
  hint: {
    en: 'Dev and test must come from the same distribution; the split is seeded and reproducible.',
    zh: '开发集和测试集必须来自同一分布；划分带随机种子，可复现。',
  },
  formula: '\\{(x^{(i)}, y^{(i)})\\}_{i=1}^{m} \\to \\text{train} / \\text{dev} / \\text{test}',
  params: DatasetParamsSchema,
  inputs: [],
  outputs: [
    { name: 'x', type: 'tensor' },
    { name: 'y', type: 'labels' },
  ],
  summary: (p, language = 'en') => summarize(p.source as SourceSummary, language === 'zh'),
};
