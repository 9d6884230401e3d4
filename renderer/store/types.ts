import type { GraphDocument } from '../../engine/document/schema';
import type { Problem } from '../../engine/problems';
import type { DataSlice } from '../data/dataSlice';
import type { GallerySlice } from '../gallery/gallerySlice';
import type { GradcheckSlice } from '../gradcheck/gradcheckSlice';
import type { ClipboardContent } from '../graph/clipboard';
import type { LanguagePreference, MessageKey } from '../i18n/i18n';
import type { Language } from '../i18n/messages';
import type { FileHandle, KeyValueStore } from '../platform/types';
import type { TrainingSlice } from '../training/trainingSlice';
import type { TuningSlice } from '../tuning/tuningSlice';
import type { EditorAnalysis } from './analysis';
import type { AutosaveRecord } from './autosave';
import type { GraphChange } from './changes';
import type { History } from './history';

export interface ApplyOptions {
  /** Consecutive changes with the same key within a second are one undo step (a drag, typing). */
  mergeKey?: string;
  /** Select these nodes afterwards (a paste selects what it pasted). */
  select?: readonly string[];
}

export interface GraphSlice {
  doc: GraphDocument;
  analysis: EditorAnalysis;
  /** Counts whole-document replacements, so the canvas fits the view to each new document. */
  docEpoch: number;
  /** The one way the document changes: applies the changes and records them as one undo step. */
  applyChanges(changes: readonly GraphChange[], options?: ApplyOptions): void;
  /** Replaces the whole document (New, Open, Recover): a fresh history, nothing selected. */
  replaceDocument(
    doc: GraphDocument,
    file: { fileName: string | null; fileHandle: FileHandle | null; unsaved?: boolean },
  ): void;
}

export interface HistorySlice {
  history: History;
  undo(): void;
  redo(): void;
}

export interface SelectionSlice {
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  select(nodes: Iterable<string>, edges?: Iterable<string>): void;
  /** Applies React Flow's select changes (clicks, box select) in one update. */
  applySelectionChanges(
    nodes: readonly { id: string; selected: boolean }[],
    edges: readonly { id: string; selected: boolean }[],
  ): void;
  selectAll(): void;
  clearSelection(): void;
  /** Deletes the selected nodes and edges (and the nodes' edges) as one undo step. */
  deleteSelection(): void;
}

export interface ClipboardSlice {
  clipboard: ClipboardContent | null;
  /** How many times the clipboard was pasted, so each paste lands a little further down. */
  pasteCount: number;
  copySelection(): void;
  paste(): void;
  duplicateSelection(): void;
}

export type ThemePreference = 'system' | 'light' | 'dark';

export type Dialog =
  | { type: 'confirmDiscard'; name: string; resolve: (ok: boolean) => void }
  | { type: 'openFailed'; file: string; problems: readonly Problem[] }
  | { type: 'shortcuts' };

export interface ToastMessage {
  key: MessageKey;
  vars?: Record<string, string>;
}

export interface Toast extends ToastMessage {
  id: number;
  kind: 'info' | 'error';
}

export interface SearchRequest {
  /** Where the popup shows, in screen pixels. */
  screen: { x: number; y: number };
  /** Where the new node goes, in canvas units. */
  flow: { x: number; y: number };
}

export interface UiSlice {
  themePreference: ThemePreference;
  languagePreference: LanguagePreference;
  systemLanguage: Language;
  showMinimap: boolean;
  search: SearchRequest | null;
  dialog: Dialog | null;
  toast: Toast | null;
  /** Set to centre the canvas on a node; the nonce makes a repeated request count again. */
  focusRequest: { nodeId: string; nonce: number } | null;
  /** Moves when the canvas should fit the graph again (a workspace pane opened or closed). */
  fitRequest: number;
  /** Where small settings persist (the workspace panes' sizes); null in tests without one. */
  preferences: KeyValueStore | null;
  setThemePreference(theme: ThemePreference): void;
  setLanguagePreference(language: LanguagePreference): void;
  setShowMinimap(show: boolean): void;
  openSearch(request: SearchRequest): void;
  closeSearch(): void;
  showDialog(dialog: Dialog): void;
  closeDialog(): void;
  /** Shows the "discard unsaved changes?" dialog and resolves with the user's answer. */
  confirmDiscard(): Promise<boolean>;
  showToast(kind: Toast['kind'], message: ToastMessage): void;
  dismissToast(): void;
  focusNode(nodeId: string): void;
  requestFit(): void;
}

export interface ProjectSlice {
  fileName: string | null;
  fileHandle: FileHandle | null;
  /** History entry id the saved file matches; unsaved while the head differs. */
  savedHeadId: number;
  /** An autosave found at start, offered back until the user recovers or discards it. */
  recovery: AutosaveRecord | null;
  markSaved(file: { fileName: string; fileHandle: FileHandle | null }): void;
  setRecovery(record: AutosaveRecord | null): void;
}

/**
 * The whole store. The training slice (renderer/training/) joins this intersection and the slice
 * list in createAppStore.ts.
 */
export type AppState = GraphSlice &
  HistorySlice &
  SelectionSlice &
  ClipboardSlice &
  UiSlice &
  ProjectSlice &
  TrainingSlice &
  GallerySlice &
  GradcheckSlice &
  TuningSlice &
  DataSlice;
