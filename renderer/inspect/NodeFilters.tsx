import { memo } from 'react';
import { useApp } from '../store/context';
import { selectActiveRun } from '../training/trainingSlice';
import { FilterImages } from './FilterImages';

/**
 * The first convolutional layer's filters, small, on its own node card: the active run's latest
 * (they move about once a second while it trains). Nothing on other cards.
 */
export const NodeFilters = memo(function NodeFilters({ nodeId }: { nodeId: string }) {
  // Re-renders when a new set of filters arrives (a new object), not on every tick.
  const filters = useApp((s) => {
    const f = selectActiveRun(s)?.filters;
    return f?.nodeId === nodeId ? f : null;
  });
  if (!filters) return null;
  return (
    <div className="nc-neurons nodrag" data-testid={`filters-${nodeId}`}>
      <FilterImages filters={filters} size={18} />
    </div>
  );
});
