import { memo } from 'react';
import { useT } from '../i18n/useT';
import type { RunRecord } from '../training/runRecord';
import { FilterImages } from './FilterImages';
import './inspect.css';

/**
 * The first convolutional layer's filters as images (grey for one input channel, colour for three),
 * each stretched over its own weights' range: what each filter looks for in the input.
 */
export const FiltersView = memo(function FiltersView({ run }: { run: RunRecord; tick: number }) {
  const t = useT();
  const filters = run.filters;
  if (!filters) return null;
  const [kh, kw, c] = filters.shape;
  return (
    <section className="nc-filters" data-testid="filters" data-node={filters.nodeId} data-t={filters.t}>
      <h3>
        {t('inspect.filters', { node: filters.nodeId, count: filters.count, shape: `${kh}×${kw}×${c}` })}
      </h3>
      <div className="nc-filters__grid">
        <FilterImages filters={filters} size={40} testId="filter" />
      </div>
    </section>
  );
});
