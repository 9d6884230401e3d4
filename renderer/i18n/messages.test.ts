import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../engine/nodes/registry';
import { PROBLEM_CODES } from '../../engine/problems';
import { describeSchema, type FieldDesc } from '../forms/describe';
import { lookup, resolveLanguage, systemLanguage, translator } from './i18n';
import { MESSAGES } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Every key a form can show a label for: the params of every node kind, at every depth. */
function paramKeys(desc: FieldDesc, into: Set<string>): Set<string> {
  if (desc.type === 'object') {
    for (const f of desc.fields) {
      if (f.desc.type !== 'literal') into.add(f.key);
      paramKeys(f.desc, into);
    }
  } else if (desc.type === 'variants') {
    into.add(desc.discriminator);
    for (const v of desc.variants) paramKeys(v.desc, into);
  } else if (desc.type === 'choice') {
    for (const o of desc.options) paramKeys(o, into);
  }
  return into;
}

describe('the message table', () => {
  it('has every English message in Chinese too, with the same placeholders and no empty text', () => {
    for (const [key, en] of Object.entries(MESSAGES.en)) {
      const zh = (MESSAGES.zh as Record<string, string>)[key];
      expect(zh, key).toBeTruthy();
      expect(en, key).toBeTruthy();
      expect(placeholders(zh!), key).toEqual(placeholders(en));
    }
  });

  it('names every problem code and labels every param of every node kind', () => {
    for (const code of Object.keys(PROBLEM_CODES)) expect(lookup('zh', `problem.${code}`), code).toBeTruthy();
    const keys = new Set<string>();
    for (const kind of NODE_KINDS) paramKeys(describeSchema(kind.params), keys);
    for (const key of keys) expect(lookup('en', `param.${key}`), key).toBeTruthy();
  });

  it('follows a Chinese system unless the user chose a language', () => {
    expect(systemLanguage(['zh-CN', 'en'])).toBe('zh');
    expect(systemLanguage(['de-DE', 'en-US'])).toBe('en');
    expect(systemLanguage(['zh-TW'])).toBe('zh');
    expect(resolveLanguage('system', 'zh')).toBe('zh');
    expect(resolveLanguage('en', 'zh')).toBe('en');
  });

  it('fills placeholders', () => {
    expect(translator('en')('save.done', { file: 'a.netcanvas.json' })).toBe('Saved a.netcanvas.json');
    expect(translator('zh')('inspector.many', { count: 3 })).toMatch(/^已选择 3 个节点/);
  });
});
