import { describe, expect, it } from 'vitest';
import { type LayerSpec, sequentialDocument } from '../../engine/document/build';
import { parseDocument } from '../../engine/document/parse';
import { analyzeGraph } from '../../engine/graph/analyze';
import type { Problem, ProblemDetail } from '../../engine/problems';
import { doneText, problemText } from './problemText';

const digits = { source: { kind: 'builtin', name: 'digits' } };
const moons = { source: { kind: 'generator', name: 'moons', n: 300, noise: 0.2 } };
const problemsOf = (layers: LayerSpec[], dataset: Record<string, unknown> = digits) =>
  analyzeGraph(sequentialDocument({ dataset, layers, loss: { fn: 'categoricalCrossEntropy' } })).problems;
const keyed = (problems: readonly Problem[], key: string) => problems.find((p) => p.detail?.key === key)!;

/** Chinese with every placeholder filled: no `{name}` left, some Han characters. */
const expectChinese = (text: string) => {
  expect(text).toMatch(/[\u4e00-\u9fff]/);
  expect(text).not.toMatch(/\{\w+\}/);
};

describe('shape problems in Chinese', () => {
  it('names both inputs and their shapes of a merge that does not fit', () => {
    const problems = problemsOf(
      [
        { kind: 'Dense', id: 'dense1', params: { units: 8 } },
        { kind: 'Dense', id: 'dense2', params: { units: 5 } },
        { kind: 'Add', id: 'add', inputs: ['dense2', 'dense1'] },
        { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
      ],
      moons,
    );
    const mismatch = keyed(problems, 'addMismatch');
    expect(mismatch.code).toBe('MERGE_MISMATCH');
    expect(problemText(mismatch, 'en')).toBe(mismatch.message);
    expect(problemText(mismatch, 'zh')).toBe(
      'Add "add" 逐元素相加它的输入，因此输入必须同形：“dense2” 给出 [m, 5]，“dense1” 给出 [m, 8]。',
    );
  });

  it('says a kernel larger than its image in Chinese, with the largest size that fits', () => {
    // digits are 8×8: a 9×9 valid kernel does not fit; at most min(8, 8) = 8.
    const problems = problemsOf([
      { kind: 'Conv2D', id: 'conv', params: { filters: 4, kernelSize: 9, padding: 'valid' } },
      { kind: 'Flatten', id: 'flat' },
      { kind: 'Dense', id: 'out', params: { units: 10, activation: 'softmax' } },
    ]);
    const large = keyed(problems, 'kernelTooLarge');
    expect(large.code).toBe('KERNEL_TOO_LARGE');
    expect(problemText(large, 'zh')).toBe(
      '9×9 的卷积核大于 8×8 的输入；请使用 "same" 填充，或把卷积核缩小到最多 8。',
    );
  });

  it('says a parameter below its bound in Chinese from zod’s minimum', () => {
    const problems = problemsOf([{ kind: 'Dense', id: 'out', params: { units: 0 } }]);
    const bound = problems.find((p) => p.detail?.key.startsWith('param'))!;
    expect(problemText(bound, 'en')).toBe(bound.message);
    expectChinese(problemText(bound, 'zh'));
    expect(problemText(bound, 'zh')).toContain('units');
  });
});

describe('document problems in Chinese', () => {
  it('says where bad JSON breaks, and that a file without the format field is not a document', () => {
    const syntax = parseDocument('{"format": "netcanvas",,}');
    const notOurs = parseDocument('{"a": 1}');
    for (const p of [...syntax.problems, ...notOurs.problems]) {
      expect(problemText(p, 'en')).toBe(p.message);
      expectChinese(problemText(p, 'zh'));
    }
    expect(problemText(syntax.problems[0]!, 'zh')).toMatch(/^第 1 行第 \d+ 列：JSON 语法错误/);
  });
});

describe('a run’s closing message', () => {
  it('says the keyed parts in Chinese and keeps the engine’s English', () => {
    const done: { message: string; detail: ProblemDetail[] } = {
      message:
        'Early stopping: the dev loss has not improved for 10 epochs since epoch 42. Restored the weights of epoch 42.',
      detail: [
        { key: 'earlyStopped', params: { patience: 10, epoch: 42 } },
        { key: 'restoredBest', params: { epoch: 42 } },
      ],
    };
    expect(doneText(done, 'en')).toBe(done.message);
    expect(doneText(done, 'zh')).toBe(
      '早停：开发集损失自第 42 轮起已有 10 轮没有改善。已恢复第 42 轮的权重。',
    );
  });

  it('says nothing in Chinese rather than English when a part has no key', () => {
    expect(doneText({ message: 'Training failed: out of memory', detail: [] }, 'zh')).toBe('');
  });
});
