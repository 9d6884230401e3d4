import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  getBezierPath,
  type Node,
  type ReactFlowState,
  useStore,
} from '@xyflow/react';
import { memo, useRef } from 'react';
import { DEFAULT_NODE_SIZE } from '../graph/layout';
import { EdgeFlow } from '../inspect/StepFlow';
import { useAppStoreApi } from '../store/context';
import type { AppStore } from '../store/createAppStore';
import {
  type Box,
  detourPath,
  type Lane,
  laneAround,
  lanePath,
  sameLane,
  slotOffset,
  takesLane,
} from './edgePath';
import type { ShapeFlowEdge } from './flowElements';

/** The cards' boxes, worked out once per nodes array (React Flow's store gives a new one per change). */
const boxesOfNodes = new WeakMap<readonly Node[], Box[]>();
function boxesOf(nodes: readonly Node[]): Box[] {
  let boxes = boxesOfNodes.get(nodes);
  if (!boxes) {
    boxes = nodes.map((n) => ({
      id: n.id,
      x: n.position.x,
      y: n.position.y,
      width: n.measured?.width ?? DEFAULT_NODE_SIZE.width,
      height: n.measured?.height ?? DEFAULT_NODE_SIZE.height,
    }));
    boxesOfNodes.set(nodes, boxes);
  }
  return boxes;
}

/** Clicking a wire's shape label selects the wire (Shift adds it to the selection). */
function selectEdge(store: AppStore, id: string, add: boolean): void {
  const state = store.getState();
  if (add) state.applySelectionChanges([], [{ id, selected: true }]);
  else state.select([], [id]);
}

/**
 * An edge coloured by the type it carries, labelled with the shape flowing through it ("[m, 20]").
 * A wire into a port that takes several ends at its own place on the tall handle; a wire that would
 * cross cards (a skip connection, the long labels wire) runs along a lane around them.
 */
export const ShapeEdge = memo(function ShapeEdge(props: EdgeProps<ShapeFlowEdge>) {
  const { id, data, selected, source, target, sourceX, sourceY, targetX } = props;
  const store = useAppStoreApi();
  const type = data?.portType ?? 'unknown';
  const targetY = props.targetY + (data?.slot ? slotOffset(data.slot.index, data.slot.count) : 0);
  const settingsLane = takesLane(data?.portType, sourceX, targetX);
  const tensor = data?.portType === 'tensor';
  // Worked out again only when the cards or the ends move (not on every pan or zoom frame), and
  // compared by value, so the edge re-renders only when its lane moves.
  const last = useRef<{ nodes: readonly Node[]; ends: readonly number[]; lane: Lane | null } | null>(null);
  const lane = useStore((s: ReactFlowState) => {
    if (!settingsLane && !tensor) return null;
    const ends = [sourceX, sourceY, targetX, targetY];
    const hit = last.current;
    if (hit && hit.nodes === s.nodes && hit.ends.every((v, i) => v === ends[i])) return hit.lane;
    const found = laneAround(sourceX, sourceY, targetX, targetY, boxesOf(s.nodes), settingsLane, [
      source,
      target,
    ]);
    last.current = { nodes: s.nodes, ends, lane: found };
    return found;
  }, sameLane);
  const [path, labelX, labelY] =
    lane === null
      ? getBezierPath({ ...props, targetY })
      : settingsLane
        ? lanePath(sourceX, sourceY, targetX, targetY, lane.y)
        : detourPath(sourceX, sourceY, targetX, targetY, lane);
  // A short wire's label floats just above it, clear of the ports at both ends.
  const lift = lane === null ? 'calc(-100% - 3px)' : '-50%';
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
          {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: the wire itself is the keyboard-reachable edge; the label is a bigger target for the mouse */}
          <div
            className={`edge-label nopan edge-label--${type}${selected ? ' edge-label--selected' : ''}`}
            style={{ transform: `translate(${labelX}px, ${labelY}px) translate(-50%, ${lift})` }}
            data-testid={`edge-label-${id}`}
            onClick={(event) => selectEdge(store, id, event.shiftKey)}
          >
            {data.shape}
            {tensor && <EdgeFlow source={source} edgeId={id} />}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
