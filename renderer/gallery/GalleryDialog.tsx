import { memo, useEffect, useState } from 'react';
import type { Problem } from '../../engine/problems';
import { problemText } from '../i18n/problemText';
import { useLanguage, useT } from '../i18n/useT';
import { useApp, useAppStoreApi } from '../store/context';
import { inLanguage, type LoadedLesson, loadGallery } from './catalog';
import { Thumbnail } from './Thumbnail';
import { variantName } from './variantNames';
import './gallery.css';

const stem = (file: string) => file.replace(/\.netcanvas\.json$/, '');

/** One lesson: a thumbnail of the variant under the pointer, the lesson's text, its variants. */
const LessonCard = memo(function LessonCard({ lesson }: { lesson: LoadedLesson }) {
  const t = useT();
  const language = useLanguage();
  const store = useAppStoreApi();
  const [shown, setShown] = useState(0);
  const variants = lesson.variants.filter((v) => v.doc);
  const picture = variants[shown] ?? variants[0];
  const title = inLanguage(lesson.title, language);
  const open = (index: number) => {
    const doc = variants[index]?.doc;
    if (!doc) return;
    store.getState().closeGallery();
    void store.getState().openPreset(doc);
  };
  const compare = () => {
    store.getState().closeGallery();
    store.getState().compareVariants(
      title,
      variants.flatMap((v) => (v.doc ? [{ label: v.label, doc: v.doc }] : [])),
    );
  };
  return (
    <article className="lesson" data-testid={`lesson-${lesson.id}`}>
      <button
        type="button"
        className="lesson__thumb"
        onClick={() => open(shown)}
        title={t('gallery.openVariant', { label: variantName(picture?.label ?? '', language) })}
        data-testid={`lesson-thumb-${lesson.id}`}
      >
        {picture?.doc && <Thumbnail doc={picture.doc} />}
      </button>
      <div className="lesson__body">
        <div className="lesson__meta">
          {lesson.notes ? t('gallery.notes', { notes: lesson.notes }) : t('gallery.beyondNotes')}
          {variants.length > 1 && ` · ${t('gallery.variants', { count: variants.length })}`}
        </div>
        <h3 className="lesson__title">{title}</h3>
        <p className="lesson__shows" title={inLanguage(lesson.shows, language)}>
          {inLanguage(lesson.shows, language)}
        </p>
        <p className="lesson__look" title={inLanguage(lesson.tryNext, language)}>
          <strong>{t('gallery.lookAt')}</strong> {inLanguage(lesson.lookAt, language)}
        </p>
        <div className="lesson__variants">
          {variants.map((v, i) => (
            <button
              key={v.file}
              type="button"
              className={`lesson__variant${i === shown ? ' lesson__variant--shown' : ''}`}
              onMouseEnter={() => setShown(i)}
              onFocus={() => setShown(i)}
              onClick={() => open(i)}
              title={t('gallery.openVariant', { label: variantName(v.label, language) })}
              data-testid={`preset-${stem(v.file)}`}
            >
              {variantName(v.label, language)}
            </button>
          ))}
        </div>
        {variants.length > 1 && (
          <button
            type="button"
            className="lesson__compare"
            onClick={compare}
            data-testid={`compare-variants-${lesson.id}`}
          >
            ▶ {t('gallery.compare', { count: variants.length })}
          </button>
        )}
      </div>
    </article>
  );
});

type Loaded = { lessons: LoadedLesson[] } | { problems: Problem[] } | null;

/** The lessons of the notes as cards; a click opens a variant, or trains them all to compare. */
export function GalleryDialog() {
  const open = useApp((s) => s.galleryOpen);
  const close = useApp((s) => s.closeGallery);
  const t = useT();
  const language = useLanguage();
  const [loaded, setLoaded] = useState<Loaded>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void loadGallery().then((r) => {
      if (live) setLoaded(r.ok ? { lessons: r.value } : { problems: r.problems });
    });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      live = false;
      window.removeEventListener('keydown', onKey);
    };
  }, [open, close]);

  if (!open) return null;
  return (
    <div className="modal-layer">
      <button type="button" className="gallery__backdrop" aria-label={t('common.close')} onClick={close} />
      <div
        className="modal gallery"
        role="dialog"
        aria-modal="true"
        aria-label={t('gallery.title')}
        data-testid="gallery"
      >
        <header className="gallery__header">
          <div>
            <h2 className="modal__title">{t('gallery.title')}</h2>
            <p className="gallery__subtitle">{t('gallery.subtitle')}</p>
          </div>
          <button type="button" className="tool" onClick={close} data-testid="gallery-close">
            ✕
          </button>
        </header>
        {loaded === null && <p className="gallery__status">{t('gallery.loading')}</p>}
        {loaded && 'problems' in loaded && (
          <p className="gallery__status gallery__status--error">
            {t('gallery.failed')} {loaded.problems.map((p) => problemText(p, language)).join(' ')}
          </p>
        )}
        {loaded && 'lessons' in loaded && (
          <div className="gallery__grid">
            {loaded.lessons.map((lesson) => (
              <LessonCard key={lesson.id} lesson={lesson} />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
