import type { Locator, Page } from 'playwright-core';

export interface FrameStats {
  frames: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
}

/** Starts recording the intervals between animation frames in the page. */
export async function recordFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Stops recording and summarizes the frame intervals (the first, partial one is dropped). */
export async function frameStats(page: Page): Promise<FrameStats> {
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(1);
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const mean = frames.reduce((s, f) => s + f, 0) / Math.max(1, frames.length);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    frames: frames.length,
    meanMs: round(mean),
    p95Ms: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
  };
}

/**
 * Drags `pane` from its centre by (−354, −177) px in 60 mouse moves (a pan of the canvas), recording
 * the frames meanwhile.
 */
export async function framesWhilePanning(page: Page, pane: Locator): Promise<FrameStats> {
  const box = await pane.boundingBox();
  if (!box) throw new Error('the pane is not visible');
  const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await recordFrames(page);
  await page.mouse.move(mid.x, mid.y);
  await page.mouse.down();
  for (let i = 0; i < 60; i++) await page.mouse.move(mid.x - i * 6, mid.y - i * 3);
  await page.mouse.up();
  return frameStats(page);
}

/**
 * Runs in the page before the app: a stand-in for the File System Access API that records each
 * picker shown and each file written (in `window.__fsa`), so the test can see Save write back to
 * the same file without asking again.
 */
export function mockFileSystemAccess(): void {
  const w = window as unknown as Record<string, unknown>;
  const log = { pickers: 0, writes: [] as string[] };
  w.__fsa = log;
  const handle = {
    name: 'picked.netcanvas.json',
    async createWritable() {
      let text = '';
      return {
        write: async (t: string) => {
          text += t;
        },
        close: async () => {
          log.writes.push(text);
        },
      };
    },
    async getFile() {
      return new File([log.writes[log.writes.length - 1] ?? ''], 'picked.netcanvas.json');
    },
  };
  w.showSaveFilePicker = async () => {
    log.pickers++;
    return handle;
  };
  w.showOpenFilePicker = async () => {
    log.pickers++;
    return [handle];
  };
}
