import { z } from 'zod';

/** Where the window was: its normal (not maximized) bounds, and whether it was maximized. */
export const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 760, height: 520 };
/** At least this much of the saved window must lie on a screen, or it opens centred instead. */
const VISIBLE = { width: 120, height: 60 };

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The bounds to open the window with: the saved ones when enough of the window is on one of the
 * displays now attached (a monitor may have gone since), clamped to that display; else the default
 * size, centred by the window manager (no x, y).
 */
export function restoreBounds(
  saved: WindowState | null,
  workAreas: readonly Rectangle[],
): { bounds: Partial<Rectangle> & { width: number; height: number }; maximized: boolean } {
  if (saved) {
    const area = workAreas.find((a) => {
      const o = overlap(saved, a);
      return o.width >= VISIBLE.width && o.height >= VISIBLE.height;
    });
    if (area) {
      const width = Math.max(MIN_SIZE.width, Math.min(saved.width, area.width));
      const height = Math.max(MIN_SIZE.height, Math.min(saved.height, area.height));
      return { bounds: { x: saved.x, y: saved.y, width, height }, maximized: saved.maximized };
    }
    return { bounds: { ...DEFAULT_SIZE }, maximized: saved.maximized };
  }
  return { bounds: { ...DEFAULT_SIZE }, maximized: false };
}

/** What to remember of a window: its normal bounds (so un-maximizing restores them) and the flag. */
export function captureWindowState(win: {
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
}): WindowState {
  const b = win.getNormalBounds();
  return {
    x: Math.round(b.x),
    y: Math.round(b.y),
    width: Math.round(b.width),
    height: Math.round(b.height),
    maximized: win.isMaximized(),
  };
}
