import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { currentSession, onSessionChange, subjectOf } from '../auth/session.ts';
import { languageFor, LANGUAGES, storageKey } from './languages.ts';
import type { Language } from './languages.ts';

// One catalogue per journey (web/src/i18n/<language>/<namespace>.json); English, Spanish and German are complete
// (test/web.i18n.unit.test.ts checks every namespace). English is built in (it is also the fallback); another
// language's catalogues are fetched when it is chosen, so the first load carries one language only.
const english = import.meta.glob<Record<string, unknown>>('./en/*.json', { eager: true, import: 'default' });
const others = import.meta.glob<Record<string, unknown>>(['./*/*.json', '!./en/*.json'], { import: 'default' });
const fileOf = (path: string) => /^\.\/([^/]+)\/([^/]+)\.json$/.exec(path)!.slice(1) as [string, string];
const resources: Record<string, Record<string, Record<string, unknown>>> = { en: {} };
for (const [path, messages] of Object.entries(english)) resources.en![fileOf(path)[1]] = messages;
const loaded = new Set<string>(['en']);

/** Fetches a language's catalogues once; English is always there. */
async function load(language: string): Promise<void> {
  if (loaded.has(language)) return;
  const files = Object.entries(others).filter(([path]) => fileOf(path)[0] === language);
  const bundles = await Promise.all(files.map(async ([path, fetchIt]) => [fileOf(path)[1], await fetchIt()] as const));
  for (const [namespace, messages] of bundles) i18next.addResourceBundle(language, namespace, messages, true, true);
  loaded.add(language);
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

const initial = remembered(signedInMember());
await i18next.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: LANGUAGES.map((l) => l.code),
  partialBundledLanguages: true,
  defaultNS: 'common',
  ns: Object.keys(resources.en ?? {}),
  interpolation: { escapeValue: false },
  returnNull: false,
});
// The remembered language is in place before the first render (no English flash).
await switchTo(initial).catch(() => undefined);
document.documentElement.lang = i18next.language;

async function switchTo(language: Language): Promise<void> {
  await load(language);
  if (language !== i18next.language) await i18next.changeLanguage(language);
}

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
