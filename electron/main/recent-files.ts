import { basename, resolve } from 'node:path';
import type { RecentFile } from '../shared/api.js';

/** How many files File › Open Recent lists. */
export const MAX_RECENT_FILES = 10;

/** The list with `path` first (moved up when it was there already), at most `max` long. */
export function addRecentFile(
  list: readonly RecentFile[],
  path: string,
  max = MAX_RECENT_FILES,
): RecentFile[] {
  const full = resolve(path);
  return [{ path: full, name: basename(full) }, ...list.filter((f) => f.path !== full)].slice(0, max);
}

/** The list without `path` (a file that no longer opens). */
export function removeRecentFile(list: readonly RecentFile[], path: string): RecentFile[] {
  const full = resolve(path);
  return list.filter((f) => f.path !== full);
}

export function isRecentFile(list: readonly RecentFile[], path: string): boolean {
  const full = resolve(path);
  return list.some((f) => f.path === full);
}
