/**
 * The contract between the renderer and the desktop shell: what the preload script exposes as
 * `window.netcanvas` through contextBridge, one function per operation. File paths are opaque to
 * the renderer (it hands back what it was given); main does every file operation and checks each
 * request against what the user chose.
 */

import type { BuiltinDataFile } from '../../engine/data/builtin-files.js';

/** The export formats of `engine/export/files.ts`. */
export type ExportFormat = 'tfjs' | 'onnx' | 'pytorch';

/** A project file read by main. `path` is the handle for later saves. */
export interface OpenedProject {
  path: string;
  /** File name shown to the user, e.g. "moons.netcanvas.json". */
  name: string;
  text: string;
}

export interface SaveProjectRequest {
  /** The file this project came from or was last saved to; null for a new project. */
  path: string | null;
  /** Offered in the save dialog, e.g. "moons.netcanvas.json". */
  suggestedName: string;
  text: string;
  /** Always ask where to save, even with a path. */
  saveAs: boolean;
}

export interface SavedProject {
  path: string;
  name: string;
}

export interface RecentFile {
  path: string;
  name: string;
}

/** Files made by `exportModelFiles` (engine) in the renderer; main asks for a folder and writes them. */
export interface ExportModelRequest {
  format: ExportFormat;
  /** Offered as the folder name, e.g. "moons-onnx". */
  suggestedName: string;
  files: { name: string; data: Uint8Array }[];
}

/** A data file chosen in the dialog (CSV, IDX), by name. */
export interface OpenedDataFile {
  name: string;
  data: Uint8Array;
}

/** The images of a folder chosen in the dialog: `name` is the folder's, paths are inside it ('boot/1.png'). */
export interface OpenedDataFolder {
  name: string;
  files: { path: string; data: Uint8Array }[];
}

export interface ExportedModel {
  folder: string;
  files: string[];
}

/** What the native menus ask the renderer to do (the renderer runs its own command for each). */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'saveAs',
  'export',
  'undo',
  'redo',
  'train',
  'stopTraining',
  'fitView',
  'layout',
  'showShortcuts',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export type DesktopPlatform = 'darwin' | 'win32' | 'linux';

/** `window.netcanvas` in the desktop app. */
export interface NetCanvasApi {
  /** The operating system, for shortcut labels (⌘ or Ctrl). */
  readonly platform: DesktopPlatform;
  /** Native open dialog; null when the user cancels. */
  openProject(): Promise<OpenedProject | null>;
  /** Opens a file of the recent list (paths main did not list are refused). */
  openRecent(path: string): Promise<OpenedProject | null>;
  /** Opens a .json project file dropped on the window (pass the File from the drop event). */
  openDroppedFile(file: File): Promise<OpenedProject | null>;
  /** Saves to `path` (a file this window opened or saved) or asks where; null when cancelled. */
  saveProject(request: SaveProjectRequest): Promise<SavedProject | null>;
  listRecent(): Promise<RecentFile[]>;
  clearRecent(): Promise<void>;
  /** The one autosave slot, in the app's data folder. */
  readAutosave(): Promise<string | null>;
  writeAutosave(text: string): Promise<void>;
  clearAutosave(): Promise<void>;
  /**
   * A file of a built-in data set in Debian's /usr/share/datasets ('fashion-mnist/…'), or null when
   * it is not installed. Main reads only the files BUILTIN_DATA_FILES names.
   */
  readBuiltinData(file: BuiltinDataFile): Promise<Uint8Array | null>;
  /** Asks for a folder of class subfolders of images and reads the images; null when cancelled. */
  openDataFolder(): Promise<OpenedDataFolder | null>;
  /** Asks for data files (CSV, IDX) and reads them; null when cancelled. */
  openDataFiles(): Promise<OpenedDataFile[] | null>;
  /** Asks for a folder and writes the export files there; null when cancelled. */
  exportModel(request: ExportModelRequest): Promise<ExportedModel | null>;
  setTitle(title: string): void;
  /** Unsaved changes (the macOS close button shows a dot). */
  setEdited(edited: boolean): void;
  /**
   * Registers the answer to "may the window close now?"; when it is false main asks the user
   * whether to discard the changes. Returns a function that unregisters it.
   */
  onCloseRequest(mayClose: () => boolean): () => void;
  /** A native menu item was chosen. Returns a function that unregisters the listener. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * A project opened from outside the page: double-click in the file manager, a file passed to a
   * second instance, File › Open Recent. Files that arrive before the first listener wait for it.
   */
  onOpenFile(listener: (file: OpenedProject) => void): () => void;
}
