import {
  Background,
  BackgroundVariant,
  type Connection,
  ControlButton,
  Controls,
  type EdgeChange,
  type FinalConnectionState,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
  useStore,
} from '@xyflow/react';
import { type DragEvent, type MouseEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { nodeKind } from '../../engine/nodes/registry';
import { useResolvedTheme } from '../app/theme';
import { carriesFiles } from '../data/DataSourceActions';
import { datasetForDrop } from '../data/dataSlice';
import { checkConnection, connectionChanges } from '../graph/connection';
import { DEFAULT_NODE_SIZE, type Size } from '../graph/layout';
import { inputSlots, severalInputCounts } from '../graph/merge';
import { useLanguage, useT } from '../i18n/useT';
import type { GraphChange } from '../store/changes';
import { useApp, useAppStoreApi } from '../store/context';
import { flowAriaLabels } from './ariaLabels';
import { ConnectionHint, describeRefusal, refusalBetween } from './ConnectionHint';
import { fitOptions, MINIMAP_PIXELS, minimapFor } from './fit';
import {
  type CardNode,
  createEdgeMapper,
  createKindIndex,
  createNodeMapper,
  type ShapeFlowEdge,
} from './flowElements';
import { NodeCard } from './NodeCard';
import { KIND_MIME } from './ports';
import { ShapeEdge } from './ShapeEdge';
import { useCanvasCommands } from './useCanvasCommands';

const nodeTypes = { card: NodeCard };
const edgeTypes = { shape: ShapeEdge };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
/** Minimap blocks take the colour of their node's category. */
const minimapColour = (n: CardNode) =>
  `var(--cat-${nodeKind(n.data.node.kind)?.category.toLowerCase() ?? 'unknown'})`;

/** The graph canvas: the document drawn with React Flow, every edit sent to the store as changes. */
export function Canvas() {
  const store = useAppStoreApi();
  const flow = useReactFlow<CardNode, ShapeFlowEdge>();
  const commands = useCanvasCommands();
  const t = useT();
  const language = useLanguage();
  const theme = useResolvedTheme();
  const doc = useApp((s) => s.doc);
  const docEpoch = useApp((s) => s.docEpoch);
  const selectedNodes = useApp((s) => s.selectedNodes);
  const selectedEdges = useApp((s) => s.selectedEdges);
  const analysis = useApp((s) => s.analysis);
  const showMinimap = useApp((s) => s.showMinimap);
  const focusRequest = useApp((s) => s.focusRequest);
  const fitRequest = useApp((s) => s.fitRequest);
  const minimap = useStore((s) => minimapFor(s.width, s.height, showMinimap));
  const minimapRef = useRef(minimap);
  minimapRef.current = minimap;
  const ariaLabels = useMemo(() => flowAriaLabels(t), [t]);

  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const measuredRef = useRef(measured);
  measuredRef.current = measured;
  const [mapNodes] = useState(createNodeMapper);
  const [mapEdges] = useState(createEdgeMapper);
  const [kindIndex] = useState(createKindIndex);
  const dragSession = useRef(0);

  const kinds = kindIndex(doc.nodes);
  const severalInputs = useMemo(() => severalInputCounts(doc.edges, kinds), [doc.edges, kinds]);
  const slots = useMemo(() => {
    const centres = new Map(
      doc.nodes.map((n) => [n.id, n.position.y + (measured.get(n.id) ?? DEFAULT_NODE_SIZE).height / 2]),
    );
    return inputSlots(doc.edges, kinds, (id) => centres.get(id) ?? 0);
  }, [doc.edges, doc.nodes, kinds, measured]);
  const nodes = useMemo(
    () => mapNodes(doc.nodes, selectedNodes, analysis.byNode, measured, severalInputs),
    [mapNodes, doc.nodes, selectedNodes, analysis.byNode, measured, severalInputs],
  );
  const edges = useMemo(
    () => mapEdges(doc.edges, kinds, selectedEdges, analysis.edgeShapes, slots),
    [mapEdges, doc.edges, kinds, selectedEdges, analysis.edgeShapes, slots],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<CardNode>[]) => {
      const moves: GraphChange[] = [];
      const selects: { id: string; selected: boolean }[] = [];
      let sizes: Map<string, Size> | null = null;
      for (const c of changes) {
        if (c.type === 'position' && c.position) {
          const position = { x: Math.round(c.position.x), y: Math.round(c.position.y) };
          moves.push({ type: 'moveNode', id: c.id, position });
        } else if (c.type === 'select') {
          selects.push({ id: c.id, selected: c.selected });
        } else if (c.type === 'dimensions' && c.dimensions) {
          const old = (sizes ?? measuredRef.current).get(c.id);
          if (old?.width === c.dimensions.width && old.height === c.dimensions.height) continue;
          sizes ??= new Map(measuredRef.current);
          sizes.set(c.id, c.dimensions);
        }
      }
      const state = store.getState();
      if (moves.length) state.applyChanges(moves, { mergeKey: `move:${dragSession.current}` });
      if (selects.length) state.applySelectionChanges(selects, []);
      if (sizes) setMeasured(sizes);
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<ShapeFlowEdge>[]) => {
      const selects = changes.flatMap((c) =>
        c.type === 'select' ? [{ id: c.id, selected: c.selected }] : [],
      );
      if (selects.length) store.getState().applySelectionChanges([], selects);
    },
    [store],
  );

  const isValidConnection = useCallback(
    (c: Connection | ShapeFlowEdge) => checkConnection(store.getState().doc, c) === null,
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const { doc: current, applyChanges } = store.getState();
      const changes = connectionChanges(current, c);
      if (changes) applyChanges(changes);
    },
    [store],
  );

  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent | globalThis.MouseEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.fromHandle || !state.toHandle) return;
      const refusal = refusalBetween(store.getState().doc, state.fromHandle, state.toHandle);
      if (!refusal) return;
      store.getState().showToast('error', {
        key: 'connect.refused',
        vars: { reason: describeRefusal(refusal, t, language) },
      });
    },
    [store, t, language],
  );

  const onDragOver = useCallback(
    (event: DragEvent) => {
      const data = carriesFiles(event) && datasetForDrop(store.getState());
      if (!event.dataTransfer.types.includes(KIND_MIME) && !data) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    [store],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      // A folder or files from the system become the data of the Dataset node.
      const dataset = carriesFiles(event) ? datasetForDrop(store.getState()) : null;
      if (dataset) {
        event.preventDefault();
        void store.getState().dropData(dataset, event.dataTransfer, 'source');
        return;
      }
      const kind = event.dataTransfer.getData(KIND_MIME);
      if (!kind) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      commands.addNode(
        kind,
        { x: at.x - DEFAULT_NODE_SIZE.width / 2, y: at.y - DEFAULT_NODE_SIZE.height / 3 },
        { wire: false },
      );
    },
    [flow, commands, store],
  );

  const onDoubleClick = useCallback(
    (event: MouseEvent) => {
      if (!(event.target as Element).classList.contains('react-flow__pane')) return;
      const screen = { x: event.clientX, y: event.clientY };
      store.getState().openSearch({ screen, flow: flow.screenToFlowPosition(screen) });
    },
    [store, flow],
  );

  // Fit each newly opened document once its cards have been measured.
  const fittedEpoch = useRef(-1);
  useEffect(() => {
    if (fittedEpoch.current === docEpoch) return;
    if (doc.nodes.length > 0 && !doc.nodes.every((n) => measured.has(n.id))) return;
    fittedEpoch.current = docEpoch;
    // React Flow keeps a fit asked of an empty canvas until nodes come, then the first card dropped
    // would jump to the middle under the mouse's feet: an empty document starts at 100 % instead.
    if (doc.nodes.length === 0) return void flow.setViewport({ x: 0, y: 0, zoom: 1 });
    requestAnimationFrame(() => void flow.fitView(fitOptions(minimapRef.current)));
  }, [docEpoch, doc.nodes, measured, flow]);

  // Fit again when a workspace pane opened or closed: two frames, so the canvas has its new size.
  useEffect(() => {
    if (fitRequest === 0) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => void flow.fitView(fitOptions(minimapRef.current)));
    });
    return () => cancelAnimationFrame(frame);
  }, [fitRequest, flow]);

  // Centre on a node when the problems list asks for it.
  useEffect(() => {
    if (!focusRequest) return;
    const node = flow.getInternalNode(focusRequest.nodeId);
    if (!node) return;
    const { x, y } = node.internals.positionAbsolute;
    const w = node.measured.width ?? DEFAULT_NODE_SIZE.width;
    const h = node.measured.height ?? DEFAULT_NODE_SIZE.height;
    void flow.setCenter(x + w / 2, y + h / 2, { zoom: Math.max(flow.getZoom(), 1), duration: 300 });
  }, [focusRequest, flow]);

  return (
    <section
      className="canvas"
      data-testid="canvas"
      data-fit-request={fitRequest}
      aria-label={t('canvas.label')}
      onDoubleClick={onDoubleClick}
    >
      <ReactFlow<CardNode, ShapeFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDragStart={() => {
          dragSession.current += 1;
        }}
        onDragOver={onDragOver}
        onDrop={onDrop}
        colorMode={theme}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        zoomOnDoubleClick={false}
        minZoom={0.05}
        maxZoom={2.5}
        connectionRadius={24}
        ariaLabelConfig={ariaLabels}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <Controls showInteractive={false}>
          <ControlButton
            onClick={() => store.getState().setShowMinimap(!showMinimap)}
            title={t('canvas.toggleMinimap')}
            aria-label={t('canvas.toggleMinimap')}
            aria-pressed={showMinimap}
            data-testid="toggle-minimap"
          >
            ▣
          </ControlButton>
        </Controls>
        {minimap !== 'none' && doc.nodes.length > 0 && (
          <MiniMap
            pannable
            zoomable
            nodeStrokeWidth={3}
            nodeColor={minimapColour}
            style={MINIMAP_PIXELS[minimap]}
          />
        )}
        <ConnectionHint />
      </ReactFlow>
      {doc.nodes.length === 0 && (
        <div className="canvas__empty" data-testid="canvas-empty">
          <h2>{t('canvas.emptyTitle')}</h2>
          <p>{t('canvas.emptyBody')}</p>
          <button
            type="button"
            className="button button--primary canvas__empty-action"
            onClick={() => store.getState().openGallery()}
            data-testid="empty-browse-lessons"
          >
            {t('gallery.browse')}
          </button>
        </div>
      )}
    </section>
  );
}
