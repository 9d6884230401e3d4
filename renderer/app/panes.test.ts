import { describe, expect, it } from 'vitest';
import { layoutStorage, moveSize } from './panes';

describe('the workspace panes', () => {
  it('gives the space a folded pane frees to the canvas, and takes it back when it opens', () => {
    const open = { canvas: 40, problems: 15, training: 45 };
    // Training 45 → 5: the 40 freed go to the canvas (40 + 40 = 80); problems stay at 15.
    const folded = moveSize(open, 'training', 5, 'canvas');
    expect(folded).toEqual({ canvas: 80, problems: 15, training: 5 });
    expect(moveSize(folded, 'training', 45, 'canvas')).toEqual(open);
  });

  it('opens a pane only as far as the canvas has room', () => {
    // Wants 5 → 60 (55 more) but the canvas has 30: training gets 35, the canvas 0.
    expect(moveSize({ canvas: 30, problems: 65, training: 5 }, 'training', 60, 'canvas')).toEqual({
      canvas: 0,
      problems: 65,
      training: 35,
    });
  });

  it('keeps the sizes in the preferences under a key of their own', () => {
    const kept = new Map<string, string>();
    const storage = layoutStorage({ get: (k) => kept.get(k) ?? null, set: (k, v) => kept.set(k, v) });
    storage?.setItem('workspace-rows', '{"a":1}');
    expect([...kept]).toEqual([['layout:workspace-rows', '{"a":1}']]);
    expect(storage?.getItem('workspace-rows')).toBe('{"a":1}');
    expect(layoutStorage(null)).toBeUndefined();
  });
});
