import { hasRole } from './access.ts';
import type { Viewer } from './access.ts';
import { badInput } from './errors.ts';
import { today } from './scalars.ts';

/**
 * A date from which a change takes effect. One before today rewrites what reads `at` a past date return, so it is
 * refused unless an administrator gives a reason, which the caller keeps with the version. Returns that reason, or null
 * when the date is not in the past (a reason is then not needed and not kept). `reason` comes validated (trimmed,
 * bounded) by the caller's input schema.
 */
export function backdatingReason(viewer: Viewer, field: string, date: string, reason: string | null | undefined): string | null {
  if (date >= today()) return null;
  const given = reason ?? null;
  if (!hasRole(viewer, 'ADMIN')) {
    throw badInput(`${field} must be today or later: a past date would rewrite what the platform reports for that time. Only an administrator may backdate, with a reason.`);
  }
  if (given === null) throw badInput(`Give a reason to set ${field} before today: it is kept in the history.`);
  return given;
}
