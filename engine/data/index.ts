/** The data module's public API: generators, the digits, CSV import, sources and the split. */
export {
  type CsvOptions,
  MAX_CSV_CELLS,
  MAX_CSV_CHARS,
  MAX_REPORTED_ERRORS,
  parseCsvDataset,
  parseNumber,
} from './csv.js';
export { DIGITS_DESCRIPTION, loadDigits } from './digits.js';
export * from './generators/index.js';
export { type InlineData, inlineDataset } from './inline.js';
export {
  BuiltinSourceSchema,
  CsvSourceSchema,
  type DatasetSource,
  type DatasetSourceInput,
  DatasetSourceSchema,
  describeDataset,
  GeneratorSourceSchema,
  InlineSourceSchema,
  loadDataset,
  parseDatasetSource,
} from './sources.js';
export {
  AUTO_SPLIT_LARGE_M,
  type DataSplit,
  DataSplitSchema,
  splitData,
  splitFractions,
  splitSizes,
  subset,
} from './split.js';
export type { DataDescription, DataFileReader, DataSplits, LabeledData } from './types.js';
