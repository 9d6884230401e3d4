import { describe, expect, it } from 'vitest';
import { analyzeForEditor, emptyAnalysis } from '../store/analysis';
import { applyGraphChanges } from '../store/changes';
import { presetDocument } from '../store/testing';
import { problemText } from './problemText';

describe('problem messages in the UI language', () => {
  const doc = applyGraphChanges(presetDocument(), [
    { type: 'removeEdge', id: 'hidden1.out->hidden2.in' },
  ]).doc;
  const problems = analyzeForEditor(doc, emptyAnalysis).problems;

  it('says the engine’s problems in Chinese from their keys and values', () => {
    const noInput = problems.find((p) => p.detail?.key === 'noInput')!;
    expect(noInput.nodeId).toBe('hidden2');
    expect(problemText(noInput, 'zh')).toBe('Dense "hidden2" 没有输入：请把它连到前一层或数据集的 x。');
    const deadEnd = problems.find((p) => p.detail?.key === 'deadEnd')!;
    expect(problemText(deadEnd, 'zh')).toMatch(/^Dense "hidden1" 没有去处/);
  });

  it('renders the same English the engine wrote, and falls back to it without a key', () => {
    for (const p of problems) expect(problemText(p, 'en')).toBe(p.message);
    const plain = { ...problems[0]!, detail: undefined };
    expect(problemText(plain, 'zh')).toBe(plain.message);
  });
});
