import type { StateCreator } from 'zustand';
import type { Language } from '../i18n/messages';
import type { KeyValueStore } from '../platform/types';
import { selectDisplayName } from './selectors';
import type { AppState, ThemePreference, UiSlice } from './types';

export interface UiSliceOptions {
  preferences?: KeyValueStore;
  systemLanguage?: Language;
}

const THEMES: readonly ThemePreference[] = ['system', 'light', 'dark'];
const LANGUAGES = ['system', 'en', 'zh'] as const;

export const createUiSlice =
  (options: UiSliceOptions = {}): StateCreator<AppState, [], [], UiSlice> =>
  (set, get) => {
    const prefs = options.preferences;
    const storedTheme = prefs?.get('theme') as ThemePreference | null | undefined;
    const storedLanguage = prefs?.get('language') as (typeof LANGUAGES)[number] | null | undefined;
    let toastId = 0;
    return {
      themePreference: storedTheme && THEMES.includes(storedTheme) ? storedTheme : 'system',
      languagePreference: storedLanguage && LANGUAGES.includes(storedLanguage) ? storedLanguage : 'system',
      systemLanguage: options.systemLanguage ?? 'en',
      showMinimap: prefs?.get('minimap') !== 'false',
      search: null,
      dialog: null,
      toast: null,
      focusRequest: null,
      fitRequest: 0,
      preferences: prefs ?? null,
      setThemePreference(theme) {
        prefs?.set('theme', theme);
        set({ themePreference: theme });
      },
      setLanguagePreference(language) {
        prefs?.set('language', language);
        set({ languagePreference: language });
      },
      setShowMinimap(show) {
        prefs?.set('minimap', String(show));
        set({ showMinimap: show });
      },
      openSearch: (search) => set({ search }),
      closeSearch: () => set({ search: null }),
      showDialog: (dialog) => set({ dialog }),
      closeDialog: () => set({ dialog: null }),
      confirmDiscard() {
        return new Promise<boolean>((resolve) => {
          const name = selectDisplayName(get());
          set({
            dialog: {
              type: 'confirmDiscard',
              name,
              resolve: (ok) => {
                set({ dialog: null });
                resolve(ok);
              },
            },
          });
        });
      },
      showToast(kind, message) {
        toastId += 1;
        set({ toast: { id: toastId, kind, ...message } });
      },
      dismissToast: () => set({ toast: null }),
      requestFit: () => set((s) => ({ fitRequest: s.fitRequest + 1 })),
      focusNode(nodeId) {
        const nonce = (get().focusRequest?.nonce ?? 0) + 1;
        set({ focusRequest: { nodeId, nonce }, selectedNodes: new Set([nodeId]), selectedEdges: new Set() });
      },
    };
  };
