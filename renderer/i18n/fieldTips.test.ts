import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../engine/nodes/registry';
import { describeSchema, type FieldDesc } from '../forms/describe';
import { FIELD_TIP_KEYS, fieldTip } from './fieldTips';

/** Every [kind, field, description] the inspector can show, variants and nested groups included. */
function describedFields(): [string, string, string][] {
  const found: [string, string, string][] = [];
  const walk = (kind: string, desc: FieldDesc, field: string) => {
    if (desc.description) found.push([kind, field, desc.description]);
    if (desc.type === 'object') for (const f of desc.fields) walk(kind, f.desc, f.key);
    if (desc.type === 'variants') for (const v of desc.variants) walk(kind, v.desc, field);
  };
  for (const kind of NODE_KINDS) walk(kind.kind, describeSchema(kind.params), '');
  return found;
}

describe('field tooltips', () => {
  const fields = describedFields();

  it('says every described field in Chinese and keeps the schema’s English in English', () => {
    expect(fields.length).toBeGreaterThan(60);
    for (const [kind, field, english] of fields) {
      expect(fieldTip(kind, field, english, 'en')).toBe(english);
      expect(fieldTip(kind, field, english, 'zh'), `${kind}.${field}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('has no entry for a field that no kind describes', () => {
    const known = new Set(fields.flatMap(([kind, field]) => [`${kind}.${field}`, field]));
    expect(FIELD_TIP_KEYS.filter((k) => !known.has(k))).toEqual([]);
  });
});
