import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { currentSession, onSessionChange, subjectOf } from '../auth/session.ts';
import { languageFor, storageKey } from './languages.ts';
import type { Language } from './languages.ts';

// One catalogue per journey (web/src/i18n/<language>/<namespace>.json); English, Spanish and German are complete
// (test/web.i18n.unit.test.ts checks every namespace).
const catalogues = import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, messages] of Object.entries(catalogues)) {
  const [, language, namespace] = /^\.\/([^/]+)\/([^/]+)\.json$/.exec(path)!;
  (resources[language!] ??= {})[namespace!] = messages;
}

const signedInMember = () => {
  const session = currentSession();
  return session ? subjectOf(session.token) : null;
};
const remembered = (memberId: string | null) => languageFor(memberId, localStorage, navigator.languages ?? [navigator.language]);

// The page's language follows the interface's, so screen readers pronounce it right.
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  resources,
  lng: remembered(signedInMember()),
  fallbackLng: 'en',
  supportedLngs: Object.keys(resources),
  defaultNS: 'common',
  ns: Object.keys(resources.en ?? {}),
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

// Another member signing in (or out) in this tab gets their own remembered language.
onSessionChange(() => {
  const language = remembered(signedInMember());
  if (language !== i18next.language) void i18next.changeLanguage(language);
});

/** Switches the interface to `language` and remembers it for the signed-in member (or the signed-out visitor). */
export function chooseLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey(signedInMember()), language);
  } catch {
    // Not remembered, still switched.
  }
  void i18next.changeLanguage(language);
}

export default i18next;
