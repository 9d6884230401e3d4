import type { GraphDocument } from '../../engine/document/schema';
import type { SearchParam } from '../../engine/search';
import { lookup } from '../i18n/i18n';
import type { Language } from '../i18n/messages';

/** A searched value as it reads best: 4 significant digits, no float noise (0.02345, 0.9965, 64). */
export const formatValue = (v: number | undefined): string =>
  v === undefined || !Number.isFinite(v) ? '—' : String(Number(v.toPrecision(4)));

export const formatLoss = (v: number | null): string =>
  v === null || !Number.isFinite(v) ? '—' : v.toFixed(4);

export const formatPercent = (v: number | null): string =>
  v === null || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(1)}%`;

/** "optimizer · Learning rate α": the node's label (or id) and the param's name in the UI language. */
export function paramName(
  doc: GraphDocument,
  p: Pick<SearchParam, 'nodeId' | 'path'>,
  language: Language,
): string {
  const node = doc.nodes.find((n) => n.id === p.nodeId);
  const param = lookup(language, `param.${p.path}`) ?? p.path;
  return `${node?.label ?? p.nodeId} · ${param}`;
}

/** The short name of a param for a table column: the param's name alone ("β₁", "Learning rate α"). */
export const paramShortName = (p: Pick<SearchParam, 'path'>, language: Language): string =>
  lookup(language, `param.${p.path}`) ?? p.path;
