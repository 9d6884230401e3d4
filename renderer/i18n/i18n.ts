import { type Language, MESSAGES, type MessageKey } from './messages';

export type { Language, MessageKey } from './messages';
export type LanguagePreference = Language | 'system';
export type Translate = (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => string;

/** The language of the system: Simplified Chinese for any zh locale, else English. */
export function systemLanguage(languages: readonly string[]): Language {
  const first = languages.find((l) => /^(en|zh)\b/i.test(l));
  return first?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function resolveLanguage(preference: LanguagePreference, system: Language): Language {
  return preference === 'system' ? system : preference;
}

/** Fills `{name}` placeholders: fillIn('At least {min}.', {min: 1}) → 'At least 1.'. */
export const fillIn = (text: string, vars?: Readonly<Record<string, string | number>>): string =>
  vars ? text.replace(/\{(\w+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all)) : text;

/** A translate function for one language. */
export function translator(language: Language): Translate {
  const table = MESSAGES[language];
  return (key, vars) => fillIn(table[key] ?? MESSAGES.en[key] ?? key, vars);
}

/** Looks up a key built at run time (`param.${name}`); undefined when the table has none. */
export function lookup(language: Language, key: string): string | undefined {
  const table = MESSAGES[language] as Readonly<Record<string, string>>;
  return table[key];
}
