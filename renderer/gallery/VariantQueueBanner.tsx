import { memo } from 'react';
import { useLanguage, useT } from '../i18n/useT';
import { useApp } from '../store/context';
import { variantName } from './variantNames';

/** Shown in the training panel while a lesson's variants train one after another. */
export const VariantQueueBanner = memo(function VariantQueueBanner() {
  const t = useT();
  const language = useLanguage();
  const queue = useApp((s) => s.variantQueue);
  const cancel = useApp((s) => s.cancelVariantQueue);
  if (!queue) return null;
  return (
    <div className="nc-banner variant-queue" role="status" data-testid="variant-queue">
      <span>
        {t('gallery.queue', {
          title: queue.title,
          label: variantName(queue.labels[queue.index] ?? '', language),
          index: queue.index + 1,
          count: queue.labels.length,
        })}
      </span>
      <span className="variant-queue__steps" aria-hidden="true">
        {queue.labels.map((label, i) => (
          <span
            key={label}
            className={`variant-queue__step${i < queue.index ? ' variant-queue__step--done' : ''}${i === queue.index ? ' variant-queue__step--now' : ''}`}
          >
            {variantName(label, language)}
          </span>
        ))}
      </span>
      <button type="button" onClick={cancel} data-testid="variant-queue-stop">
        {t('gallery.queueStop')}
      </button>
    </div>
  );
});
