import { type DragEvent, memo } from 'react';
import { NODE_KINDS } from '../../engine/nodes/registry';
import type { Category } from '../../engine/nodes/types';
import { KIND_MIME, PORT_TYPES } from '../canvas/ports';
import { useCanvasCommands } from '../canvas/useCanvasCommands';
import { useLanguage, useT } from '../i18n/useT';

const CATEGORIES: readonly Category[] = ['Data', 'Layers', 'Regularization', 'Training'];

const onDragStart = (event: DragEvent, kind: string) => {
  event.dataTransfer.setData(KIND_MIME, kind);
  event.dataTransfer.setData('text/plain', kind);
  event.dataTransfer.effectAllowed = 'copy';
};

/** Every node kind, grouped by category: drag one onto the canvas, or click to add it. */
export const Palette = memo(function Palette() {
  const t = useT();
  const language = useLanguage();
  const commands = useCanvasCommands();
  return (
    <nav className="palette" aria-label={t('palette.title')} data-testid="palette">
      <h2 className="panel-title">{t('palette.title')}</h2>
      {CATEGORIES.map((category) => (
        <section key={category} className="palette__group">
          <h3 className="palette__category">
            <span className={`dot dot--${category.toLowerCase()}`} />
            {t(`category.${category}`)}
          </h3>
          {NODE_KINDS.filter((k) => k.category === category).map((kind) => (
            <button
              type="button"
              key={kind.kind}
              className={`palette__item palette__item--${category.toLowerCase()}`}
              draggable
              data-testid={`palette-${kind.kind}`}
              title={kind.hint[language]}
              onDragStart={(e) => onDragStart(e, kind.kind)}
              onClick={() => commands.addNode(kind.kind)}
            >
              <span className="palette__title">{kind.title[language]}</span>
              {language !== 'en' || kind.title.en !== kind.kind ? (
                <span className="palette__kind">{kind.kind}</span>
              ) : null}
            </button>
          ))}
        </section>
      ))}
      <p className="palette__hint">{t('palette.hint')}</p>
      <p className="palette__hint">{t('palette.searchHint')}</p>
      <section className="legend" aria-label={t('legend.title')}>
        <h3 className="palette__category">{t('legend.title')}</h3>
        {PORT_TYPES.map((type) => (
          <div key={type} className="legend__row">
            <span className={`legend__swatch legend__swatch--${type}`} />
            {t(`port.${type}`)}
          </div>
        ))}
      </section>
    </nav>
  );
});
