import { useEffect, useRef } from 'react';
import { useT } from '../i18n/useT';

/** The panel's translate function (the app's one message table). */
export const useTrainingT = useT;

/**
 * Calls `draw` on every animation frame while mounted. Charts use it to redraw from the run's
 * buffers when its version moved: drawing follows the display, never one React render per update.
 */
export function useFrameLoop(draw: () => void): void {
  const ref = useRef(draw);
  ref.current = draw;
  useEffect(() => {
    let frame = 0;
    const loop = () => {
      ref.current();
      frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, []);
}

/** Width of an element, kept current with a ResizeObserver. */
export function observeWidth(el: HTMLElement, onWidth: (width: number) => void): () => void {
  const observer = new ResizeObserver((entries) => {
    const width = Math.floor(entries[0]?.contentRect.width ?? el.clientWidth);
    if (width > 0) onWidth(width);
  });
  observer.observe(el);
  return () => observer.disconnect();
}
