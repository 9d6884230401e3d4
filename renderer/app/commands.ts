import { parseDocument, serializeDocument } from '../../engine/document/parse';
import { type ExportFormat, exportBlocker } from '../../engine/export/files';
import type { Platform } from '../platform/types';
import { decodeAutosave } from '../store/autosave';
import type { AppStore } from '../store/createAppStore';
import { emptyDocument, suggestFileName } from '../store/documents';
import { selectDisplayName, selectIsDirty } from '../store/selectors';
import { documentToSave } from '../training/savedRuns';

export interface ProjectCommands {
  newProject(): Promise<void>;
  openProject(): Promise<void>;
  /** Loads file text as Open does: on any problem the current work stays and the problems show. */
  openText(name: string, text: string, handle: unknown): boolean;
  /** A file that arrived from outside (Electron: file manager, recent files): asks first, then opens. */
  openExternal(file: { name: string; text: string; handle: unknown }): Promise<void>;
  save(): Promise<void>;
  saveAs(): Promise<void>;
  /** Looks for an autosave left by an earlier session and offers it back. */
  checkForRecovery(): Promise<void>;
  recover(): void;
  discardRecovery(): Promise<void>;
  /** Exports the trained network of the run shown, in one format, through the platform. */
  exportRun(format: ExportFormat): Promise<void>;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** New, Open, Save, Save As and recovery: the store's document meets the platform's files here. */
export function createProjectCommands(store: AppStore, platform: Platform): ProjectCommands {
  const state = () => store.getState();
  /** True when there is nothing unsaved, or the user agreed to lose it. */
  const mayDiscard = async () => !selectIsDirty(state()) || state().confirmDiscard();

  const openText: ProjectCommands['openText'] = (name, text, handle) => {
    const result = parseDocument(text);
    if (!result.ok) {
      state().showDialog({ type: 'openFailed', file: name, problems: result.problems });
      return false;
    }
    state().replaceDocument(result.value, { fileName: name, fileHandle: handle });
    return true;
  };

  const write = async (saveAs: boolean) => {
    const s = state();
    // The project keeps the run list's finished runs (summaries and curves) with the graph.
    const text = serializeDocument(documentToSave(s));
    try {
      const saved = await platform.saveProject({
        suggestedName: s.fileName ?? suggestFileName(selectDisplayName(s)),
        text,
        handle: s.fileHandle,
        saveAs,
      });
      if (!saved) return;
      state().markSaved({ fileName: saved.name, fileHandle: saved.handle });
      await platform.autosave.clear();
      state().showToast('info', { key: 'save.done', vars: { file: saved.name } });
    } catch (err) {
      state().showToast('error', { key: 'save.failed', vars: { message: errorText(err) } });
    }
  };

  const exportRun: ProjectCommands['exportRun'] = async (format) => {
    const s = state();
    const run = s.runs.find((r) => r.id === s.activeRunId);
    const blocker = exportBlocker({
      problems: s.analysis.problems,
      trainedEpochs: run?.status === 'done' ? (run.done?.epochs ?? 0) : 0,
    });
    if (blocker) {
      s.showToast('error', { key: 'export.failed', vars: { message: blocker } });
      return;
    }
    try {
      const files = await s.exportActiveRun(format);
      const slug =
        s.doc.name
          .replace(/[^\w-]+/g, '-')
          .replace(/^-+|-+$/g, '')
          .toLowerCase() || 'model';
      const where = await platform.exportModel({ format, suggestedName: `${slug}-${format}`, files });
      if (where)
        s.showToast('info', {
          key: 'export.done',
          vars: { count: String(files.length), format, where, files: files.map((f) => f.name).join(', ') },
        });
    } catch (err) {
      s.showToast('error', { key: 'export.failed', vars: { message: errorText(err) } });
    }
  };

  return {
    exportRun,
    async newProject() {
      if (!(await mayDiscard())) return;
      state().replaceDocument(emptyDocument(), { fileName: null, fileHandle: null });
    },
    async openProject() {
      if (!(await mayDiscard())) return;
      try {
        const file = await platform.openProject();
        if (file) openText(file.name, file.text, file.handle);
      } catch (err) {
        state().showDialog({
          type: 'openFailed',
          file: '',
          problems: [{ code: 'PARSE_ERROR', severity: 'error', nodeId: null, message: errorText(err) }],
        });
      }
    },
    openText,
    async openExternal(file) {
      if (await mayDiscard()) openText(file.name, file.text, file.handle);
    },
    save: () => write(false),
    saveAs: () => write(true),
    async checkForRecovery() {
      // Never throws: a slot that cannot be read or holds a damaged record is reported, and the app
      // (and autosave, which starts after this) goes on as usual.
      let text: string | null;
      try {
        text = await platform.autosave.read();
      } catch (err) {
        state().showToast('error', { key: 'recover.unreadable', vars: { reason: errorText(err) } });
        return;
      }
      if (!text) return;
      const record = decodeAutosave(text);
      const parsed = record ? parseDocument(record.document) : null;
      if (record && parsed?.ok) {
        state().setRecovery(record);
        return;
      }
      const problem = parsed?.problems[0];
      const reason = problem?.message ?? 'it is not a complete autosave record';
      state().showToast('error', { key: 'recover.unreadable', vars: { reason } });
      // A newer NetCanvas's autosave stays for that version; anything else damaged is dropped.
      if (problem?.code !== 'VERSION_TOO_NEW') await platform.autosave.clear().catch(() => {});
    },
    recover() {
      const record = state().recovery;
      if (!record) return;
      const result = parseDocument(record.document);
      if (!result.ok) return;
      // Recovered work is unsaved work: the title marks it and autosave keeps it until it is saved.
      state().replaceDocument(result.value, { fileName: record.fileName, fileHandle: null, unsaved: true });
      state().setRecovery(null);
    },
    async discardRecovery() {
      state().setRecovery(null);
      await platform.autosave.clear();
    },
  };
}
