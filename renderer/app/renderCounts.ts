/**
 * Counts node-card renders per node id, only when a browser test has put a counts object on
 * `window.__netcanvasRenderCounts` (so the "one edit re-renders one card" check needs no profiler).
 */
export function countRender(id: string): void {
  const counts = (globalThis as { __netcanvasRenderCounts?: Record<string, number> }).__netcanvasRenderCounts;
  if (counts) counts[id] = (counts[id] ?? 0) + 1;
}
