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
}

/** How the engine reads files: injected, so the engine itself never touches the disk or the DOM. */
export interface DataFileReader {
  /** Resolves a path named in the document (relative to the document's folder) to its text. */
  readText(path: string): Promise<string>;
}
