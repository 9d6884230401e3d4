import { basename, dirname, join } from 'node:path';
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { ZodType } from 'zod';
import { z } from 'zod';
import type {
  ExportedModel,
  OpenedDataFile,
  OpenedDataFolder,
  OpenedProject,
  RecentFile,
  SavedProject,
} from '../shared/api.js';
import { IpcChannel } from '../shared/channels.js';
import {
  BuiltinDataFileSchema,
  ExportModelRequestSchema,
  PathSchema,
  ProjectTextSchema,
  SaveProjectRequestSchema,
  TitleSchema,
} from '../shared/validation.js';
import type { AppStateStore } from './app-state.js';
import { readBuiltinDataFile, readDataFiles, readDataFolder } from './data-files.js';
import {
  clearAutosave,
  FileError,
  isProjectFileName,
  normalizeAbsolutePath,
  readAutosave,
  readProjectFile,
  withProjectExtension,
  writeAutosave,
  writeExportFiles,
  writeProjectFile,
} from './files.js';
import type { FileGrants } from './grants.js';
import { addRecentFile, isRecentFile, removeRecentFile } from './recent-files.js';

/** What IPC needs of a window: its id and the two things the page may change about it. */
export interface AppWindow {
  readonly id: number;
  setTitle(title: string): void;
  setDocumentEdited(edited: boolean): void;
}

/** The native dialogs, each for one window; null when the user cancels. */
export interface Dialogs<W extends AppWindow> {
  openProject(win: W): Promise<string | null>;
  saveProject(win: W, defaultPath: string): Promise<string | null>;
  exportFolder(win: W, defaultPath: string): Promise<string | null>;
  openDataFolder(win: W): Promise<string | null>;
  openDataFiles(win: W): Promise<string[] | null>;
}

export interface IpcDeps<W extends AppWindow> {
  ipcMain: Pick<IpcMain, 'handle' | 'on'>;
  /** The app's own window that sent this, or null for any other sender (refused). */
  windowOf(event: IpcMainInvokeEvent | IpcMainEvent): W | null;
  dialogs: Dialogs<W>;
  state: AppStateStore;
  grants: FileGrants;
  userData: string;
  /** Where built-in data sets are installed: Debian's /usr/share/datasets. */
  datasetsFolder: string;
  /** The recent list changed: rebuild the menu, tell the OS. */
  recentChanged(recent: readonly RecentFile[], added: string | null): void;
  readyForFiles(win: W): void;
  closeAnswer(win: W, id: number, mayClose: boolean): void;
  warn(message: string): void;
}

/** The first problem zod found, as one line. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'invalid payload';
}

/** Turns file-system errors into messages a user can act on; FileErrors pass through. */
function userError(err: unknown, action: string): Error {
  if (err instanceof FileError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EROFS'
          ? 'the disk is read-only'
          : code === 'ENOENT'
            ? 'the folder does not exist'
            : (err as Error).message;
  return new FileError(`Could not ${action}: ${why}.`);
}

/**
 * Registers every IPC handler. Each one first checks that the sender is the app's own window
 * (others are ignored) and validates its payload with zod, then checks paths against what the user
 * chose, and only then touches the disk.
 */
export function registerIpc<W extends AppWindow>(deps: IpcDeps<W>): void {
  const { ipcMain, state, grants } = deps;

  const handle = <T>(
    channel: IpcChannel,
    schema: ZodType<T>,
    run: (win: W, payload: T) => Promise<unknown>,
  ) => {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      const win = deps.windowOf(event);
      if (!win) {
        deps.warn(`Ignored ${channel} from a sender that is not the app's window.`);
        return null;
      }
      const parsed = schema.safeParse(payload);
      if (!parsed.success) throw new Error(`Refused ${channel}: ${describeIssue(parsed.error)}`);
      return run(win, parsed.data);
    });
  };
  const listen = <T>(channel: IpcChannel, schema: ZodType<T>, run: (win: W, payload: T) => void) => {
    ipcMain.on(channel, (event, payload: unknown) => {
      const win = deps.windowOf(event);
      const parsed = schema.safeParse(payload);
      if (win && parsed.success) run(win, parsed.data);
      else deps.warn(`Ignored ${channel}: ${win ? describeIssue(parsed.error!) : 'not the app window'}.`);
    });
  };

  const remember = async (path: string) => {
    const recent = addRecentFile(state.recent, path);
    await state.setRecent(recent);
    deps.recentChanged(recent, path);
  };
  /** Reads a file the user chose for this window, grants it for later saves, lists it as recent. */
  const openChosen = async (win: W, path: string): Promise<OpenedProject> => {
    let text: string;
    try {
      text = await readProjectFile(path);
    } catch (err) {
      throw userError(err, `open ${basename(path)}`);
    }
    grants.grant(win.id, path);
    await remember(path);
    return { path, name: basename(path), text };
  };

  const none = z.undefined();

  handle(IpcChannel.OpenProject, none, async (win) => {
    const path = await deps.dialogs.openProject(win);
    return path ? openChosen(win, normalizeAbsolutePath(path)) : null;
  });

  handle(IpcChannel.OpenRecent, PathSchema, async (win, raw) => {
    const path = normalizeAbsolutePath(raw);
    if (!isRecentFile(state.recent, path)) throw new FileError('That file is not in the recent files list.');
    try {
      return await openChosen(win, path);
    } catch (err) {
      const recent = removeRecentFile(state.recent, path);
      await state.setRecent(recent);
      deps.recentChanged(recent, null);
      throw err;
    }
  });

  handle(IpcChannel.OpenDropped, PathSchema, async (win, raw) => {
    const path = normalizeAbsolutePath(raw);
    if (!isProjectFileName(path)) throw new FileError(`${basename(path)} is not a project file (*.json).`);
    return openChosen(win, path);
  });

  handle(
    IpcChannel.SaveProject,
    SaveProjectRequestSchema,
    async (win, request): Promise<SavedProject | null> => {
      let path: string;
      if (request.path && !request.saveAs) {
        path = normalizeAbsolutePath(request.path);
        if (!grants.isGranted(win.id, path)) {
          throw new FileError(
            `Refused to write ${basename(path)}: it was not opened or saved in this window.`,
          );
        }
      } else {
        const suggestion = request.path
          ? join(dirname(request.path), request.suggestedName)
          : request.suggestedName;
        const chosen = await deps.dialogs.saveProject(win, suggestion);
        if (!chosen) return null;
        path = withProjectExtension(normalizeAbsolutePath(chosen));
      }
      try {
        await writeProjectFile(path, request.text);
      } catch (err) {
        throw userError(err, `save ${basename(path)}`);
      }
      grants.grant(win.id, path);
      await remember(path);
      return { path, name: basename(path) };
    },
  );

  handle(IpcChannel.ListRecent, none, async () => state.recent.map((f) => ({ ...f })));
  handle(IpcChannel.ClearRecent, none, async () => {
    await state.setRecent([]);
    deps.recentChanged([], null);
  });

  handle(IpcChannel.ReadAutosave, none, async () => readAutosave(deps.userData));
  handle(IpcChannel.WriteAutosave, ProjectTextSchema, async (_win, text) => {
    try {
      await writeAutosave(deps.userData, text);
    } catch (err) {
      throw userError(err, 'autosave');
    }
  });
  handle(IpcChannel.ClearAutosave, none, async () => clearAutosave(deps.userData));

  handle(
    IpcChannel.ExportModel,
    ExportModelRequestSchema,
    async (win, request): Promise<ExportedModel | null> => {
      const chosen = await deps.dialogs.exportFolder(win, request.suggestedName);
      if (!chosen) return null;
      const folder = normalizeAbsolutePath(chosen);
      try {
        return { folder, files: await writeExportFiles(folder, request.files) };
      } catch (err) {
        throw userError(err, `export to ${basename(folder)}`);
      }
    },
  );

  handle(IpcChannel.ReadBuiltinData, BuiltinDataFileSchema, async (_win, file) => {
    try {
      return await readBuiltinDataFile(deps.datasetsFolder, file);
    } catch (err) {
      throw userError(err, `read ${file}`);
    }
  });
  handle(IpcChannel.OpenDataFolder, none, async (win): Promise<OpenedDataFolder | null> => {
    const chosen = await deps.dialogs.openDataFolder(win);
    if (!chosen) return null;
    const folder = normalizeAbsolutePath(chosen);
    try {
      return await readDataFolder(folder);
    } catch (err) {
      throw userError(err, `read the images of ${basename(folder)}`);
    }
  });
  handle(IpcChannel.OpenDataFiles, none, async (win): Promise<OpenedDataFile[] | null> => {
    const chosen = await deps.dialogs.openDataFiles(win);
    if (!chosen) return null;
    try {
      return await readDataFiles(chosen.map(normalizeAbsolutePath));
    } catch (err) {
      throw userError(err, 'open the data files');
    }
  });

  listen(IpcChannel.SetTitle, TitleSchema, (win, title) => win.setTitle(title));
  listen(IpcChannel.SetEdited, z.boolean(), (win, edited) => win.setDocumentEdited(edited));
  listen(IpcChannel.ReadyForFiles, none, (win) => deps.readyForFiles(win));
  listen(
    IpcChannel.CloseAnswer,
    z.object({ id: z.number().int(), mayClose: z.boolean() }).strict(),
    (win, answer) => deps.closeAnswer(win, answer.id, answer.mayClose),
  );
}
