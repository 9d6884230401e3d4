import { type ReactNode, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import {
  Group,
  type GroupImperativeHandle,
  Panel,
  type PanelSize,
  Separator,
  useDefaultLayout,
  useGroupRef,
  usePanelRef,
} from 'react-resizable-panels';
import { Canvas } from '../canvas/Canvas';
import { useT } from '../i18n/useT';
import { Inspector } from '../panels/Inspector';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { useApp } from '../store/context';
import { GROUPS, layoutStorage, moveSize, PANES } from './panes';

/**
 * A pane that folds to its header: whether it is folded now, and a toggle. In the rows (`rows` given),
 * folding gives the freed height to the canvas and opening takes it back from the canvas, so the
 * problems keep their size; elsewhere the library's collapse and expand move the neighbour.
 */
function useFoldable(
  pane: { id: string; folded: number; opens?: number },
  onFoldChange: () => void,
  rows?: RefObject<GroupImperativeHandle | null>,
) {
  const ref = usePanelRef();
  const [isFolded, setFolded] = useState(false);
  const foldedRef = useRef(isFolded);
  const lastOpen = useRef<number | null>(null);
  const onResize = useCallback(
    (size: PanelSize) => {
      const now = ref.current?.isCollapsed() ?? false;
      if (!now) lastOpen.current = size.asPercentage;
      if (now === foldedRef.current) return;
      foldedRef.current = now;
      setFolded(now);
      onFoldChange();
    },
    [ref, onFoldChange],
  );
  const setFoldedTo = useCallback(
    (fold: boolean) => {
      const panel = ref.current;
      const group = rows?.current;
      if (!panel || fold === panel.isCollapsed()) return;
      if (!group) return fold ? panel.collapse() : panel.expand();
      const { asPercentage, inPixels } = panel.getSize();
      const perPixel = inPixels > 0 ? asPercentage / inPixels : 0;
      const target = fold ? pane.folded * perPixel : (lastOpen.current ?? pane.opens ?? 50);
      group.setLayout(moveSize(group.getLayout(), pane.id, target, PANES.canvas.id));
    },
    [ref, rows, pane],
  );
  const toggle = useCallback(() => setFoldedTo(!foldedRef.current), [setFoldedTo]);
  /** Opens the pane and makes it at least `percent` of the rows, taking the room from the canvas. */
  const openAtLeast = useCallback(
    (percent: number) => {
      setFoldedTo(false);
      const group = rows?.current;
      const now = group?.getLayout()[pane.id];
      if (group && now !== undefined && now < percent) {
        group.setLayout(moveSize(group.getLayout(), pane.id, percent, PANES.canvas.id));
        onFoldChange();
      }
    },
    [setFoldedTo, rows, pane, onFoldChange],
  );
  return { ref, folded: isFolded, onResize, toggle, setFoldedTo, openAtLeast };
}

/** The header of a foldable pane: its name and a button that folds or opens it. */
function PaneHeader(props: { name: string; folded: boolean; onToggle: () => void; testId: string }) {
  const t = useT();
  return (
    <button
      type="button"
      className="pane-header"
      onClick={props.onToggle}
      aria-expanded={!props.folded}
      title={t(props.folded ? 'pane.show' : 'pane.hide', { name: props.name })}
      data-testid={props.testId}
    >
      <span className="pane-header__chevron">{props.folded ? '▸' : '▾'}</span>
      <span className="panel-title">{props.name}</span>
    </button>
  );
}

interface PaneSizes {
  id: string;
  /** Percent of the rows a folded pane opens to the first time. */
  opens?: number;
  size: number | string;
  min: number;
  max?: number;
  folded: number;
}

/**
 * A Panel that folds to its header, sized from `pane` (see PANES). `keepPixels`: keeps its pixel
 * size when the window resizes (the problems list, the inspector), where the canvas grows instead.
 */
function FoldingPanel(props: {
  pane: PaneSizes;
  foldable: ReturnType<typeof useFoldable>;
  className: string;
  keepPixels?: boolean;
  children: ReactNode;
}) {
  const { pane, foldable } = props;
  return (
    <Panel
      id={pane.id}
      className={props.className}
      panelRef={foldable.ref}
      onResize={foldable.onResize}
      defaultSize={pane.size}
      minSize={pane.min}
      {...(pane.max ? { maxSize: pane.max } : {})}
      collapsible
      collapsedSize={pane.folded}
      groupResizeBehavior={props.keepPixels ? 'preserve-pixel-size' : 'preserve-relative-size'}
    >
      {props.children}
    </Panel>
  );
}

/**
 * The workspace under the toolbar, right of the palette: the canvas, the problems, the training panel
 * and the inspector as resizable panes (react-resizable-panels). Every pane but the canvas folds to
 * its header; sizes persist in the preferences; the canvas fits the graph again when a pane opens or
 * closes, and the training pane opens when a run starts.
 */
export function Workspace({ trainingPanel }: { trainingPanel?: ReactNode }) {
  const t = useT();
  const preferences = useApp((s) => s.preferences);
  const requestFit = useApp((s) => s.requestFit);
  const activeRunId = useApp((s) => s.activeRunId);
  const [storage] = useState(() => layoutStorage(preferences));
  const columns = useDefaultLayout({ id: GROUPS.columns, storage });
  const rows = useDefaultLayout({
    id: trainingPanel ? GROUPS.rows : `${GROUPS.rows}-no-training`,
    storage,
  });
  const rowsGroup = useGroupRef();
  const inspector = useFoldable(PANES.inspector, requestFit);
  const problems = useFoldable(PANES.problems, requestFit, rowsGroup);
  const training = useFoldable(PANES.training, requestFit, rowsGroup);

  // A new run opens the training pane to half the height when it is folded or at its idle size.
  const shownRun = useRef(activeRunId);
  useEffect(() => {
    if (activeRunId === shownRun.current) return;
    shownRun.current = activeRunId;
    const panel = training.ref.current;
    if (!activeRunId || !panel) return;
    const idle = panel.isCollapsed() || panel.getSize().inPixels <= PANES.training.size + 2;
    if (idle) training.openAtLeast(PANES.training.opens);
  }, [activeRunId, training.ref, training.openAtLeast]);

  return (
    <Group
      className="workspace"
      orientation="horizontal"
      id={GROUPS.columns}
      defaultLayout={columns.defaultLayout}
      onLayoutChanged={columns.onLayoutChanged}
    >
      <Panel id="pane-main" minSize={360}>
        <Group
          className="workspace__rows"
          orientation="vertical"
          id={GROUPS.rows}
          groupRef={rowsGroup}
          defaultLayout={rows.defaultLayout}
          onLayoutChanged={rows.onLayoutChanged}
        >
          <Panel
            id={PANES.canvas.id}
            minSize={PANES.canvas.min}
            className="pane pane--canvas"
            style={{ overflow: 'hidden' }}
          >
            <Canvas />
          </Panel>
          <Separator className="pane-separator" data-testid="separator-problems" />
          <FoldingPanel pane={PANES.problems} foldable={problems} className="pane" keepPixels>
            <ProblemsPanel open={!problems.folded} onToggle={problems.toggle} />
          </FoldingPanel>
          {trainingPanel && (
            <>
              <Separator className="pane-separator" data-testid="separator-training" />
              <FoldingPanel pane={PANES.training} foldable={training} className="pane pane--training">
                <PaneHeader
                  name={t('pane.training')}
                  folded={training.folded}
                  onToggle={training.toggle}
                  testId="toggle-training"
                />
                <section className="training-slot" data-slot="training" hidden={training.folded}>
                  {trainingPanel}
                </section>
              </FoldingPanel>
            </>
          )}
        </Group>
      </Panel>
      <Separator className="pane-separator pane-separator--vertical" data-testid="separator-inspector" />
      <FoldingPanel
        pane={PANES.inspector}
        foldable={inspector}
        className={`pane pane--inspector${inspector.folded ? ' pane--folded' : ''}`}
        keepPixels
      >
        <PaneHeader
          name={t('pane.inspector')}
          folded={inspector.folded}
          onToggle={inspector.toggle}
          testId="toggle-inspector"
        />
        {!inspector.folded && <Inspector />}
      </FoldingPanel>
    </Group>
  );
}
