import type { StateCreator } from 'zustand';
import type { AppState } from './appStore';
import { initialLanguage, keepLanguage, type Language } from '../i18n/language';

export interface LanguageSlice {
  language: Language;
  setLanguage(language: Language): void;
}

export const createLanguageSlice: StateCreator<AppState, [], [], LanguageSlice> = (set) => ({
  language: typeof localStorage === 'undefined' ? 'en' : initialLanguage(),
  setLanguage: (language) => {
    keepLanguage(language);
    set({ language });
  },
});
