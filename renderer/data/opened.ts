import { BUILTIN_DATA_FILES, type BuiltinDataFile } from '../../engine/data/builtin-files';
import { folderSizeProblem, planFolder } from '../../engine/data/folder-plan';
import type { FolderEntry } from '../../engine/data/types';
import type { OpenedData } from '../platform/types';

/**
 * What opened data does to a Dataset node, as pure functions: the source it becomes, where in the
 * params it goes (the whole source, or one part of a splits source), and which opened files and
 * built-in files a document needs to train.
 */

/** The whole source, or one part of a `splits` source. */
export type SourceTarget = 'source' | 'train' | 'test' | 'dev';

type Source = Record<string, unknown>;
const asSource = (value: unknown): Source =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Source) : {};

/** A folder's listing, as the engine's planFolder reads it, from paths 'shoes/boot/1.png'. */
function listing(opened: OpenedData): { root: FolderEntry[]; classes: Map<string, FolderEntry[]> } {
  const classes = new Map<string, FolderEntry[]>();
  for (const { path } of opened.files) {
    const [, name = '', file = ''] = path.split('/');
    const entries = classes.get(name) ?? [];
    entries.push({ name: file, kind: 'file' });
    classes.set(name, entries);
  }
  return { root: [...classes.keys()].map((name) => ({ name, kind: 'folder' })), classes };
}

const IDX_LABELS = /label/i;
const IDX_TEST = /t10k|test/i;

/** Which opened files are IDX images and labels, train and test, by their names; null when unclear. */
function idxFiles(names: readonly string[]): Source | null {
  if (names.length !== 2 && names.length !== 4) return null;
  const pick = (test: boolean, labels: boolean) =>
    names.filter((n) => IDX_TEST.test(n) === test && IDX_LABELS.test(n) === labels);
  const [images, labels, testImages, testLabels] = [
    pick(false, false),
    pick(false, true),
    pick(true, false),
    pick(true, true),
  ];
  if (images.length !== 1 || labels.length !== 1) return null;
  if (names.length === 2) return { kind: 'idx', images: images[0], labels: labels[0] };
  if (testImages.length !== 1 || testLabels.length !== 1) return null;
  return {
    kind: 'idx',
    images: images[0],
    labels: labels[0],
    test: { images: testImages[0], labels: testLabels[0] },
  };
}

export type OpenedSource =
  | { ok: true; source: Source }
  | { ok: false; message: string }
  | { ok: false; unclear: true };

/**
 * The source for opened data, keeping what the current source says that still applies (an image
 * folder's size and channels, a CSV's label column): a folder → imageFolder (its structure and size
 * checked now, so a refused folder changes nothing); one .csv → csv; 2 or 4 other files → idx.
 */
export function sourceForOpened(opened: OpenedData, current: unknown): OpenedSource {
  const was = asSource(current);
  if (opened.kind === 'folder') {
    const size = {
      width: was.kind === 'imageFolder' && typeof was.width === 'number' ? was.width : 28,
      height: was.kind === 'imageFolder' && typeof was.height === 'number' ? was.height : 28,
      channels: was.kind === 'imageFolder' && was.channels === 3 ? (3 as const) : (1 as const),
    };
    const { root, classes } = listing(opened);
    const plan = planFolder(opened.name, root, classes);
    if (!plan.ok) return { ok: false, message: plan.messages.join(' ') };
    const tooBig = folderSizeProblem(opened.name, plan.value, { path: opened.name, ...size });
    if (tooBig) return { ok: false, message: tooBig };
    return { ok: true, source: { kind: 'imageFolder', path: opened.name, ...size } };
  }
  const names = opened.files.map((f) => f.path);
  if (names.length === 1 && /\.csv$/i.test(names[0] ?? '')) {
    const kept =
      was.kind === 'csv' ? Object.fromEntries(Object.entries(was).filter(([k]) => k !== 'path')) : {};
    return { ok: true, source: { kind: 'csv', ...kept, path: names[0] } };
  }
  const idx = idxFiles(names);
  return idx ? { ok: true, source: idx } : { ok: false, unclear: true };
}

/** Dataset params with `source` put at `target` (a part only where the source is a splits source). */
export function withSource(params: unknown, target: SourceTarget, source: Source): Source {
  const p = asSource(params);
  if (target === 'source') return { ...p, source };
  const current = asSource(p.source);
  const splits = current.kind === 'splits' ? current : { kind: 'splits' };
  return { ...p, source: { ...splits, [target]: source } };
}

/** The paths a source names (files, and folders with a trailing '/'), parts of a splits source included. */
export function namedPaths(source: unknown): string[] {
  const s = asSource(source);
  switch (s.kind) {
    case 'csv':
      return typeof s.path === 'string' ? [s.path] : [];
    case 'imageFolder':
      return typeof s.path === 'string' ? [`${s.path.replace(/\/+$/, '')}/`] : [];
    case 'idx': {
      const test = asSource(s.test);
      return [s.images, s.labels, test.images, test.labels].filter((p): p is string => typeof p === 'string');
    }
    case 'splits':
      return [s.train, s.test, s.dev].flatMap(namedPaths);
    default:
      return [];
  }
}

/** The built-in files a source reads: Fashion-MNIST's four, wherever it appears. */
export function namedBuiltins(source: unknown): BuiltinDataFile[] {
  const s = asSource(source);
  if (s.kind === 'builtin' && s.name === 'fashion-mnist') return [...BUILTIN_DATA_FILES];
  if (s.kind === 'splits') return [...new Set([s.train, s.test, s.dev].flatMap(namedBuiltins))];
  return [];
}

/** Of `files` (opened in this session), those `paths` name: files by equality, folders by prefix. */
export function filesNamed<T>(
  files: Readonly<Record<string, T>>,
  paths: readonly string[],
): Record<string, T> {
  const picked: Record<string, T> = {};
  for (const [path, file] of Object.entries(files)) {
    if (paths.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p))) picked[path] = file;
  }
  return picked;
}

/** The paths a source names that were not opened in this session (a folder counts when any file of it was). */
export function missingPaths(files: Readonly<Record<string, unknown>>, source: unknown): string[] {
  const keys = Object.keys(files);
  return namedPaths(source).filter((p) =>
    p.endsWith('/') ? !keys.some((k) => k.startsWith(p)) : !Object.hasOwn(files, p),
  );
}
