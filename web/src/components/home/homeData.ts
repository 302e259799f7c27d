// Shapes the API's answers into what the home page lists. Pure: no React, no network (unit-tested in node).

export interface VersionEntry {
  version: number;
  status: string;
  title: string;
  publishedAt?: string | null;
  changeNote?: string | null;
}

export interface ProcedureWithHistory {
  id: string;
  topic: string;
  jurisdiction: { code: string; name: string };
  history: VersionEntry[];
}

export interface RecentVersion {
  procedureId: string;
  title: string;
  topic: string;
  jurisdiction: { code: string; name: string };
  version: number;
  publishedAt: string;
  changeNote: string | null;
}

/**
 * The newest published versions, one per procedure (its latest publication), newest first. Drafts have no
 * publication date and are not news; versions the viewer may not see are not in the history the API returns.
 */
export function recentVersions(procedures: readonly ProcedureWithHistory[], limit = 8): RecentVersion[] {
  const latest: RecentVersion[] = [];
  for (const p of procedures) {
    let newest: VersionEntry | null = null;
    for (const v of p.history) {
      if (!v.publishedAt || v.status === 'DRAFT') continue;
      if (!newest || v.publishedAt > newest.publishedAt! || (v.publishedAt === newest.publishedAt && v.version > newest.version)) newest = v;
    }
    if (newest) {
      latest.push({
        procedureId: p.id, title: newest.title, topic: p.topic, jurisdiction: p.jurisdiction,
        version: newest.version, publishedAt: newest.publishedAt!, changeNote: newest.changeNote ?? null,
      });
    }
  }
  const time = (iso: string) => Date.parse(iso);
  return latest
    .sort((a, b) => time(b.publishedAt) - time(a.publishedAt) || a.procedureId.localeCompare(b.procedureId))
    .slice(0, limit);
}

export interface ReviewCandidate {
  id: string;
  title: string;
  reviewStatus: string;
  jurisdiction: { code: string };
}

/** Procedures of the member's jurisdiction whose legal basis changed and that await review, by title. */
export function needingReview<T extends ReviewCandidate>(procedures: readonly T[], jurisdiction: string): T[] {
  return procedures
    .filter((p) => p.reviewStatus === 'NEEDS_REVIEW' && p.jurisdiction.code === jurisdiction)
    .sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

export interface AssignmentLike {
  id: string;
  dueOn: string;
  status: string;
  overdue: boolean;
  needsRefresh: boolean;
  refreshDueOn?: string | null;
}

const CLOSED = new Set(['COMPLETED', 'CANCELLED']);

/** The date the member has to act by: the refresher's when a completed course needs refreshing. */
export const actByOf = (a: AssignmentLike): string => (CLOSED.has(a.status) && a.needsRefresh && a.refreshDueOn ? a.refreshDueOn : a.dueOn);

/**
 * Training still to do: assignments not completed or cancelled, and completed ones whose refresher is due.
 * Overdue first, then by the date to act by.
 */
export function openAssignments<T extends AssignmentLike>(assignments: readonly T[]): T[] {
  return assignments
    .filter((a) => !CLOSED.has(a.status) || (a.status === 'COMPLETED' && a.needsRefresh))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || actByOf(a).localeCompare(actByOf(b)) || a.id.localeCompare(b.id));
}

/** A calendar date (YYYY-MM-DD) or an instant, written for people, e.g. "30 Sept 2026". */
export function formatDate(value: string, locale: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}
