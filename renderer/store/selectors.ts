import type { GraphNode } from '../../engine/document/schema';
import { resolveLanguage, translator } from '../i18n/i18n';
import type { Language } from '../i18n/messages';
import { stripProjectExtension } from './documents';
import { headId } from './history';
import type { AppState } from './types';

/** Small named selectors: components subscribe to exactly what they show. */

export const selectLanguage = (s: AppState): Language =>
  resolveLanguage(s.languagePreference, s.systemLanguage);

/** Unsaved while the history head is not the step the file was saved (or opened) at. */
export const selectIsDirty = (s: AppState): boolean => headId(s.history) !== s.savedHeadId;

/** The project's name; for an unnamed project, its file's name without the extension, else "Untitled". */
export const selectDisplayName = (s: AppState): string =>
  s.doc.name.trim() && s.doc.name !== 'Untitled'
    ? s.doc.name
    : s.fileName
      ? stripProjectExtension(s.fileName)
      : translator(selectLanguage(s))('app.untitled');

/** "• moons — NetCanvas" while unsaved, "moons — NetCanvas" when saved. */
export const selectWindowTitle = (s: AppState): string =>
  `${selectIsDirty(s) ? '• ' : ''}${selectDisplayName(s)} — NetCanvas`;

export const selectCanUndo = (s: AppState): boolean => s.history.past.length > 0;
export const selectCanRedo = (s: AppState): boolean => s.history.future.length > 0;

/** The node the inspector edits: the one selected node, else null. */
export const selectInspectedNode = (s: AppState): GraphNode | null => {
  if (s.selectedNodes.size !== 1) return null;
  const [id] = s.selectedNodes;
  return s.doc.nodes.find((n) => n.id === id) ?? null;
};

export const selectNodeById =
  (id: string) =>
  (s: AppState): GraphNode | undefined =>
    s.doc.nodes.find((n) => n.id === id);
