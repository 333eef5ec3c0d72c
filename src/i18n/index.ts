/**
 * The interface's languages through i18next (core only: React components take their words from
 * useT, src/components/hooks.ts, which follows the language kept in the store). French, the
 * default, is in the main bundle; English is a chunk of its own, fetched before the page first
 * shows in English (main.tsx) or before the switch changes the language: French readers never
 * download it.
 */
import i18next from 'i18next';
import { LOCALES, type Lang, type Wording } from '../domain/types';
import { fr, type Catalogue } from './fr';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}

const i18n = i18next.createInstance();
// Languages are named by their locale, so that i18next's plurals ({count}) and number formats
// ({{n, number}}) come from Intl in fr-FR and en-GB.
void i18n.init({
  resources: { [LOCALES.fr]: { translation: fr } },
  lng: LOCALES.fr,
  // A language whose catalogue is not there yet speaks French rather than showing keys.
  fallbackLng: LOCALES.fr,
  // Synchronous: the resources are here, the first render must have its words.
  initAsync: false,
  // React escapes text itself; the map and the files write text nodes or plain text.
  interpolation: { escapeValue: false },
  returnNull: false,
});

const cache = new Map<Lang, Wording>();

/** The words of `lang`: its translation function, and the language for Intl. */
export function wording(lang: Lang): Wording {
  let found = cache.get(lang);
  if (!found) {
    found = { t: i18n.getFixedT(LOCALES[lang]), lang };
    cache.set(lang, found);
  }
  return found;
}

const loaded = new Set<Lang>(['fr']);

/** Fetches the catalogue of `lang` (once); resolves when its words are there. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (loaded.has(lang)) return;
  const { en } = await import('./en');
  i18n.addResourceBundle(LOCALES.en, 'translation', en);
  loaded.add('en');
}

