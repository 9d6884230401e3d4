import type { BuiltinDataFile } from '../../engine/data/builtin-files';

/**
 * Everything the renderer needs from the machine it runs on: files, the autosave slot, preferences,
 * the window title and the close guard. The renderer reaches these only through `Platform`, so the
 * same renderer runs in a plain browser and inside Electron.
 */

/** Opaque to the renderer: a File System Access handle in the browser, a path in Electron. */
export type FileHandle = unknown;

export interface ProjectFile {
  /** File name shown to the user, e.g. "moons.netcanvas.json". */
  name: string;
  text: string;
  /** Where a later Save writes without asking; null when the platform cannot write back. */
  handle: FileHandle | null;
}

export interface SaveRequest {
  suggestedName: string;
  text: string;
  /** The file the project came from or was last saved to. */
  handle: FileHandle | null;
  /** Always ask where to save, even when there is a handle. */
  saveAs: boolean;
}

export interface SavedFile {
  name: string;
  handle: FileHandle | null;
}

/** The one autosave slot: local storage in the browser, the app data folder in Electron. */
export interface AutosaveStore {
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
  clear(): Promise<void>;
}

/** Small synchronous settings (theme, language). */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** Commands a native menu can send (Electron); the browser has none. */
export type MenuCommand =
  | 'new'
  | 'open'
  | 'save'
  | 'saveAs'
  | 'undo'
  | 'redo'
  | 'fitView'
  | 'layout'
  | 'showShortcuts'
  | (string & {});

export interface Platform {
  readonly kind: 'browser' | 'electron';
  /** Asks the user for a project file; null when they cancel. Throws only when reading fails. */
  openProject(): Promise<ProjectFile | null>;
  /** Writes the project; null when the user cancels the save dialog. */
  saveProject(request: SaveRequest): Promise<SavedFile | null>;
  autosave: AutosaveStore;
  preferences: KeyValueStore;
  setTitle(title: string): void;
  /** Makes closing the window ask first while `hasUnsavedChanges()`; returns the undo function. */
  guardClose(hasUnsavedChanges: () => boolean): () => void;
  /** Tells the window whether there are unsaved changes (macOS shows a dot on the close button). */
  setEdited(edited: boolean): void;
  /** Native menu commands; returns the function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Projects opened from outside the page (file manager, recent files, a dropped file). */
  onOpenFile(listener: (file: ProjectFile) => void): () => void;
  /**
   * Writes the files of a model export (browser: one download each; Electron: a folder the user
   * picks). Returns where they went, or null when the user cancels.
   */
  exportModel(request: ModelExport): Promise<string | null>;
  /**
   * A file of a built-in data set installed on the machine ('fashion-mnist/…'), or null when it is
   * not installed (browser: fetched from the web server's datasets/; Electron: read by main).
   */
  readBuiltinData(file: BuiltinDataFile): Promise<Uint8Array | null>;
  /** Asks for a folder of class subfolders of images; null when the user cancels. */
  openDataFolder(): Promise<OpenedData | null>;
  /** Asks for data files (a CSV file, IDX files); null when the user cancels. */
  openDataFiles(): Promise<OpenedData | null>;
}

/**
 * Data files the user opened for a Dataset node, by the path the document names: a folder 'shoes'
 * gives 'shoes/boot/1.png', … (only images in class subfolders); files give their names.
 */
export interface OpenedData {
  /** The folder's name, or the first file's. */
  name: string;
  kind: 'folder' | 'files';
  files: { path: string; data: Blob }[];
}

/** The files of one trained model in one format, named without folders. */
export interface ModelExport {
  format: 'tfjs' | 'onnx' | 'pytorch';
  /** e.g. "moons-onnx": the folder name offered in Electron, a prefix for nothing in the browser. */
  suggestedName: string;
  files: { name: string; data: Uint8Array }[];
}
