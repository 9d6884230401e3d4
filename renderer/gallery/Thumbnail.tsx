import { memo, useMemo } from 'react';
import type { GraphDocument } from '../../engine/document/schema';
import { thumbnailOf } from './thumbnail';

/** A small SVG of a graph: blocks coloured by node category, wires between them. */
export const Thumbnail = memo(function Thumbnail({ doc }: { doc: GraphDocument }) {
  const picture = useMemo(() => thumbnailOf(doc), [doc]);
  return (
    <svg
      className="thumbnail"
      viewBox={picture.viewBox}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={doc.name}
      data-testid="thumbnail"
    >
      {picture.edges.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: edges are drawn once per document, in order.
        <path key={i} d={d} className="thumbnail__edge" />
      ))}
      {picture.nodes.map((n) => (
        <g key={n.id}>
          <rect
            x={n.x}
            y={n.y}
            width={n.width}
            height={n.height}
            rx={12}
            className="thumbnail__node"
            style={{ stroke: `var(--cat-${n.category})` }}
          />
          <rect
            x={n.x}
            y={n.y + 10}
            width={10}
            height={n.height - 20}
            rx={4}
            style={{ fill: `var(--cat-${n.category})` }}
          />
        </g>
      ))}
    </svg>
  );
});
