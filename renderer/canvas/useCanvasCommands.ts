import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useMemo } from 'react';
import type { GraphNode } from '../../engine/document/schema';
import { DEFAULT_NODE_SIZE, estimateCardSize, layoutChanges, type Size } from '../graph/layout';
import { addNodeChanges } from '../graph/nodes';
import { freeSpot, placeAfter } from '../graph/placement';
import { useAppStoreApi } from '../store/context';
import { fitOptions, minimapFor } from './fit';

export interface CanvasCommands {
  /**
   * Adds a node. With `wire` (the default without a position; the search popup) and one node
   * selected, it goes right of that node, spliced into the edge leaving it (A → B becomes
   * A → new → B); else at `position` or the middle of the view. Except for a drop, it then moves to
   * the nearest place where it covers no card. It is selected afterwards, so adding again continues
   * the chain.
   */
  addNode(kind: string, position?: GraphNode['position'], options?: { wire?: boolean }): void;
  layout(): void;
  fitView(): void;
  /** Opens the node search in the middle of the canvas (the "/" key). */
  openSearchAtCentre(): void;
}

/** Commands that need React Flow's viewport; usable anywhere under <ReactFlowProvider>. */
export function useCanvasCommands(): CanvasCommands {
  const store = useAppStoreApi();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  return useMemo(() => {
    const currentFit = () => {
      const { width, height } = flowStore.getState();
      return fitOptions(minimapFor(width, height, store.getState().showMinimap), 250);
    };
    const canvasCentre = () => {
      const pane = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
      const screen = pane
        ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 }
        : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
      return { screen, flow: flow.screenToFlowPosition(screen) };
    };
    const sizeOf = (id: string): Size => {
      const n = flow.getNode(id);
      return n?.measured?.width && n.measured.height
        ? { width: n.measured.width, height: n.measured.height }
        : DEFAULT_NODE_SIZE;
    };
    return {
      addNode(kind, position, options = {}) {
        const state = store.getState();
        const wire = options.wire ?? position === undefined;
        const [selected] = state.selectedNodes.size === 1 ? state.selectedNodes : [];
        const after = wire && selected ? state.doc.nodes.find((n) => n.id === selected) : undefined;
        const taken = state.doc.nodes.map((n) => ({ ...n.position, ...sizeOf(n.id) }));
        const size = estimateCardSize(kind);
        let at = position;
        if (after) {
          at = placeAfter({ ...after.position, ...sizeOf(after.id) }, size, taken);
        } else if (!at) {
          const { flow: centre } = canvasCentre();
          at = freeSpot({ x: centre.x - size.width / 2, y: centre.y - size.height / 2 }, size, taken);
        } else if (wire) {
          at = freeSpot(at, size, taken);
        }
        const rounded = { x: Math.round(at.x), y: Math.round(at.y) };
        const added = addNodeChanges(state.doc, kind, rounded, after?.id);
        if (added) state.applyChanges(added.changes, { select: [added.nodeId] });
      },
      layout() {
        const { doc, analysis, applyChanges } = store.getState();
        const sizes = new Map(doc.nodes.map((n) => [n.id, sizeOf(n.id)]));
        const changes = layoutChanges(doc, sizes, analysis.edgeShapes);
        if (changes.length) applyChanges(changes);
        requestAnimationFrame(() => void flow.fitView(currentFit()));
      },
      fitView() {
        void flow.fitView(currentFit());
      },
      openSearchAtCentre() {
        const { screen, flow: at } = canvasCentre();
        store.getState().openSearch({ screen, flow: at });
      },
    };
  }, [store, flow, flowStore]);
}
