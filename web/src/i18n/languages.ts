// The console's languages, and which one each member chose (remembered in this browser: it holds no secret).

export const LANGUAGES = [
  { code: 'en', name: 'English', locale: 'en-GB' },
  { code: 'es', name: 'Español', locale: 'es-ES' },
  { code: 'de', name: 'Deutsch', locale: 'de-DE' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

export const isLanguage = (value: unknown): value is Language => LANGUAGES.some((l) => l.code === value);

/** The Intl locale of a language (dates as 30 Nov 2026, 30 nov 2026 or 30.11.2026 and so on). */
export const localeOf = (language: string): string => LANGUAGES.find((l) => l.code === language)?.locale ?? 'en-GB';

/** Where a member's choice is kept; one key per member, and one for signed-out visitors. */
export const storageKey = (memberId: string | null) => (memberId ? `eunomia.language.${memberId}` : 'eunomia.language');

/** The first supported language among the browser's preferred ones, else English. */
export function preferredLanguage(browserLanguages: readonly string[]): Language {
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** The language to show a member: their remembered choice, else the browser's preference. */
export function languageFor(memberId: string | null, storage: Pick<Storage, 'getItem'>, browserLanguages: readonly string[]): Language {
  let stored: string | null = null;
  try {
    stored = storage.getItem(storageKey(memberId));
  } catch {
    // Storage may be unavailable (private modes): the browser's preference then.
  }
  return isLanguage(stored) ? stored : preferredLanguage(browserLanguages);
}
