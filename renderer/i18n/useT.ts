import { useMemo } from 'react';
import { useApp } from '../store/context';
import { selectLanguage } from '../store/selectors';
import { type Translate, translator } from './i18n';
import type { Language } from './messages';

export const useLanguage = (): Language => useApp(selectLanguage);

/** The translate function for the current language; components re-render when it changes. */
export function useT(): Translate {
  const language = useLanguage();
  return useMemo(() => translator(language), [language]);
}
