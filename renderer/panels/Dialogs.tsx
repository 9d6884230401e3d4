import { type ReactNode, useEffect, useRef } from 'react';
import { parseDocument } from '../../engine/document/parse';
import { useProjectCommands } from '../app/CommandsContext';
import { type MessageKey, translator } from '../i18n/i18n';
import { useLanguage, useT } from '../i18n/useT';
import { useApp, useAppStoreApi } from '../store/context';
import { ProblemRow } from './ProblemsPanel';
import { SHORTCUTS } from './shortcuts';

function Modal({
  title,
  children,
  testId,
  onClose,
}: {
  title: string;
  children: ReactNode;
  testId: string;
  onClose?: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLButtonElement>('button[data-autofocus]')?.focus();
    if (!onClose) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-layer">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        ref={box}
      >
        <h2 className="modal__title">{title}</h2>
        {children}
      </div>
    </div>
  );
}

const SHORTCUT_ROWS: [MessageKey, keyof typeof SHORTCUTS][] = [
  ['cmd.new', 'new'],
  ['cmd.open', 'open'],
  ['cmd.save', 'save'],
  ['cmd.saveAs', 'saveAs'],
  ['cmd.undo', 'undo'],
  ['cmd.redo', 'redo'],
  ['cmd.copy', 'copy'],
  ['cmd.paste', 'paste'],
  ['cmd.duplicate', 'duplicate'],
  ['cmd.delete', 'delete'],
  ['cmd.selectAll', 'selectAll'],
  ['shortcuts.search', 'search'],
  ['cmd.layout', 'layout'],
  ['cmd.fitView', 'fitView'],
  ['shortcuts.boxSelect', 'boxSelect'],
  ['shortcuts.addToSelection', 'addToSelection'],
];

/** The one dialog the store asks for: discard changes?, a file that failed to open, shortcuts. */
export function Dialogs() {
  const t = useT();
  const store = useAppStoreApi();
  const dialog = useApp((s) => s.dialog);
  const close = () => store.getState().closeDialog();
  if (!dialog) return null;
  switch (dialog.type) {
    case 'confirmDiscard':
      return (
        <Modal
          title={t('confirm.discardTitle')}
          testId="dialog-discard"
          onClose={() => dialog.resolve(false)}
        >
          <p>{t('confirm.discardBody', { name: dialog.name })}</p>
          <div className="modal__actions">
            <button type="button" className="button" onClick={() => dialog.resolve(false)} data-autofocus>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button--danger"
              data-testid="confirm-discard"
              onClick={() => dialog.resolve(true)}
            >
              {t('confirm.discard')}
            </button>
          </div>
        </Modal>
      );
    case 'openFailed':
      return (
        <Modal
          title={t('open.failedTitle', { file: dialog.file })}
          testId="dialog-open-failed"
          onClose={close}
        >
          <p>{t('open.failedBody')}</p>
          <div className="modal__problems" data-testid="open-problems">
            {dialog.problems.map((p) => (
              <div key={`${p.code}|${p.path ?? ''}|${p.message}`}>
                <ProblemRow problem={p} />
                {p.path && <div className="modal__path">{t('open.at', { path: p.path })}</div>}
              </div>
            ))}
          </div>
          <div className="modal__actions">
            <button
              type="button"
              className="button"
              onClick={close}
              data-autofocus
              data-testid="dialog-close"
            >
              {t('common.close')}
            </button>
          </div>
        </Modal>
      );
    case 'shortcuts':
      return (
        <Modal title={t('cmd.shortcuts')} testId="dialog-shortcuts" onClose={close}>
          <table className="shortcuts">
            <tbody>
              {SHORTCUT_ROWS.map(([key, id]) => (
                <tr key={id}>
                  <td>{t(key)}</td>
                  <td>
                    <kbd>{SHORTCUTS[id]}</kbd>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="modal__actions">
            <button type="button" className="button" onClick={close} data-autofocus>
              {t('common.close')}
            </button>
          </div>
        </Modal>
      );
  }
}

/** Offers back the autosave an earlier session left (after a crash or a reload). */
export function RecoveryDialog() {
  const record = useApp((s) => s.recovery);
  const language = useLanguage();
  const commands = useProjectCommands();
  if (!record) return null;
  const t = translator(language);
  const parsed = parseDocument(record.document);
  const name = record.fileName ?? (parsed.ok ? parsed.value.name : '');
  const time = new Date(record.savedAt).toLocaleString(language === 'zh' ? 'zh-CN' : 'en');
  return (
    <Modal title={t('recover.title')} testId="dialog-recover">
      <p>{t('recover.body', { name, time })}</p>
      <div className="modal__actions">
        <button
          type="button"
          className="button"
          data-testid="recover-discard"
          onClick={() => void commands.discardRecovery()}
        >
          {t('recover.discard')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="recover-ok"
          onClick={commands.recover}
          data-autofocus
        >
          {t('recover.ok')}
        </button>
      </div>
    </Modal>
  );
}
