import type { LayoutStorage } from 'react-resizable-panels';
import type { KeyValueStore } from '../platform/types';

/**
 * The workspace's panes and their sizes in pixels. Their ids are also their elements' test ids. The canvas takes what the others leave; each other
 * pane folds to its header (`folded`) and keeps its size for when it opens again. At 1280 × 720 with
 * every pane open: inspector 304 wide, problems 96 high, training (while a run is shown) half of
 * the 674 px under the toolbar, so the canvas keeps 780 × ~237, enough for the whole preset graph at a readable zoom.
 */
export const PANES = {
  inspector: { id: 'pane-inspector', size: 304, min: 220, max: 560, folded: 30 },
  problems: { id: 'pane-problems', size: 96, min: 64, folded: 33 },
  /**
   * Its toolbar only (120 px) until a run starts, which grows it to half the height (`opens`, in
   * percent) if it is still that small or folded; a size the user chose stays.
   */
  training: { id: 'pane-training', size: 120, min: 100, folded: 33, opens: 50 },
  canvas: { id: 'pane-canvas', min: 140 },
} as const;

/** Layout ids: the stored sizes of each group of panes are kept under these keys. */
export const GROUPS = { columns: 'workspace-columns', rows: 'workspace-rows' } as const;

/** react-resizable-panels' storage over the app's preferences (local storage in a browser). */
export function layoutStorage(preferences: KeyValueStore | null): LayoutStorage | undefined {
  if (!preferences) return undefined;
  return {
    getItem: (key) => preferences.get(`layout:${key}`),
    setItem: (key, value) => preferences.set(`layout:${key}`, value),
  };
}

/**
 * The layout (percentages by pane id) with `pane` at `size` and the difference given to or taken
 * from `into`, so folding or opening one pane moves only the canvas, not its other neighbours.
 * E.g. { canvas: 40, problems: 15, training: 45 }, training → 5 into canvas:
 * { canvas: 80, problems: 15, training: 5 }. `into` never goes below 0.
 */
export function moveSize(
  layout: Readonly<Record<string, number>>,
  pane: string,
  size: number,
  into: string,
): Record<string, number> {
  const now = layout[pane] ?? 0;
  const room = layout[into] ?? 0;
  const change = Math.min(size - now, room);
  return { ...layout, [pane]: now + change, [into]: room - change };
}
