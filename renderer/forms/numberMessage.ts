import type { MessageKey } from '../i18n/messages';
import type { FieldDesc } from './describe';

type NumberDesc = Extract<FieldDesc, { type: 'number' }>;

/** Why typed text is not a value the field takes, in the app's words: a message key and its values. */
export interface NumberMessage {
  key: MessageKey;
  vars: Record<string, number>;
}

/**
 * Checks typed text against a number field's schema (whole or not, its interval) before anything is
 * committed. Units ([1, …], whole): "0" → atLeast {min: 1}; "2.5" → wholeNumber; "x" → notNumber.
 * keep_prob ((0, 1]): "2" → atMost {max: 1}; "0" → moreThan {min: 0}. Null when the text is fine.
 */
export function numberMessage(desc: NumberDesc, text: string): NumberMessage | null {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) return { key: 'field.notNumber', vars: {} };
  if (desc.int && !Number.isInteger(n)) return { key: 'field.wholeNumber', vars: {} };
  const { min, max } = desc;
  if (min !== undefined && (desc.minInclusive ? n < min : n <= min))
    return { key: desc.minInclusive ? 'field.atLeast' : 'field.moreThan', vars: { min } };
  if (max !== undefined && (desc.maxInclusive ? n > max : n >= max))
    return { key: desc.maxInclusive ? 'field.atMost' : 'field.lessThan', vars: { max } };
  return null;
}
