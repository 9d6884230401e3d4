import { readDocument } from '../../engine/document/parse';
import type { GraphDocument } from '../../engine/document/schema';
import { analyzeGraph } from '../../engine/graph/analyze';
import preset from '../../presets/moons-adam.netcanvas.json';
import { layoutChanges } from '../graph/layout';
import { systemLanguage } from '../i18n/i18n';
import { detectPlatform } from '../platform';
import type { Platform } from '../platform/types';
import { startAutosave, whenPageHides } from '../store/autosave';
import { applyGraphChanges } from '../store/changes';
import { type AppStore, createAppStore } from '../store/createAppStore';
import { emptyDocument } from '../store/documents';
import { selectIsDirty, selectWindowTitle } from '../store/selectors';
import { createProjectCommands, type ProjectCommands } from './commands';

/**
 * The graph on the canvas when the app opens: the Moons preset, ready to train, laid out compactly
 * so the whole network reads at a laptop's width (it is a new, unsaved project; files opened later
 * keep their own positions).
 */
function startDocument(): GraphDocument {
  const result = readDocument(preset);
  if (!result.ok) return emptyDocument();
  const { edgeShapes } = analyzeGraph(result.value);
  return applyGraphChanges(result.value, layoutChanges(result.value, new Map(), edgeShapes)).doc;
}

/**
 * Wires the store to the platform: the start document, autosave, the window title, the close guard,
 * and the offer to recover an autosave left by an earlier session.
 */
export function bootstrap(win: Window): { store: AppStore; commands: ProjectCommands; platform: Platform } {
  const platform = detectPlatform(win);
  const store = createAppStore({
    initialDocument: startDocument(),
    preferences: platform.preferences,
    systemLanguage: systemLanguage(win.navigator.languages ?? [win.navigator.language]),
    dataPlatform: platform,
  });
  const commands = createProjectCommands(store, platform);
  void commands
    .checkForRecovery()
    .then(() => startAutosave(store, platform.autosave, { onFlush: whenPageHides(win) }));
  let title = '';
  const syncTitle = () => {
    const next = selectWindowTitle(store.getState());
    if (next === title) return;
    title = next;
    platform.setTitle(title);
  };
  syncTitle();
  store.subscribe(syncTitle);
  platform.guardClose(() => selectIsDirty(store.getState()));
  let edited = false;
  store.subscribe((s) => {
    if (selectIsDirty(s) === edited) return;
    edited = !edited;
    platform.setEdited(edited);
  });
  platform.onOpenFile((file) => void commands.openExternal(file));
  return { store, commands, platform };
}
