import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../../engine/document/build';
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

describe('every keyed problem the engine gives', () => {
  it('renders in English exactly as the engine wrote it, and has a Chinese template', () => {
    // The loss and output problems: 3 units into binary cross-entropy without sigmoid.
    const doc = applyGraphChanges(presetDocument(), [
      { type: 'setParams', id: 'output', params: { units: 3, activation: 'relu' } },
    ]).doc;
    const keyed = analyzeForEditor(doc, emptyAnalysis).problems.filter((p) => p.detail);
    expect(keyed.map((p) => p.detail!.key).sort()).toEqual(['bceNeedsOneUnit', 'bceNeedsSigmoid']);
    for (const p of keyed) {
      expect(problemText(p, 'en')).toBe(p.message);
      expect(problemText(p, 'zh')).not.toBe(p.message);
    }
  });

  it('says the notes’ warnings (zeros initialization, dropout on the input) in both languages', () => {
    const doc = sequentialDocument({
      layers: [
        { kind: 'Dropout', id: 'drop', params: { keepProb: 0.8 } },
        { kind: 'Dense', id: 'h', params: { units: 4, initializer: 'zeros' } },
        { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
      ],
    });
    const keyed = analyzeForEditor(doc, emptyAnalysis).problems.filter((p) => p.detail);
    expect(keyed.map((p) => p.detail!.key).sort()).toEqual(['dropoutOnInput', 'zerosInitUnits']);
    for (const p of keyed) {
      expect(problemText(p, 'en')).toBe(p.message);
      expect(problemText(p, 'zh')).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
