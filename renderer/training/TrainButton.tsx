import { memo } from 'react';
import { useApp } from '../store/context';
import { useTrainingT } from './hooks';
import { isTraining, selectActiveRun } from './trainingSlice';

/** The toolbar's Train / Stop button (Ctrl/⌘+Enter trains). */
export const TrainButton = memo(function TrainButton() {
  const t = useTrainingT();
  useApp((s) => s.trainingTick);
  const run = useApp(selectActiveRun);
  const train = useApp((s) => s.train);
  const stop = useApp((s) => s.stopTraining);
  const errors = useApp((s) => s.analysis.errorCount);
  if (isTraining(run)) {
    return (
      <button type="button" className="nc-train-button nc-stop" onClick={stop} data-testid="toolbar-stop">
        ■ {t('train.stop')}
      </button>
    );
  }
  return (
    <button
      type="button"
      className="nc-train-button"
      onClick={() => train()}
      disabled={errors > 0}
      title="Ctrl/⌘+Enter"
      data-testid="toolbar-train"
    >
      ▶ {t('train.train')}
    </button>
  );
});
