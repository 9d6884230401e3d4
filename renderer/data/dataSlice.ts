import type { StateCreator } from 'zustand';
import type { BuiltinDataFile } from '../../engine/data/builtin-files';
import type { GraphDocument } from '../../engine/document/schema';
import { hasRole } from '../../engine/nodes/registry';
import { dataFromDrop } from '../platform/data-files';
import type { OpenedData, Platform } from '../platform/types';
import type { AppState } from '../store/types';
import {
  filesNamed,
  namedBuiltins,
  namedPaths,
  type SourceTarget,
  sourceForOpened,
  withSource,
} from './opened';

/** What the data slice needs of the platform. */
export type DataPlatform = Pick<Platform, 'readBuiltinData' | 'openDataFolder' | 'openDataFiles'>;

/** The data files a run of a document takes to its worker. */
export interface RunDataFiles {
  /** Opened files the document names, by path ('shoes/boot/1.png', 'train.csv'). */
  files: Record<string, Blob>;
  /** Built-in files it reads: contents, or null when not installed. */
  builtin: Partial<Record<BuiltinDataFile, Blob | null>>;
}

export interface DataSlice {
  /**
   * Data files opened in this session, by the path a document names. They are not saved with the
   * project: after reopening it, Open folder / Open files again.
   */
  dataFiles: Readonly<Record<string, Blob>>;
  /**
   * Built-in files read through the platform: contents, null when not installed (asked again at the
   * next run, so installing the package needs no restart); absent until asked.
   */
  builtinData: Readonly<Partial<Record<BuiltinDataFile, Blob | null>>>;
  /** Asks for a folder of images and makes it the source (or a part) of the Dataset node `nodeId`. */
  openDataFolder(nodeId: string, target: SourceTarget): Promise<void>;
  /** Asks for data files (CSV, IDX) and makes them the source (or a part) of `nodeId`. */
  openDataFiles(nodeId: string, target: SourceTarget): Promise<void>;
  /** A folder or files dropped on the window, for `nodeId`. */
  dropData(nodeId: string, transfer: DataTransfer, target: SourceTarget): Promise<void>;
  /** Opened data as `nodeId`'s source: checked first; refused data changes nothing. */
  useOpenedData(nodeId: string, opened: OpenedData, target: SourceTarget): boolean;
  /**
   * The files a run of `doc` needs: at once, or a promise when built-in files must be read first
   * (the first run on Fashion-MNIST in a session).
   */
  dataFilesFor(doc: GraphDocument): RunDataFiles | Promise<RunDataFiles>;
  /** The files of `doc` there now (built-in files not read yet are started, and left out). */
  dataFilesNow(doc: GraphDocument): RunDataFiles;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

const datasetSources = (doc: GraphDocument) =>
  doc.nodes.filter((n) => hasRole(n.kind, 'dataset')).map((n) => n.params.source);

/** The data slice: files the user opened for Dataset nodes, and the built-in sets read on demand. */
export const createDataSlice =
  (platform?: DataPlatform): StateCreator<AppState, [], [], DataSlice> =>
  (set, get) => {
    const pending = new Map<BuiltinDataFile, Promise<void>>();
    /** Reads built-in files not read yet; a failure reads as "not installed", with a toast saying why. */
    const readBuiltins = (files: readonly BuiltinDataFile[]): Promise<void> =>
      Promise.all(
        files.map((file) => {
          const known = pending.get(file);
          if (known) return known;
          const reading = (platform ? platform.readBuiltinData(file) : Promise.resolve(null))
            .then(
              (bytes) => (bytes ? new Blob([bytes as BlobPart]) : null),
              (err: unknown) => {
                get().showToast('error', {
                  key: 'data.failed',
                  vars: { message: `${file}: ${errorText(err)}` },
                });
                return null;
              },
            )
            .then((blob) => {
              pending.delete(file);
              set((s) => ({ builtinData: { ...s.builtinData, [file]: blob } }));
            });
          pending.set(file, reading);
          return reading;
        }),
      ).then(() => undefined);

    /** Built-in files not read yet, and those not installed when last asked (installed since?). */
    const unreadBuiltins = (doc: GraphDocument) =>
      datasetSources(doc)
        .flatMap(namedBuiltins)
        .filter((file) => !get().builtinData[file]);
    /** Opened files the document names, and the built-in files it reads that have been read. */
    const collect = (doc: GraphDocument): RunDataFiles => {
      const sources = datasetSources(doc);
      const { dataFiles, builtinData } = get();
      const builtin: RunDataFiles['builtin'] = {};
      for (const file of sources.flatMap(namedBuiltins)) {
        const read = builtinData[file];
        if (read !== undefined) builtin[file] = read;
      }
      return { files: filesNamed(dataFiles, sources.flatMap(namedPaths)), builtin };
    };

    const open = async (nodeId: string, target: SourceTarget, pick: () => Promise<OpenedData | null>) => {
      let opened: OpenedData | null;
      try {
        opened = await pick();
      } catch (err) {
        get().showToast('error', { key: 'data.failed', vars: { message: errorText(err) } });
        return;
      }
      if (opened) get().useOpenedData(nodeId, opened, target);
    };

    return {
      dataFiles: {},
      builtinData: {},
      openDataFolder: (nodeId, target) =>
        open(nodeId, target, () => platform?.openDataFolder() ?? Promise.resolve(null)),
      openDataFiles: (nodeId, target) =>
        open(nodeId, target, () => platform?.openDataFiles() ?? Promise.resolve(null)),
      dropData: (nodeId, transfer, target) => open(nodeId, target, () => dataFromDrop(transfer)),
      useOpenedData(nodeId, opened, target) {
        const s = get();
        const node = s.doc.nodes.find((n) => n.id === nodeId && hasRole(n.kind, 'dataset'));
        if (!node) return false;
        const part =
          target === 'source'
            ? node.params.source
            : (node.params.source as Record<string, unknown> | undefined)?.[target];
        const chosen = sourceForOpened(opened, part);
        if (!chosen.ok) {
          s.showToast(
            'error',
            'unclear' in chosen
              ? { key: 'data.filesUnclear' }
              : { key: 'data.refused', vars: { message: chosen.message } },
          );
          return false;
        }
        // A folder opened again replaces all of its files (some may be gone).
        const kept = Object.fromEntries(
          Object.entries(s.dataFiles).filter(
            ([path]) => !(opened.kind === 'folder' && path.startsWith(`${opened.name}/`)),
          ),
        );
        set({ dataFiles: { ...kept, ...Object.fromEntries(opened.files.map((f) => [f.path, f.data])) } });
        s.applyChanges([
          { type: 'setParams', id: nodeId, params: withSource(node.params, target, chosen.source) },
        ]);
        s.showToast('info', {
          key: 'data.opened',
          vars: { name: opened.name, count: String(opened.files.length) },
        });
        return true;
      },
      dataFilesFor(doc) {
        const unread = unreadBuiltins(doc);
        return unread.length ? readBuiltins(unread).then(() => collect(doc)) : collect(doc);
      },
      dataFilesNow(doc) {
        const unread = unreadBuiltins(doc);
        if (unread.length) void readBuiltins(unread);
        return collect(doc);
      },
    };
  };

/** Where data dropped on the canvas goes: the selected Dataset node, else the only one; null when unclear. */
export function datasetForDrop(s: AppState): string | null {
  const datasets = s.doc.nodes.filter((n) => hasRole(n.kind, 'dataset'));
  const selected = datasets.find((n) => s.selectedNodes.has(n.id));
  return selected?.id ?? (datasets.length === 1 ? (datasets[0]?.id ?? null) : null);
}
