import { memo, useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../engine/export/files';
import { useProjectCommands } from '../app/CommandsContext';
import { useTrainingT } from './hooks';

/** Export the trained network of the run shown: tf.js layers, ONNX or PyTorch. */
export const ExportControls = memo(function ExportControls() {
  const t = useTrainingT();
  const { exportRun } = useProjectCommands();
  const [format, setFormat] = useState<ExportFormat>('tfjs');
  const [busy, setBusy] = useState(false);
  return (
    <span className="nc-export">
      <select
        value={format}
        onChange={(e) => setFormat(e.target.value as ExportFormat)}
        aria-label={t('export.format')}
        data-testid="export-format"
      >
        {EXPORT_FORMATS.map((f) => (
          <option key={f.format} value={f.format}>
            {t(`export.${f.format}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={busy}
        data-testid="export"
        onClick={async () => {
          setBusy(true);
          await exportRun(format);
          setBusy(false);
        }}
      >
        {t('export.button')}
      </button>
    </span>
  );
});
