import type { FirstLayerFilters } from '../../engine/inspect/filters';
import { useT } from '../i18n/useT';
import { ImageCanvas } from './ImageCanvas';

/** Each filter of `filters` as an image `size` CSS pixels square, in order. */
export function FilterImages({
  filters,
  size,
  testId,
}: {
  filters: FirstLayerFilters;
  size: number;
  testId?: string;
}) {
  const t = useT();
  const [kh, kw, c] = filters.shape;
  const length = kh * kw * c;
  return Array.from({ length: filters.count }, (_, f) => (
    <ImageCanvas
      // biome-ignore lint/suspicious/noArrayIndexKey: a filter is its index
      key={f}
      values={filters.values.subarray(f * length, (f + 1) * length)}
      shape={filters.shape}
      size={size}
      {...(testId ? { testId } : {})}
      title={t('inspect.filter', { index: f + 1 })}
    />
  ));
}
