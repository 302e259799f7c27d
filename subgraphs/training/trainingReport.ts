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

/** A cell of figures, withheld (null, with the reason) when it could tell about people the viewer may not follow. */
export interface Cell {
  counts: TrainingCounts | null;
  withheld: string | null;
}

export interface TrainingReport {
  asOf: string;
  totals: TrainingCounts | null;
  totalsWithheld: string | null;
  byTier: ({ tier: string | null } & Cell)[];
  overdueMembers: { id: string }[];
  overdueMembersWithheld: number | null;
}

/** Fewer people than this in a cell would let its figures tell about individuals. */
export const SMALL_CELL = 5;
const SMALL = `Fewer than ${SMALL_CELL} people, some of whom you may not follow.`;
const COMPLEMENT = 'Withheld with a smaller cell, which the totals would otherwise reveal.';

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

const peopleIn = (rows: ReportRow[]) => new Set(rows.map((r) => r.memberId)).size;

/** Whether figures over these rows would tell the viewer about people they may not follow. */
function tooSmall(viewer: Viewer, rows: ReportRow[]): boolean {
  const people = peopleIn(rows);
  return people > 0 && people < SMALL_CELL && !rows.every((r) => mayFollow(viewer, r));
}

/**
 * Figures over open and completed assignments. A cell counting fewer than SMALL_CELL people is withheld unless the
 * viewer may follow every one of them; when one tier cell is withheld and the totals are not, the next smallest tier
 * cell is withheld too, so that no subtraction gives it back. Who is overdue only for members the viewer may follow.
 */
export function trainingReportOf(viewer: Viewer, rows: ReportRow[], asOf: string): TrainingReport {
  const tiers: (string | null)[] = [...TIERS];
  if (rows.some((r) => r.tier === null)) tiers.push(null);
  const totalsWithheld = tooSmall(viewer, rows) ? SMALL : null;
  const cells = tiers.map((tier) => {
    const of = rows.filter((r) => r.tier === tier);
    return { tier, rows: of, withheld: tooSmall(viewer, of) ? SMALL : null };
  });
  const withheld = cells.filter((c) => c.withheld);
  if (withheld.length === 1 && !totalsWithheld) {
    const [smallest] = cells.filter((c) => !c.withheld && c.rows.length > 0).sort((a, b) => peopleIn(a.rows) - peopleIn(b.rows));
    if (smallest) smallest.withheld = COMPLEMENT;
  }
  const overdue = new Map<string, ReportRow>();
  for (const r of rows) if (r.status === 'OVERDUE') overdue.set(r.memberId, r);
  const followed = [...overdue.values()].filter((r) => mayFollow(viewer, r)).map((r) => ({ id: r.memberId })).sort((x, y) => x.id.localeCompare(y.id));
  return {
    asOf,
    totals: totalsWithheld ? null : countsOf(rows),
    totalsWithheld,
    byTier: cells.map((c) => ({ tier: c.tier, counts: c.withheld ? null : countsOf(c.rows), withheld: c.withheld })),
    overdueMembers: followed,
    overdueMembersWithheld: totalsWithheld ? null : overdue.size - followed.length,
  };
}
