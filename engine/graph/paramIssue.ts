import type { z } from 'zod';
import type { ProblemDetail } from '../problems.js';

/**
 * A zod issue on a node's params as a message key and values, so a UI can say the bound in its own
 * language; `reason` keeps zod's English for the English text. A number below its minimum of 1:
 * ['paramAtLeast', {kind: 'Dense', id: 'h', field: 'units', reason: 'Too small: …', bound: 1}].
 */
export function paramIssueDetail(
  issue: z.core.$ZodIssue,
  at: { kind: string; id: string; field: string },
): [string, ProblemDetail['params']] {
  const base = { ...at, reason: issue.message };
  if (issue.code === 'too_small' && issue.origin === 'number') {
    return [issue.inclusive ? 'paramAtLeast' : 'paramAbove', { ...base, bound: Number(issue.minimum) }];
  }
  if (issue.code === 'too_big' && issue.origin === 'number') {
    return [issue.inclusive ? 'paramAtMost' : 'paramBelow', { ...base, bound: Number(issue.maximum) }];
  }
  if (issue.code === 'invalid_value') {
    return ['paramOneOf', { ...base, values: issue.values.map(String).join(', ') }];
  }
  if (issue.code === 'invalid_type') return ['paramType', { ...base, expected: issue.expected }];
  return ['paramInvalid', base];
}
