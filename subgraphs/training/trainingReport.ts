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

/** Fewer people than this, among those a viewer may not follow, would let a cell's figures tell about individuals. */
export const SMALL_CELL = 5;
const SMALL = `Counts fewer than ${SMALL_CELL} people you may not follow.`;
const COMPLEMENT = `Withheld with smaller cells: together they count ${SMALL_CELL} or more people you may not follow, so the totals do not give any of them back.`;

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
 * How many people counted in these rows the viewer may not follow. The viewer knows the figures of everyone they may
 * follow, so those come off any cell by subtraction: what a cell tells is what it counts of the others.
 */
const unfollowedIn = (viewer: Viewer, rows: ReportRow[]) => new Set(rows.filter((r) => !mayFollow(viewer, r)).map((r) => r.memberId)).size;
const tooSmall = (unfollowed: number) => unfollowed > 0 && unfollowed < SMALL_CELL;

/**
 * Figures over open and completed assignments. A cell is withheld when it counts fewer than SMALL_CELL people the
 * viewer may not follow (and any at all). The totals are the sum of the tier cells, so they give back the withheld
 * cells taken together: further cells are withheld, fewest unfollowed people first, until the withheld cells count
 * SMALL_CELL or more people the viewer may not follow (always possible when the totals themselves are shown). Who is
 * overdue only for members the viewer may follow.
 */
export function trainingReportOf(viewer: Viewer, rows: ReportRow[], asOf: string): TrainingReport {
  const tiers: (string | null)[] = [...TIERS];
  if (rows.some((r) => r.tier === null)) tiers.push(null);
  const totalsWithheld = tooSmall(unfollowedIn(viewer, rows)) ? SMALL : null;
  const cells = tiers.map((tier) => {
    const of = rows.filter((r) => r.tier === tier);
    const unfollowed = unfollowedIn(viewer, of);
    return { tier, rows: of, unfollowed, withheld: tooSmall(unfollowed) ? SMALL : null as string | null };
  });
  if (!totalsWithheld) {
    // Tiers part people: the unfollowed people of withheld cells add up.
    let hidden = cells.reduce((n, c) => n + (c.withheld ? c.unfollowed : 0), 0);
    const others = cells.filter((c) => !c.withheld && c.unfollowed > 0).sort((a, b) => a.unfollowed - b.unfollowed);
    for (const cell of others) {
      if (hidden === 0 || hidden >= SMALL_CELL) break;
      cell.withheld = COMPLEMENT;
      hidden += cell.unfollowed;
    }
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
