import type { GraphDocument } from '../../engine/document/schema';
import { nodeKind } from '../../engine/nodes/registry';
import { estimateCardSize } from '../graph/layout';

/** One node of a thumbnail: a rounded block in its category's colour. */
export interface ThumbnailNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** "data", "layers", "regularization", "training" or "unknown" (the `--cat-*` colours). */
  category: string;
}

/** A small picture of a graph, in the document's own coordinates (the SVG's viewBox scales it). */
export interface Thumbnail {
  viewBox: string;
  nodes: ThumbnailNode[];
  /** SVG path data of each edge: a curve from the source's right side to the target's left side. */
  edges: string[];
}

const PADDING = 24;

/**
 * Draws a document the way the canvas lays it out, from node positions and kinds only (no
 * rendering, no screenshots): cards as blocks sized like the canvas's estimate, edges as curves.
 * An empty document gives an empty picture.
 */
export function thumbnailOf(doc: GraphDocument): Thumbnail {
  const nodes = doc.nodes.map((n): ThumbnailNode => {
    const size = estimateCardSize(n.kind);
    return {
      id: n.id,
      x: n.position.x,
      y: n.position.y,
      width: size.width,
      height: size.height,
      category: nodeKind(n.kind)?.category.toLowerCase() ?? 'unknown',
    };
  });
  if (!nodes.length) return { viewBox: '0 0 100 60', nodes, edges: [] };
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = doc.edges.flatMap((e) => {
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (!a || !b) return [];
    const x1 = a.x + a.width;
    const y1 = a.y + a.height / 2;
    const x2 = b.x;
    const y2 = b.y + b.height / 2;
    const bend = Math.max(30, Math.abs(x2 - x1) / 2);
    return [`M${x1} ${y1}C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}`];
  });
  const left = Math.min(...nodes.map((n) => n.x)) - PADDING;
  const top = Math.min(...nodes.map((n) => n.y)) - PADDING;
  const right = Math.max(...nodes.map((n) => n.x + n.width)) + PADDING;
  const bottom = Math.max(...nodes.map((n) => n.y + n.height)) + PADDING;
  return { viewBox: `${left} ${top} ${right - left} ${bottom - top}`, nodes, edges };
}
