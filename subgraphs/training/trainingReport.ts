import { TIERS } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { mayFollow } from './assignmentAccess.ts';
import type { ReportRow } from './assignmentView.ts';

export interface TrainingCounts {
  assigned: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  overdue: number;
  completionRate: number;
}

export interface TrainingReport {
  asOf: string;
  totals: TrainingCounts;
  byTier: { tier: string | null; counts: TrainingCounts }[];
  overdueMembers: { id: string }[];
  overdueMembersWithheld: number;
}

function countsOf(rows: ReportRow[]): TrainingCounts {
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  const completed = count('COMPLETED');
  return {
    assigned: rows.length,
    notStarted: count('ASSIGNED'),
    inProgress: count('IN_PROGRESS'),
    completed,
    overdue: count('OVERDUE'),
    completionRate: rows.length ? Math.round((completed / rows.length) * 10_000) / 10_000 : 0,
  };
}

/**
 * Figures over open and completed assignments. Counts are for anyone allowed the report; who is overdue
 * only for viewers the access rule lets follow that member.
 */
export function trainingReportOf(viewer: Viewer, rows: ReportRow[], asOf: string): TrainingReport {
  const tiers: (string | null)[] = [...TIERS];
  if (rows.some((r) => r.tier === null)) tiers.push(null);
  const overdue = new Map<string, ReportRow>();
  for (const r of rows) if (r.status === 'OVERDUE') overdue.set(r.memberId, r);
  const followed = [...overdue.values()].filter((r) => mayFollow(viewer, r)).map((r) => ({ id: r.memberId })).sort((x, y) => x.id.localeCompare(y.id));
  return {
    asOf,
    totals: countsOf(rows),
    byTier: tiers.map((tier) => ({ tier, counts: countsOf(rows.filter((r) => r.tier === tier)) })),
    overdueMembers: followed,
    overdueMembersWithheld: overdue.size - followed.length,
  };
}
