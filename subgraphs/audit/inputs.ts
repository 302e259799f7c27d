import { z } from 'zod';

/** The calendar date and the time are real (Date.parse would roll 2025-02-30 over to March). */
function isCalendarInstant(s: string): boolean {
  const day = s.slice(0, 10);
  const calendar = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(calendar.getTime()) || calendar.toISOString().slice(0, 10) !== day) return false;
  const [h = 0, m = 0, sec = 0] = (/T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(s) ?? []).slice(1).map((v) => Number(v ?? 0));
  return h < 24 && m < 60 && sec < 60 && !Number.isNaN(Date.parse(s));
}

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** An ISO 8601 date or date-time; without an offset it is UTC. */
const instant = z.string().regex(INSTANT, 'must be an ISO 8601 date or date-time, e.g. 2025-03-01 or 2025-03-01T12:00:00Z')
  .transform((s) => (s.length === 10 ? `${s}T00:00:00Z` : /(Z|[+-]\d{2}:?\d{2})$/.test(s) ? s : `${s}Z`))
  .refine(isCalendarInstant, 'is not a valid date');

export const auditFilterInput = z.object({
  member: z.string().max(100).nullish(),
  entity: z.string().max(200).nullish(),
  entityType: z.string().max(100).nullish(),
  kind: z.enum(['MUTATION', 'CONSULTATION', 'DENIAL', 'EXPORT']).nullish(),
  decision: z.enum(['ALLOWED', 'DENIED']).nullish(),
  from: instant.nullish(),
  to: instant.nullish(),
}).nullish();
