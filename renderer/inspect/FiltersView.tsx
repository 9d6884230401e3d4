import { memo } from 'react';
import { useT } from '../i18n/useT';
import type { RunRecord } from '../training/runRecord';
import { ImageCanvas } from './ImageCanvas';
import './inspect.css';

const FILTER_SIZE = 40;

/**
 * The first convolutional layer's filters as images (grey for one input channel, colour for three),
 * each stretched over its own weights' range: what each filter looks for in the input.
 */
export const FiltersView = memo(function FiltersView({ run }: { run: RunRecord; tick: number }) {
  const t = useT();
  const filters = run.filters;
  if (!filters) return null;
  const [kh, kw, c] = filters.shape;
  const size = kh * kw * c;
  return (
    <section className="nc-filters" data-testid="filters" data-node={filters.nodeId} data-t={filters.t}>
      <h3>
        {t('inspect.filters', { node: filters.nodeId, count: filters.count, shape: `${kh}×${kw}×${c}` })}
      </h3>
      <div className="nc-filters__grid">
        {Array.from({ length: filters.count }, (_, f) => (
          <ImageCanvas
            // biome-ignore lint/suspicious/noArrayIndexKey: a filter is its index
            key={f}
            values={filters.values.subarray(f * size, (f + 1) * size)}
            shape={filters.shape}
            size={FILTER_SIZE}
            testId="filter"
            title={t('inspect.filter', { index: f + 1 })}
          />
        ))}
      </div>
    </section>
  );
});
