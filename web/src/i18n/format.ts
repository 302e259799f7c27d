import i18next from 'i18next';
import { localeOf } from './languages.ts';

// Dates and numbers in the language the member chose. Calendar dates (YYYY-MM-DD) are read as such whatever the
// time zone; instants (ISO date-times) are shown in the browser's time zone.

/** The Intl locale of the interface's current language. */
export const currentLocale = (): string => localeOf(i18next.language);

/** A calendar date or the date of an instant, for people: "1 Sept 2025", "1 sept 2025", "1. Sept. 2025". */
export function formatDate(value: string | null | undefined, locale = currentLocale()): string {
  if (!value) return '';
  const d = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** An instant with its time to the second, in the browser's time zone (or `timeZone`). */
export function formatDateTime(value: string | null | undefined, locale = currentLocale(), timeZone?: string): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(d);
}

/** A number with the language's separators (1,234.5 / 1234,5 / 1.234,5). */
export function formatNumber(value: number | null | undefined, options?: Intl.NumberFormatOptions, locale = currentLocale()): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(locale, options).format(value);
}
