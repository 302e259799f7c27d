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
const COMPLEMENT = `Withheld with smaller cells: together they count ${SMALL_CELL} or more people you may not follow, so the totals do not give any of them back.`;
const TOTALS_COMPLEMENT = `Withheld because the tier cells withheld count fewer than ${SMALL_CELL} people you may not follow, whom the totals would give back.`;

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

/** The people counted in these rows whom the viewer may not follow: what the figures could tell the viewer about. */
const unfollowedIn = (viewer: Viewer, rows: ReportRow[]) => new Set(rows.filter((r) => !mayFollow(viewer, r)).map((r) => r.memberId));

/** Whether figures over these rows would tell the viewer about people they may not follow. */
function tooSmall(viewer: Viewer, rows: ReportRow[]): boolean {
  const people = peopleIn(rows);
  return people > 0 && people < SMALL_CELL && !rows.every((r) => mayFollow(viewer, r));
}

/**
 * Figures over open and completed assignments. A cell counting fewer than SMALL_CELL people is withheld unless the
 * viewer may follow every one of them. The totals are the sum of the tier cells, and the viewer knows the figures of
 * everyone they may follow, so the totals give back the withheld cells taken together: further cells are withheld,
 * fewest unfollowed people first, until the withheld cells count SMALL_CELL or more people the viewer may not follow,
 * and the totals are withheld when no cell is left to add. Who is overdue only for members the viewer may follow.
 */
export function trainingReportOf(viewer: Viewer, rows: ReportRow[], asOf: string): TrainingReport {
  const tiers: (string | null)[] = [...TIERS];
  if (rows.some((r) => r.tier === null)) tiers.push(null);
  let totalsWithheld = tooSmall(viewer, rows) ? SMALL : null;
  const cells = tiers.map((tier) => {
    const of = rows.filter((r) => r.tier === tier);
    return { tier, rows: of, unfollowed: unfollowedIn(viewer, of).size, withheld: tooSmall(viewer, of) ? SMALL : null as string | null };
  });
  // Tiers part people: the unfollowed people of withheld cells add up.
  const hiddenTogether = () => cells.reduce((n, c) => n + (c.withheld ? c.unfollowed : 0), 0);
  if (!totalsWithheld && cells.some((c) => c.withheld)) {
    const others = cells.filter((c) => !c.withheld && c.unfollowed > 0).sort((a, b) => a.unfollowed - b.unfollowed);
    while (hiddenTogether() < SMALL_CELL && others.length > 0) others.shift()!.withheld = COMPLEMENT;
    if (hiddenTogether() < SMALL_CELL) totalsWithheld = TOTALS_COMPLEMENT;
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
