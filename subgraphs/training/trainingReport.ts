import { TIERS } from '../../lib/access.ts';
import type { Tier, Viewer } from '../../lib/access.ts';
import { today } from '../../lib/scalars.ts';
import { followedSql } from './assignmentAccess.ts';
import { derivedStatusSql } from './views.ts';

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
  byTier: ({ tier: Tier | null } & Cell)[];
  overdueMembers: { id: string }[];
  overdueMembersWithheld: number | null;
}

/** Fewer people than this, among those a viewer may not follow, would let a cell's figures tell about individuals. */
export const SMALL_CELL = 5;
const SMALL = `Counts fewer than ${SMALL_CELL} people you may not follow.`;
const COMPLEMENT = `Withheld with smaller cells: together they count ${SMALL_CELL} or more people you may not follow, so the totals do not give any of them back.`;

/**
 * A tier's figures as SQL counts them over open and completed assignments: by status, and the people counted whom the
 * viewer may not follow (each member has one tier, so tiers add up to the totals).
 */
export interface TierFigures {
  tier: string | null;
  assigned: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  overdue: number;
  /** People counted whom the viewer may not follow. */
  unfollowed: number;
  /** Overdue people whom the viewer may not follow. */
  overdueUnfollowed: number;
  /** Overdue people whom the viewer may follow. */
  overdueFollowed: string[];
}

/**
 * Figures per tier (per `groupBy` and tier when given, as "group") over the assignments `a` that `from` (joins) and
 * `where` select, with the assignee's principal `pr`. The viewer knows the figures of everyone they may follow, so
 * those come off any cell by subtraction: what a cell tells is what it counts of the others.
 */
export function tierFiguresSql(viewer: Viewer, params: unknown[], from: string, where: string[], groupBy?: string): string {
  params.push(today());
  const status = derivedStatusSql(`$${params.length}::date`);
  const followed = followedSql(viewer, params);
  const group = groupBy ? 'r."group", ' : '';
  return `SELECT ${group}r.tier, count(*)::int AS assigned, count(*) FILTER (WHERE r.status = 'ASSIGNED')::int AS "notStarted",
      count(*) FILTER (WHERE r.status = 'IN_PROGRESS')::int AS "inProgress", count(*) FILTER (WHERE r.status = 'COMPLETED')::int AS completed,
      count(*) FILTER (WHERE r.status = 'OVERDUE')::int AS overdue,
      count(DISTINCT r.member_id) FILTER (WHERE NOT r.followed)::int AS unfollowed,
      count(DISTINCT r.member_id) FILTER (WHERE r.status = 'OVERDUE' AND NOT r.followed)::int AS "overdueUnfollowed",
      coalesce(array_agg(DISTINCT r.member_id) FILTER (WHERE r.status = 'OVERDUE' AND r.followed), '{}') AS "overdueFollowed"
    FROM (SELECT ${groupBy ? `${groupBy} AS "group", ` : ''}a.member_id, ${status} AS status, pr.tier, coalesce(${followed}, false) AS followed
      FROM training.assignments a LEFT JOIN access.principals pr ON pr.member_id = a.member_id ${from}
      WHERE ${where.join(' AND ')}) r
    GROUP BY ${group}r.tier`;
}

const noFigures = (tier: string | null): TierFigures => ({
  tier, assigned: 0, notStarted: 0, inProgress: 0, completed: 0, overdue: 0, unfollowed: 0, overdueUnfollowed: 0, overdueFollowed: [],
});

function countsOf(f: TierFigures): TrainingCounts {
  return {
    assigned: f.assigned,
    notStarted: f.notStarted,
    inProgress: f.inProgress,
    completed: f.completed,
    overdue: f.overdue,
    completionRate: f.assigned ? Math.round((f.completed / f.assigned) * 10_000) / 10_000 : 0,
  };
}

function sumOf(figures: TierFigures[]): TierFigures {
  const total = noFigures(null);
  for (const f of figures) {
    for (const key of ['assigned', 'notStarted', 'inProgress', 'completed', 'overdue', 'unfollowed', 'overdueUnfollowed'] as const) total[key] += f[key];
    total.overdueFollowed.push(...f.overdueFollowed);
  }
  return total;
}

const tooSmall = (unfollowed: number) => unfollowed > 0 && unfollowed < SMALL_CELL;

/**
 * The report from the tiers' figures. A cell is withheld when it counts fewer than SMALL_CELL people the viewer may
 * not follow (and any at all). The totals are the sum of the tier cells, so they give back the withheld cells taken
 * together: further cells are withheld, fewest unfollowed people first, until the withheld cells count SMALL_CELL or
 * more people the viewer may not follow (always possible when the totals themselves are shown). Who is overdue only
 * for members the viewer may follow.
 */
export function trainingReportOf(figures: TierFigures[], asOf: string): TrainingReport {
  const tiers: (Tier | null)[] = [...TIERS];
  if (figures.some((f) => f.tier === null)) tiers.push(null);
  const total = sumOf(figures);
  const totalsWithheld = tooSmall(total.unfollowed) ? SMALL : null;
  const cells = tiers.map((tier) => {
    const of = figures.find((f) => f.tier === tier) ?? noFigures(tier);
    return { tier, figures: of, unfollowed: of.unfollowed, withheld: tooSmall(of.unfollowed) ? SMALL : null as string | null };
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
  return {
    asOf,
    totals: totalsWithheld ? null : countsOf(total),
    totalsWithheld,
    byTier: cells.map((c) => ({ tier: c.tier, counts: c.withheld ? null : countsOf(c.figures), withheld: c.withheld })),
    overdueMembers: total.overdueFollowed.sort((x, y) => x.localeCompare(y)).map((id) => ({ id })),
    overdueMembersWithheld: totalsWithheld ? null : total.overdueUnfollowed,
  };
}
