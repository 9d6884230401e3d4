import type { BuiltinDataFile } from '../../engine/data/builtin-files';
import { sequentialDocument } from '../../engine/document/build';
import type { GraphDocument } from '../../engine/document/schema';
import type {
  AutosaveStore,
  KeyValueStore,
  ModelExport,
  OpenedData,
  Platform,
  ProjectFile,
  SaveRequest,
} from '../platform/types';
import { type AppStore, createAppStore } from './createAppStore';

/**
 * A fixed copy of the Moons preset's graph (the presets themselves are edited by others): data →
 * hidden1 (5 relu) → hidden2 (2 relu) → output (1 sigmoid) → loss, with Adam and Training.
 */
export function presetDocument(): GraphDocument {
  return sequentialDocument({
    name: 'Moons with Adam',
    dataset: { source: { kind: 'generator', name: 'moons', n: 300, noise: 0.2 }, seed: 3 },
    layers: [
      { kind: 'Dense', id: 'hidden1', params: { units: 5, activation: 'relu', initializer: 'he' } },
      { kind: 'Dense', id: 'hidden2', params: { units: 2, activation: 'relu', initializer: 'he' } },
      { kind: 'Dense', id: 'output', params: { units: 1, activation: 'sigmoid', initializer: 'he' } },
    ],
    loss: { fn: 'binaryCrossEntropy' },
    optimizer: { algorithm: 'adam', learningRate: 0.01 },
    training: { batchSize: 64, epochs: 300 },
  });
}

/** A store on the preset with a controllable clock. */
export function presetStore(clock = { now: 0 }): AppStore {
  return createAppStore({ initialDocument: presetDocument(), now: () => clock.now });
}

export function memoryAutosave(): AutosaveStore & { text: string | null; writes: number } {
  const slot = {
    text: null as string | null,
    writes: 0,
    read: async () => slot.text,
    write: async (text: string) => {
      slot.text = text;
      slot.writes++;
    },
    clear: async () => {
      slot.text = null;
    },
  };
  return slot;
}

export function memoryPreferences(): KeyValueStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, get: (k) => values.get(k) ?? null, set: (k, v) => void values.set(k, v) };
}

/**
 * A platform whose file dialogs are scripted: `nextOpen` answers Open, `saved` records every Save,
 * `nextData` answers the data pickers, `builtinData` holds the installed built-in files.
 */
export function fakePlatform() {
  const saved: SaveRequest[] = [];
  const exported: ModelExport[] = [];
  const platform: Platform & {
    nextOpen: ProjectFile | null;
    nextData: OpenedData | null;
    builtinData: Partial<Record<BuiltinDataFile, Uint8Array>>;
    saved: SaveRequest[];
    title: string;
    exported: ModelExport[];
  } = {
    kind: 'browser',
    nextOpen: null,
    nextData: null,
    builtinData: {},
    readBuiltinData: async (file) => platform.builtinData[file] ?? null,
    openDataFolder: async () => platform.nextData,
    openDataFiles: async () => platform.nextData,
    saved,
    title: '',
    openProject: async () => platform.nextOpen,
    saveProject: async (request) => {
      saved.push(request);
      return {
        name: request.handle ? String(request.handle) : request.suggestedName,
        handle: request.suggestedName,
      };
    },
    autosave: memoryAutosave(),
    preferences: memoryPreferences(),
    setTitle: (title) => {
      platform.title = title;
    },
    guardClose: () => () => {},
    setEdited: () => {},
    onMenuCommand: () => () => {},
    onOpenFile: () => () => {},
    exported,
    exportModel: async (request) => {
      exported.push(request);
      return 'exports';
    },
  };
  return platform;
}
