/** A YYYY-MM-DD date written out for people ("1 Sep 2025"), read as a calendar date whatever the time zone. */
export function formatDate(value: string | null | undefined, locale = 'en-GB'): string {
  if (!value) return '';
  const d = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}
