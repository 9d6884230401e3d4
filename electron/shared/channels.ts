/**
 * Every IPC channel between main and the preload, in one enum both sides import: a channel name
 * typed once cannot drift. Renderer → main requests use `invoke` (they answer); one-way notices use
 * `send`; main → renderer events are `send`s from main.
 */
export enum IpcChannel {
  // renderer → main, answered (ipcRenderer.invoke / ipcMain.handle)
  OpenProject = 'netcanvas:open-project',
  OpenRecent = 'netcanvas:open-recent',
  OpenDropped = 'netcanvas:open-dropped',
  SaveProject = 'netcanvas:save-project',
  ListRecent = 'netcanvas:list-recent',
  ClearRecent = 'netcanvas:clear-recent',
  ReadAutosave = 'netcanvas:read-autosave',
  WriteAutosave = 'netcanvas:write-autosave',
  ClearAutosave = 'netcanvas:clear-autosave',
  ExportModel = 'netcanvas:export-model',
  ReadBuiltinData = 'netcanvas:read-builtin-data',
  OpenDataFolder = 'netcanvas:open-data-folder',
  OpenDataFiles = 'netcanvas:open-data-files',
  // renderer → main, one way (ipcRenderer.send / ipcMain.on)
  SetTitle = 'netcanvas:set-title',
  SetEdited = 'netcanvas:set-edited',
  ReadyForFiles = 'netcanvas:ready-for-files',
  CloseAnswer = 'netcanvas:close-answer',
  // main → renderer (webContents.send / ipcRenderer.on)
  MenuCommand = 'netcanvas:menu-command',
  OpenFile = 'netcanvas:open-file',
  CloseRequest = 'netcanvas:close-request',
}

/** The channels a renderer may `invoke`; main registers a handler for exactly these. */
export const INVOKE_CHANNELS = [
  IpcChannel.OpenProject,
  IpcChannel.OpenRecent,
  IpcChannel.OpenDropped,
  IpcChannel.SaveProject,
  IpcChannel.ListRecent,
  IpcChannel.ClearRecent,
  IpcChannel.ReadAutosave,
  IpcChannel.WriteAutosave,
  IpcChannel.ClearAutosave,
  IpcChannel.ExportModel,
  IpcChannel.ReadBuiltinData,
  IpcChannel.OpenDataFolder,
  IpcChannel.OpenDataFiles,
] as const;

/** The channels a renderer may `send` to main. */
export const SEND_CHANNELS = [
  IpcChannel.SetTitle,
  IpcChannel.SetEdited,
  IpcChannel.ReadyForFiles,
  IpcChannel.CloseAnswer,
] as const;
