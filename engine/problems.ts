/**
 * User mistakes are data. Every stage that can find something wrong with what the user made returns a
 * list of these instead of throwing; the codes live in one table so the UI and the CLI can key on them.
 */

export type Severity = 'error' | 'warning';

export const PROBLEM_CODES = {
  // document
  PARSE_ERROR: 'The file is not valid JSON.',
  NOT_A_DOCUMENT: 'The file is not a NetCanvas document.',
  VERSION_TOO_NEW: 'The document was written by a newer NetCanvas.',
  VERSION_UNKNOWN: 'The document version is not one NetCanvas knows.',
  SCHEMA: 'A field of the document has the wrong type or value.',
  DUPLICATE_ID: 'Two nodes or edges share an id.',
  UNKNOWN_KIND: 'The node kind is not known.',
  // graph structure
  DANGLING_EDGE: 'An edge points at a node or port that does not exist.',
  PORT_TYPE_MISMATCH: 'An edge joins ports of different types.',
  MULTIPLE_INPUTS: 'A single-input port has more than one edge.',
  CYCLE: 'The graph has a cycle.',
  MISSING_NODE: 'A node every run needs is missing.',
  TOO_MANY: 'There is more than one of a node every run needs exactly one of.',
  UNCONNECTED_PORT: 'A required input is not connected.',
  UNUSED_NODE: 'The node is not on the path from the data set to the loss.',
  DEAD_END: "A layer's output reaches no loss, so it does nothing.",
  TOO_FEW_INPUTS: 'A merge node has fewer than two inputs.',
  // params and shapes
  INVALID_PARAM: 'A parameter has an invalid value.',
  SHAPE_MISMATCH: 'The shapes flowing into a node do not fit.',
  MERGE_MISMATCH: 'The inputs of a merge node have shapes that cannot be combined.',
  KERNEL_TOO_LARGE: 'A kernel or pooling window is larger than its input.',
  LOSS_MISMATCH: 'The loss does not match the output layer or the labels.',
  DATASET: 'The data set cannot be loaded.',
  // warnings the notes call out
  DROPOUT_ON_INPUT: 'Dropout right after the input.',
  BATCH_GD_LARGE_M: 'Batch gradient descent on a large training set.',
  ZEROS_INIT: 'Zeros initialization does not break symmetry.',
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** One thing wrong with what the user made. `nodeId` is null when it concerns the whole document. */
export interface Problem {
  code: ProblemCode;
  severity: Severity;
  nodeId: string | null;
  /** Field inside the node's params (`units`, `source.noise`), when one is to blame. */
  path?: string;
  message: string;
  /**
   * The message as a key and its values, for a UI in another language to say it in its own words:
   * {key: 'deadEnd', params: {kind: 'Dense', id: 'hidden1'}}. `message` stays the English text.
   */
  detail?: ProblemDetail;
}

/** A problem's message as a message key and the values it names. */
export interface ProblemDetail {
  key: string;
  params: Readonly<Record<string, string | number>>;
}

/** The problem with its message's key and values attached (see `Problem.detail`). */
export const detailed = (problem: Problem, key: string, params: ProblemDetail['params']): Problem => ({
  ...problem,
  detail: { key, params },
});

export function error(code: ProblemCode, nodeId: string | null, message: string, path?: string): Problem {
  return path === undefined
    ? { code, severity: 'error', nodeId, message }
    : { code, severity: 'error', nodeId, message, path };
}

export function warning(code: ProblemCode, nodeId: string | null, message: string, path?: string): Problem {
  return path === undefined
    ? { code, severity: 'warning', nodeId, message }
    : { code, severity: 'warning', nodeId, message, path };
}

export const hasErrors = (problems: readonly Problem[]): boolean =>
  problems.some((p) => p.severity === 'error');

/** A value or the problems that prevented it. */
export type Result<T> = { ok: true; value: T; problems: Problem[] } | { ok: false; problems: Problem[] };

export const ok = <T>(value: T, problems: Problem[] = []): Result<T> => ({ ok: true, value, problems });
export const fail = <T>(problems: Problem[]): Result<T> => ({ ok: false, problems });
