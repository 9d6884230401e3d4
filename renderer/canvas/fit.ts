import type { FitViewOptions } from '@xyflow/react';

/** How big the minimap is drawn, or not at all. */
export type MinimapSize = 'full' | 'small' | 'none';

export const MINIMAP_PIXELS = {
  full: { width: 200, height: 150 },
  small: { width: 128, height: 84 },
} as const;

/** React Flow's panels sit 15 px in from the canvas edges; the zoom buttons are 26 px wide. */
const PANEL_MARGIN = 15;
const CONTROLS_WIDTH = 26;
/** Air between a fitted graph and the canvas edge or an overlay. */
const GAP = 12;

/**
 * The minimap for a canvas this size: full on a large one, smaller below 900 pixels wide (a 1280-pixel
 * window), none below 300 high (the training pane open in a 720-pixel window), where it would cover
 * the cards it maps; none when the user hid it.
 */
export function minimapFor(width: number, height: number, shown: boolean): MinimapSize {
  if (!shown || height < 300) return 'none';
  if (width === 0) return 'full';
  return width < 900 ? 'small' : 'full';
}

/**
 * Where a fitted graph may lie: the zoom buttons (bottom left) and the minimap (bottom right) each
 * keep their column, so no card, and no port, is drawn under them.
 * E.g. fitPadding('small') → left 53 px, right 155 px, top and bottom 12 px.
 */
export function fitPadding(minimap: MinimapSize): Record<'top' | 'right' | 'bottom' | 'left', `${number}px`> {
  const px = (n: number) => `${n}px` as const;
  const right = minimap === 'none' ? GAP : PANEL_MARGIN + MINIMAP_PIXELS[minimap].width + GAP;
  return { top: px(GAP), bottom: px(GAP), left: px(PANEL_MARGIN + CONTROLS_WIDTH + GAP), right: px(right) };
}

/** Fit-view options for a canvas with this minimap; `duration` animates (ms). */
export function fitOptions(
  minimap: MinimapSize,
  duration?: number,
): Pick<FitViewOptions, 'padding' | 'maxZoom' | 'duration'> {
  return { padding: fitPadding(minimap), maxZoom: 1.1, ...(duration ? { duration } : {}) };
}
