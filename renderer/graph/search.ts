import { NODE_KINDS } from '../../engine/nodes/registry';
import type { AnyNodeKind } from '../../engine/nodes/types';

/**
 * Node kinds matching a query, best first: a name or title starting with it, then containing it,
 * then a hint mentioning it. Matches English and Chinese titles alike ("dense", "全连接", "drop").
 * An empty query lists every kind in palette order.
 */
export function searchKinds(query: string): AnyNodeKind[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...NODE_KINDS];
  const scored = NODE_KINDS.flatMap((kind) => {
    const names = [kind.kind, kind.title.en, kind.title.zh].map((s) => s.toLowerCase());
    const score = names.some((n) => n.startsWith(q))
      ? 0
      : names.some((n) => n.includes(q))
        ? 1
        : kind.category.toLowerCase().includes(q)
          ? 2
          : `${kind.hint.en} ${kind.hint.zh}`.toLowerCase().includes(q)
            ? 3
            : -1;
    return score < 0 ? [] : [{ kind, score }];
  });
  return scored.sort((a, b) => a.score - b.score).map((s) => s.kind);
}
