import { memo } from 'react';
import { useT } from '../i18n/useT';
import { useApp } from '../store/context';
import { selectActiveRun } from '../training/trainingSlice';
import { ImageCanvas } from './ImageCanvas';

const SMALL = 18;

/**
 * The first convolutional layer's filters, small, on its own node card: the active run's latest
 * (they move about once a second while it trains). Nothing on other cards.
 */
export const NodeFilters = memo(function NodeFilters({ nodeId }: { nodeId: string }) {
  const t = useT();
  // Re-renders when a new set of filters arrives (a new t), not on every tick.
  const filters = useApp((s) => {
    const f = selectActiveRun(s)?.filters;
    return f?.nodeId === nodeId ? f : null;
  });
  if (!filters) return null;
  const size = filters.shape[0] * filters.shape[1] * filters.shape[2];
  return (
    <div className="nc-neurons nodrag" data-testid={`filters-${nodeId}`}>
      {Array.from({ length: filters.count }, (_, f) => (
        <ImageCanvas
          // biome-ignore lint/suspicious/noArrayIndexKey: a filter is its index
          key={f}
          values={filters.values.subarray(f * size, (f + 1) * size)}
          shape={filters.shape}
          size={SMALL}
          title={t('inspect.filter', { index: f + 1 })}
        />
      ))}
    </div>
  );
});
