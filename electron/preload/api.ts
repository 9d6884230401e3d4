import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { DesktopPlatform, MenuCommand, NetCanvasApi, OpenedProject } from '../shared/api.js';
import { IpcChannel } from '../shared/channels.js';

/** What the preload needs from Electron, passed in so the API can be tested without it. */
export interface PreloadDeps {
  ipc: Pick<IpcRenderer, 'invoke' | 'send' | 'on' | 'removeListener'>;
  /** webUtils.getPathForFile: the path of a File the user dropped (File.path is gone since Electron 32). */
  pathForFile(file: File): string;
  platform: DesktopPlatform;
}

/**
 * Builds `window.netcanvas`: one function per operation, each bound to its own channel. Nothing
 * generic (no `send(channel, …)`) reaches the page, and listeners never see the IPC event object.
 */
export function createNetCanvasApi({ ipc, pathForFile, platform }: PreloadDeps): NetCanvasApi {
  const listen = <T>(channel: IpcChannel, listener: (value: T) => void): (() => void) => {
    const wrapped = (_event: IpcRendererEvent, value: T) => listener(value);
    ipc.on(channel, wrapped);
    return () => {
      ipc.removeListener(channel, wrapped);
    };
  };

  let mayClose: (() => boolean) | null = null;
  listen<number>(IpcChannel.CloseRequest, (id) => {
    let answer = true;
    try {
      answer = mayClose ? mayClose() : true;
    } catch {
      answer = false; // a failing check must not lose work: main asks the user instead
    }
    ipc.send(IpcChannel.CloseAnswer, { id, mayClose: answer });
  });

  return {
    platform,
    openProject: () => ipc.invoke(IpcChannel.OpenProject),
    openRecent: (path) => ipc.invoke(IpcChannel.OpenRecent, path),
    openDroppedFile: (file) => ipc.invoke(IpcChannel.OpenDropped, pathForFile(file)),
    saveProject: (request) => ipc.invoke(IpcChannel.SaveProject, request),
    listRecent: () => ipc.invoke(IpcChannel.ListRecent),
    clearRecent: () => ipc.invoke(IpcChannel.ClearRecent),
    readAutosave: () => ipc.invoke(IpcChannel.ReadAutosave),
    writeAutosave: (text) => ipc.invoke(IpcChannel.WriteAutosave, text),
    clearAutosave: () => ipc.invoke(IpcChannel.ClearAutosave),
    exportModel: (request) => ipc.invoke(IpcChannel.ExportModel, request),
    readBuiltinData: (file) => ipc.invoke(IpcChannel.ReadBuiltinData, file),
    openDataFolder: () => ipc.invoke(IpcChannel.OpenDataFolder),
    openDataFiles: () => ipc.invoke(IpcChannel.OpenDataFiles),
    setTitle: (title) => ipc.send(IpcChannel.SetTitle, title),
    setEdited: (edited) => ipc.send(IpcChannel.SetEdited, edited),
    onCloseRequest(check) {
      mayClose = check;
      return () => {
        if (mayClose === check) mayClose = null;
      };
    },
    onMenuCommand: (listener) => listen<MenuCommand>(IpcChannel.MenuCommand, listener),
    onOpenFile(listener) {
      const off = listen<OpenedProject>(IpcChannel.OpenFile, listener);
      ipc.send(IpcChannel.ReadyForFiles);
      return off;
    },
  };
}
