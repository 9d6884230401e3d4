import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import { lanePath, takesLane } from './edgePath';
import type { ShapeFlowEdge } from './flowElements';

/** An edge coloured by the type it carries, labelled with the shape flowing through it ("[m, 20]"). */
export const ShapeEdge = memo(function ShapeEdge(props: EdgeProps<ShapeFlowEdge>) {
  const { id, data, selected } = props;
  const type = data?.portType ?? 'unknown';
  const { sourceX, sourceY, targetX, targetY } = props;
  const lane = takesLane(data?.portType, sourceX, targetX);
  const [path, labelX, labelY] = lane ? lanePath(sourceX, sourceY, targetX, targetY) : getBezierPath(props);
  // A short wire's label floats just above it, clear of the ports at both ends.
  const lift = lane ? '-50%' : 'calc(-100% - 3px)';
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        interactionWidth={18}
        className={`edge edge--${type}${selected ? ' edge--selected' : ''}`}
      />
      {data?.shape && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label edge-label--${type}${selected ? ' edge-label--selected' : ''}`}
            style={{ transform: `translate(${labelX}px, ${labelY}px) translate(-50%, ${lift})` }}
            data-testid={`edge-label-${id}`}
          >
            {data.shape}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
