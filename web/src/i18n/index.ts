import i18next from 'i18next';
import type { BackendModule, ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { currentSession, onSessionChange, subjectOf } from '../auth/session.ts';
import { languageFor, LANGUAGES, storageKey } from './languages.ts';
import type { Language } from './languages.ts';

// One catalogue per journey and language (web/src/i18n/<language>/<namespace>.json); English, Spanish and German are
// complete (test/web.i18n.unit.test.ts checks every namespace). Each catalogue is its own small chunk, fetched when a
// page first asks for its namespace in the chosen language (and English, the fallback): the first load carries the
// shell's `common` only, however many journeys and languages the console has.
const catalogues = import.meta.glob<Record<string, unknown>>('./*/*.json', { import: 'default' });

const bundledCatalogues: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = catalogues[`./${language}/${namespace}.json`];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then((messages) => callback(null, messages as never), (err: Error) => callback(err, null));
  },
};

const signedInMember = () => {
  const session = currentSession();
  return session ? subjectOf(session.token) : null;
};
const remembered = (memberId: string | null) => languageFor(memberId, localStorage, navigator.languages ?? [navigator.language]);

// The page's language follows the interface's, so screen readers pronounce it right.
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

// The remembered language and the shell's strings are in place before the first render (no English flash); pages
// wait for their own namespace under the layout's Suspense.
await i18next.use(bundledCatalogues).use(initReactI18next).init({
  lng: remembered(signedInMember()),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES.map((l) => l.code),
  defaultNS: 'common',
  ns: ['common'],
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

const switchTo = async (language: Language) => {
  if (language !== i18next.language) await i18next.changeLanguage(language);
};

// Another member signing in (or out) in this tab gets their own remembered language.
onSessionChange(() => {
  switchTo(remembered(signedInMember())).catch(() => undefined);
});

/** Switches the interface to `language` and remembers it for the signed-in member (or the signed-out visitor). */
export function chooseLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey(signedInMember()), language);
  } catch {
    // Not remembered, still switched.
  }
  switchTo(language).catch(() => undefined);
}

export default i18next;
