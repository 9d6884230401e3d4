import type { BuiltinDataFile } from './builtin-files.js';

/**
 * A data set in memory: features row-major, labels as class indices (classification) or target
 * columns (regression). Kept as typed arrays so it moves to a worker or a tensor without copying rows.
 */
export interface LabeledData {
  /** Number of examples. */
  m: number;
  /** Number of input features n[0]. */
  features: number;
  /** m × features, row-major. */
  x: Float32Array;
  /**
   * Classification: m class indices 0..classes-1 (targets = 1).
   * Regression (classes = null): m × targets, row-major.
   */
  y: Float32Array;
  /** Number of classes, or null for a regression target. */
  classes: number | null;
  /** Columns of y: 1 for classification. */
  targets: number;
  featureNames?: string[];
  classNames?: string[];
  /** For image data: [height, width, channels], with features = h·w·c. Used by Augment. */
  imageShape?: [number, number, number];
  /**
   * Sets that came from sources of their own (Fashion-MNIST's 10,000 test images, a user's
   * test.csv) rather than from a seeded split of these examples: splitData uses them as they are.
   * Their features and classes agree with this data (class indices renumbered by name).
   */
  heldOut?: HeldOut;
}

/** The test set, and optionally the dev set, of a data set whose splits come from their own sources. */
export interface HeldOut {
  test: LabeledData;
  dev?: LabeledData;
}

/** The three splits of spec §1; dev and test may be empty (m = 0). */
export interface DataSplits {
  train: LabeledData;
  dev: LabeledData;
  test: LabeledData;
}

/** What shape inference needs to know about a data set without loading it. */
export interface DataDescription {
  features: number;
  classes: number | null;
  targets: number;
  /** Total examples before the split, when known without loading. */
  m: number | null;
  imageShape?: [number, number, number];
  /**
   * Present when the test set (and, with `dev`, the dev set) comes from a source of its own: then m
   * counts the training source only, and the split fractions cut only dev from it (splitSizesOf).
   * Sizes are null where they are known only once loaded.
   */
  heldOut?: { test: number | null; dev?: number | null };
}

/** One entry of a folder: a file or a subfolder, by name (no path). */
export interface FolderEntry {
  name: string;
  kind: 'file' | 'folder';
}

/**
 * How the engine reads files: injected, so the engine itself never touches the disk or the DOM. Paths
 * are those a document names, relative to the document's folder, with `/` between folders. A method
 * that is missing means this place cannot read that kind of file; loading says so as a problem.
 * Failures reject with an Error whose message says why ("it is outside the document's folder …").
 */
export interface DataFileReader {
  /** Resolves a path named in the document (relative to the document's folder) to its text. */
  readText(path: string): Promise<string>;
  /** The bytes of a file (IDX files, images): 'data/train-images-idx3-ubyte.gz' → Uint8Array. */
  readBytes?(path: string): Promise<Uint8Array>;
  /** The entries of a folder: 'shoes' → [{ name: 'boot', kind: 'folder' }, …], in any order. */
  listFolder?(path: string): Promise<FolderEntry[]>;
  /**
   * A file of a built-in data set installed on the machine (see builtin-files.ts), or null when it
   * is not installed: 'fashion-mnist/t10k-labels-idx1-ubyte.gz' → its 5,125 gzipped bytes.
   */
  readBuiltin?(file: BuiltinDataFile): Promise<Uint8Array | null>;
  /** Told how far parsing a text file has got, 0..1, after each chunk (a CSV is read 4 MiB at a time). */
  onParseProgress?(path: string, fraction: number): void;
}
