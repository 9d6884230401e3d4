import { memo, useState } from 'react';
import type { MistakesReport, ShownWrongExample } from '../../engine/inspect/mistakes';
import { useT } from '../i18n/useT';
import type { RunRecord } from '../training/runRecord';
import { ConfusionTable } from './ConfusionTable';
import { ImageCanvas } from './ImageCanvas';
import './inspect.css';

type SplitName = 'dev' | 'test';
const FEATURES_SHOWN = 6;

const short = (v: number) => Number(v.toPrecision(3)).toString();

/** A wrong example's inputs: its image, or its first features as a row of name = value. */
function ExampleInputs({ example, report }: { example: ShownWrongExample; report: MistakesReport }) {
  if (report.imageShape) {
    return <ImageCanvas values={example.x} shape={report.imageShape} size={56} testId="wrong-image" />;
  }
  const features = [...example.x.slice(0, FEATURES_SHOWN)].map(
    (v, i) => `${report.featureNames?.[i] ?? `x${i + 1}`} = ${short(v)}`,
  );
  if (example.x.length > FEATURES_SHOWN) features.push('…');
  return (
    <code className="nc-wrong__row" data-testid="wrong-row">
      {features.join(', ')}
    </code>
  );
}

/** The most confidently wrong examples of a split, most confident first. */
function WrongGallery({
  split,
  report,
  name,
}: {
  split: SplitName;
  report: MistakesReport;
  name: (c: number) => string;
}) {
  const t = useT();
  const wrong = report[split]?.wrong ?? [];
  if (!wrong.length) return <p className="nc-empty">{t('inspect.noneWrong')}</p>;
  return (
    <ol className={report.imageShape ? 'nc-wrong nc-wrong--images' : 'nc-wrong'} data-testid="wrong-examples">
      {wrong.map((w) => (
        <li
          key={w.index}
          title={t('inspect.wrongTitle', {
            index: w.index + 1,
            truth: name(w.truth),
            predicted: name(w.predicted),
            confidence: w.confidence.toFixed(3),
            truthProbability: w.truthProbability.toFixed(3),
          })}
        >
          <ExampleInputs example={w} report={report} />
          <span className="nc-wrong__caption">
            {t('inspect.wrongCaption', { truth: name(w.truth), predicted: name(w.predicted) })}{' '}
            <small>{Math.round(w.confidence * 100)}%</small>
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * Where a classifier goes wrong (dev or test): the confusion matrix with precision and recall, and
 * the examples it got wrong most confidently, as images for image data. The latest report of the
 * run: after an epoch while it trains, at the end once it is done.
 */
export const MistakesView = memo(function MistakesView({ run }: { run: RunRecord; tick: number }) {
  const t = useT();
  const [chosen, setChosen] = useState<SplitName>('dev');
  const report = run.mistakes;
  if (!report || (!report.dev && !report.test)) return null;
  const split: SplitName = report[chosen] ? chosen : chosen === 'dev' ? 'test' : 'dev';
  const mistakes = report[split];
  const name = (c: number) => report.classNames?.[c] ?? String(c);
  return (
    <section className="nc-mistakes" data-testid="mistakes" data-split={split} data-epoch={report.epoch}>
      <header>
        <h3>{t('inspect.mistakes')}</h3>
        <span className="nc-mistakes__splits">
          {(['dev', 'test'] as const).map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={s === split}
              disabled={!report[s]}
              onClick={() => setChosen(s)}
              data-testid={`mistakes-${s}`}
            >
              {t(`inspect.split.${s}`)} {report[s] ? `(m = ${report[s]?.confusion.m})` : ''}
            </button>
          ))}
        </span>
        <small>{t('inspect.after', { epoch: report.epoch })}</small>
      </header>
      {mistakes ? (
        <div className="nc-mistakes__body">
          <ConfusionTable confusion={mistakes.confusion} name={name} />
          <div>
            <h4>{t('inspect.wrong')}</h4>
            <WrongGallery split={split} report={report} name={name} />
          </div>
        </div>
      ) : (
        <p className="nc-empty">{t('inspect.emptySplit')}</p>
      )}
    </section>
  );
});
