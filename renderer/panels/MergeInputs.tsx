import { memo, useMemo } from 'react';
import { incomingEdges, moveInputChanges } from '../graph/merge';
import { useT } from '../i18n/useT';
import { useApp, useAppStoreApi } from '../store/context';

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
/** x₁, x₂, … x₁₂: the names the merge formulas give the inputs. */
export const inputName = (i: number): string =>
  `x${String(i + 1)
    .split('')
    .map((d) => SUBSCRIPTS[Number(d)])
    .join('')}`;

/**
 * The inputs of a merge node (its port that takes several edges), in the order it takes them, each
 * with its source and the shape it carries; ↑ and ↓ move one a place (one undo step each).
 */
export const MergeInputs = memo(function MergeInputs({ nodeId, port }: { nodeId: string; port: string }) {
  const t = useT();
  const store = useAppStoreApi();
  const allEdges = useApp((s) => s.doc.edges);
  const shapes = useApp((s) => s.analysis.edgeShapes);
  const edges = useMemo(() => incomingEdges(allEdges, nodeId, port), [allEdges, nodeId, port]);
  // A string, so dragging cards (new node objects) does not re-render the list.
  const labels = useApp((s) =>
    edges.map((e) => s.doc.nodes.find((n) => n.id === e.source)?.label ?? e.source).join('\u0000'),
  ).split('\u0000');
  const move = (edgeId: string, by: -1 | 1) => {
    const state = store.getState();
    const changes = moveInputChanges(state.doc, edgeId, by);
    if (changes.length) state.applyChanges(changes);
  };
  return (
    <>
      <h3 className="inspector__section">{t('inspector.inputs')}</h3>
      {edges.length === 0 ? (
        <p className="inspector__note">{t('inspector.noInputs')}</p>
      ) : (
        <>
          <p className="inspector__note">{t('inspector.inputsOrder')}</p>
          <ol className="merge-inputs" data-testid="merge-inputs">
            {edges.map((edge, i) => (
              <li
                key={edge.id}
                className="merge-inputs__row"
                data-testid={`merge-input-${i}`}
                data-edge={edge.id}
              >
                <span className="merge-inputs__name">{inputName(i)}</span>
                <span className="merge-inputs__source" title={edge.id}>
                  {labels[i]}
                </span>
                <code className="merge-inputs__shape">{shapes[edge.id] ?? '[m, ?]'}</code>
                <button
                  type="button"
                  className="icon-button"
                  disabled={i === 0}
                  onClick={() => move(edge.id, -1)}
                  aria-label={t('inspector.moveUp', { input: labels[i] ?? edge.source })}
                  title={t('inspector.moveUp', { input: labels[i] ?? edge.source })}
                  data-testid={`merge-input-up-${i}`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  disabled={i === edges.length - 1}
                  onClick={() => move(edge.id, 1)}
                  aria-label={t('inspector.moveDown', { input: labels[i] ?? edge.source })}
                  title={t('inspector.moveDown', { input: labels[i] ?? edge.source })}
                  data-testid={`merge-input-down-${i}`}
                >
                  ↓
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
});
