import { describe, expect, it } from 'vitest';
import { nodeKind } from '../../engine/nodes/registry';
import { translator } from '../i18n/i18n';
import { describeSchema, type FieldDesc } from './describe';
import { numberMessage } from './numberMessage';

type NumberDesc = Extract<FieldDesc, { type: 'number' }>;

/** The number field `key` of a kind's form (the first variant of a union, as the form shows it). */
function numberField(kind: string, key: string): NumberDesc {
  let desc = describeSchema(nodeKind(kind)!.params);
  if (desc.type === 'variants') desc = desc.variants[0]!.desc;
  const found = desc.type === 'object' ? desc.fields.find((f) => f.key === key)?.desc : undefined;
  if (found?.type !== 'number') throw new Error(`${kind}.${key} is not a number field`);
  return found;
}

const en = translator('en');
const say = (desc: NumberDesc, text: string) => {
  const m = numberMessage(desc, text);
  return m && en(m.key, m.vars);
};

describe('number field messages', () => {
  it('says what a Dense layer needs in its own words, not the validator’s', () => {
    const units = numberField('Dense', 'units');
    expect(numberMessage(units, '0')).toEqual({ key: 'field.atLeast', vars: { min: 1 } });
    expect(say(units, '0')).toBe('At least 1.');
    expect(say(units, '2.5')).toBe('Enter a whole number.');
    expect(say(units, 'many')).toBe('Enter a number.');
    expect(say(units, ' ')).toBe('Enter a number.');
    expect(say(units, '100001')).toBe('At most 100000.');
    expect(numberMessage(units, '7')).toBeNull();
  });

  it('refuses keep_prob 2 and 0 at the ends of (0, 1], and a negative learning rate', () => {
    const keep = numberField('Dropout', 'keepProb');
    expect(say(keep, '2')).toBe('At most 1.');
    expect(say(keep, '0')).toBe('More than 0.');
    expect(numberMessage(keep, '1')).toBeNull();
    const alpha = numberField('Optimizer', 'learningRate');
    expect(say(alpha, '-0.5')).toBe('More than 0.');
    expect(numberMessage(alpha, '0.01')).toBeNull();
  });

  it('has every message in Chinese', () => {
    const zh = translator('zh');
    const m = numberMessage(numberField('Dense', 'units'), '0')!;
    expect(zh(m.key, m.vars)).toBe('至少为 1。');
  });
});
