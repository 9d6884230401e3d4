/** Hyperparameter search (spec §11): the space as data, seeded random draws, the runner, coarse to fine. */
export { defaultSpace, suggestParam } from './defaults.js';
export { localTrialExecutor } from './local.js';
export { NARROW_MARGIN, narrow } from './narrow.js';
export { applyValues, readParam, readValues, writeParam } from './params.js';
export { applyBest, bestResult, judgedLoss, rankResults, type SearchMetric, trainedFully } from './rank.js';
export {
  collectSearch,
  DEFAULT_PRUNING,
  median,
  type PruningRule,
  pruneCheck,
  pruneEpoch,
  runSearch,
  type SearchOptions,
  shouldPrune,
} from './runner.js';
export { sampleTrial, sampleTrials } from './sample.js';
export {
  coordinateInterval,
  type Interval,
  isDiscrete,
  rangeProblem,
  SCALES,
  type Scale,
  sampleOnScale,
  scaleFormula,
  toCoordinate,
  valueAt,
} from './scales.js';
export {
  type ParamValues,
  paramKey,
  parseSearchSpace,
  type SearchParam,
  SearchParamSchema,
  type SearchSpace,
  SearchSpaceSchema,
} from './space.js';
export type {
  PruneCheck,
  TrialExecutor,
  TrialOutcome,
  TrialReason,
  TrialRequest,
  TrialResult,
} from './trial.js';
export { rangeEnds, validateSpace } from './validate.js';
