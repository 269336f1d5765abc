import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { fr } from './fr.ts';

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'parcours.language';

const stored = (): Language => {
  const value = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  return value === 'en' ? 'en' : 'fr';
};

/** French first (the default), English on request; the choice is remembered on this computer. */
export async function startI18n() {
  await i18n.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: stored(),
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18n.language;
  return i18n;
}

export async function changeLanguage(language: Language) {
  localStorage.setItem(storageKey, language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
