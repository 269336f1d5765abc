import i18n from 'i18next';

/**
 * The translations of lazy screens, added when their chunk loads: the helpline page's initial
 * JavaScript does not carry the strings of screens it never shows.
 */
export function addTranslations(fr: object, en: object) {
  i18n.addResourceBundle('fr', 'translation', fr, true, false);
  i18n.addResourceBundle('en', 'translation', en, true, false);
}
