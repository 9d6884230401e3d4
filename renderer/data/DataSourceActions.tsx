import { type DragEvent, memo, useState } from 'react';
import type { GraphNode } from '../../engine/document/schema';
import type { MessageKey } from '../i18n/i18n';
import { useT } from '../i18n/useT';
import { useApp, useAppStoreApi } from '../store/context';
import { missingPaths, type SourceTarget } from './opened';

/** True when a drag carries files or folders from the system (not a palette node). */
export const carriesFiles = (event: DragEvent): boolean => event.dataTransfer.types.includes('Files');

const PART_KEYS: Record<Exclude<SourceTarget, 'source'>, MessageKey> = {
  train: 'param.train',
  test: 'param.test',
  dev: 'param.dev',
};

/** Open folder / Open files for one target, and a drop zone for folders and files. */
function OpenRow({ nodeId, target }: { nodeId: string; target: SourceTarget }) {
  const t = useT();
  const store = useAppStoreApi();
  const [over, setOver] = useState(false);
  const testId = `data-${target}`;
  return (
    <section
      className={`data-actions__row${over ? ' data-actions__row--over' : ''}`}
      aria-label={target === 'source' ? t('param.source') : t('data.part', { part: t(PART_KEYS[target]) })}
      data-testid={testId}
      onDragOver={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        e.stopPropagation();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        void store.getState().dropData(nodeId, e.dataTransfer, target);
      }}
    >
      {target !== 'source' && (
        <span className="data-actions__part">{t('data.part', { part: t(PART_KEYS[target]) })}</span>
      )}
      <button
        type="button"
        className="button"
        title={t('data.openFolderHint')}
        data-testid={`${testId}-folder`}
        onClick={() => void store.getState().openDataFolder(nodeId, target)}
      >
        {t('data.openFolder')}
      </button>
      <button
        type="button"
        className="button"
        title={t('data.openFilesHint')}
        data-testid={`${testId}-files`}
        onClick={() => void store.getState().openDataFiles(nodeId, target)}
      >
        {t('data.openFiles')}
      </button>
      <span className="data-actions__drop">{t('data.dropHint')}</span>
    </section>
  );
}

/**
 * The Dataset inspector's data opening: a folder of images or data files (CSV, IDX) become the
 * source, or one part of a splits source. Paths the source names that were not opened in this
 * session are listed: a project reopened needs its data opened again before it trains.
 */
export const DataSourceActions = memo(function DataSourceActions({ node }: { node: GraphNode }) {
  const t = useT();
  const source = node.params.source as { kind?: string } | undefined;
  const missing = useApp((s) => missingPaths(s.dataFiles, node.params.source).join(', '));
  const targets: SourceTarget[] = source?.kind === 'splits' ? ['train', 'test', 'dev'] : ['source'];
  return (
    <div className="data-actions" data-testid="data-actions">
      {targets.map((target) => (
        <OpenRow key={target} nodeId={node.id} target={target} />
      ))}
      {missing && (
        <p className="inspector__hint" data-testid="data-not-opened">
          {t('data.notInApp', { paths: missing })}
        </p>
      )}
    </div>
  );
});
