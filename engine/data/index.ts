/**
 * The data module's public API: generators, the digits, Fashion-MNIST, CSV, IDX and image-folder
 * import, sources and the split.
 */
export {
  BUILTIN_DATA_FILES,
  BUILTIN_DATA_URL_PREFIX,
  type BuiltinDataFile,
  DEBIAN_DATASETS_FOLDER,
  isBuiltinDataFile,
} from './builtin-files.js';
export {
  type CsvOptions,
  MAX_CSV_CELLS,
  MAX_REPORTED_ERRORS,
  parseCsvDataset,
  parseNumber,
} from './csv.js';
export { DIGITS_DESCRIPTION, loadDigits } from './digits.js';
export {
  FASHION_MNIST_CLASSES,
  FASHION_MNIST_MISSING,
  fashionMnistDescription,
  loadFashionMnist,
} from './fashion-mnist.js';
export * from './generators/index.js';
export { alignHeldOut, withHeldOut } from './held-out.js';
export { parseIdx } from './idx.js';
export { idxDataset } from './idx-data.js';
export {
  type FolderPlan,
  folderSizeProblem,
  loadImageFolder,
  planFolder,
  readFolderPlan,
} from './image-folder.js';
export { decodeImage } from './images.js';
export { type InlineData, inlineDataset } from './inline.js';
export { MAX_DATA_FILE_BYTES, MAX_DATA_VALUES, MAX_FOLDER_IMAGES, MAX_IMAGE_PIXELS } from './limits.js';
export { resizeArea } from './resize.js';
export {
  BuiltinSourceSchema,
  CsvSourceSchema,
  type DatasetSource,
  type DatasetSourceInput,
  DatasetSourceSchema,
  describeDataset,
  GeneratorSourceSchema,
  IdxSourceSchema,
  ImageFolderSourceSchema,
  InlineSourceSchema,
  loadDataset,
  type PartSource,
  PartSourceSchema,
  parseDatasetSource,
  SplitsSourceSchema,
} from './sources.js';
export {
  AUTO_SPLIT_LARGE_M,
  type DataSplit,
  DataSplitSchema,
  splitData,
  splitFractions,
  splitSizes,
  splitSizesOf,
  subset,
} from './split.js';
export type {
  DataDescription,
  DataFileReader,
  DataSplits,
  FolderEntry,
  HeldOut,
  LabeledData,
} from './types.js';
