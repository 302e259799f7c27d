// Shapes the training API's answers into what the training pages show. Pure: no React, no network (unit-tested in node).
import { csvDocument } from '../../../../lib/csv.ts';
import type { TrainingCountsFieldsFragment } from '../../gql/graphql.ts';

export type Audience = 'MANAGER' | 'PRACTITIONER' | 'ALL';
export type Tier = 'MANAGER' | 'PRACTITIONER';

/** Audiences in the order a trainer reads them: the broadest first. */
export const AUDIENCES: readonly Audience[] = ['ALL', 'PRACTITIONER', 'MANAGER'];

/** Curricula grouped by the audience they are written for, each group by title. Empty groups are left out. */
export function byAudience<C extends { audience: string; title: string }>(curricula: readonly C[]): { audience: Audience; curricula: C[] }[] {
  return AUDIENCES.map((audience) => ({
    audience,
    curricula: curricula.filter((c) => c.audience === audience).sort((a, b) => a.title.localeCompare(b.title)),
  })).filter((g) => g.curricula.length > 0);
}

/** Whether a member of this tier is outside the curriculum's audience (a member without a tier never fits a tiered course). */
export function tierMismatch(audience: string, tier: string | null | undefined): boolean {
  return audience !== 'ALL' && audience !== tier;
}

export interface UnitMember {
  id: string;
  displayName: string;
  tier?: string | null;
  active: boolean;
}

export interface UnitPreview {
  /** Members who will get a new assignment. */
  toAssign: UnitMember[];
  /** Members in the audience who already hold an open assignment of the curriculum (reported, not assigned again). */
  alreadyAssigned: UnitMember[];
  /** Members left out because the curriculum is not written for their tier. */
  outsideAudience: UnitMember[];
}

/**
 * What a unit-wide assignment will do, as the API will do it: every active member in the curriculum's audience, less
 * those who already hold an open (not started or in progress, overdue included) assignment of it.
 */
export function unitPreview(members: readonly UnitMember[], audience: string, openAssigneeIds: ReadonlySet<string>): UnitPreview {
  const preview: UnitPreview = { toAssign: [], alreadyAssigned: [], outsideAudience: [] };
  for (const m of [...members].filter((x) => x.active).sort((a, b) => a.displayName.localeCompare(b.displayName))) {
    if (tierMismatch(audience, m.tier)) preview.outsideAudience.push(m);
    else if (openAssigneeIds.has(m.id)) preview.alreadyAssigned.push(m);
    else preview.toAssign.push(m);
  }
  return preview;
}

/** Open assignments hold a member's place: a new one for the same curriculum would be a duplicate. */
export const isOpen = (status: string) => status === 'ASSIGNED' || status === 'IN_PROGRESS' || status === 'OVERDUE';

/** What a member's assignment asks of them now: a refresher, overdue work, or its status. */
export function assignmentState(a: { status: string; overdue: boolean; needsRefresh: boolean }): string {
  if (a.status === 'COMPLETED' && a.needsRefresh) return 'REFRESH';
  if (a.overdue) return 'OVERDUE';
  return a.status;
}

export interface RelatedProcedure {
  id: string;
  title: string;
  language?: string;
  reviewStatus: string;
  jurisdiction: { code: string; name: string };
  history: readonly { version: number; status: string; publishedAt?: string | null }[];
}

export interface RefreshReason {
  procedure: RelatedProcedure;
  /** NEEDS_REVIEW: marked for review (its legal basis changed); PUBLISHED: a new version published after completion. */
  kind: 'NEEDS_REVIEW' | 'PUBLISHED';
  version: number | null;
  on: string | null;
}

/**
 * Why a completed course needs a refresher: the procedures it teaches that were marked for review, or got a new
 * version published, after the member completed it (what the platform reacts to). Procedures the member may not see
 * are not in the list the API returns, so they are never named.
 */
export function refreshReasons(completedOn: string | null | undefined, procedures: readonly RelatedProcedure[]): RefreshReason[] {
  const reasons: RefreshReason[] = [];
  for (const p of procedures) {
    if (p.reviewStatus === 'NEEDS_REVIEW') {
      reasons.push({ procedure: p, kind: 'NEEDS_REVIEW', version: null, on: null });
      continue;
    }
    const newer = p.history
      .filter((v) => v.publishedAt && completedOn && v.publishedAt.slice(0, 10) > completedOn)
      .sort((a, b) => b.version - a.version)[0];
    if (newer) reasons.push({ procedure: p, kind: 'PUBLISHED', version: newer.version, on: newer.publishedAt!.slice(0, 10) });
  }
  return reasons.sort((a, b) => a.procedure.title.localeCompare(b.procedure.title));
}

export interface ModuleResult {
  module: { id: string };
  completed: boolean;
  score?: number | null;
  passed: boolean;
}

/** A module's state for the member: passed, completed without passing, or still to do. */
export function moduleState(moduleId: string, progress: readonly ModuleResult[]): 'PASSED' | 'FAILED' | 'TODO' {
  const p = progress.find((x) => x.module.id === moduleId);
  if (!p || !p.completed) return 'TODO';
  return p.passed ? 'PASSED' : 'FAILED';
}

/** A score as typed: null when empty, a whole number 0-100, or an error key. */
export function parseScore(text: string, scored: boolean): { score: number | null; error: 'required' | 'range' | null } {
  const trimmed = text.trim();
  if (trimmed === '') return { score: null, error: scored ? 'required' : null };
  if (!/^\d{1,3}$/.test(trimmed) || Number(trimmed) > 100) return { score: null, error: 'range' };
  return { score: Number(trimmed), error: null };
}

// ---- The report -------------------------------------------------------------------------------------------------

/** A cell's figures as the API returns them. */
export type Counts = TrainingCountsFieldsFragment;

export interface TierRow {
  tier?: string | null;
  counts?: Counts | null;
  withheld?: string | null;
}

/** The parts of a tier's assignments, in the order the chart stacks them (done first, what needs chasing last). */
export const SEGMENTS = ['completed', 'inProgress', 'notStarted', 'overdue'] as const;
export type Segment = (typeof SEGMENTS)[number];

export interface ChartBar {
  tier: string | null;
  y: number;
  withheld: string | null;
  assigned: number | null;
  segments: { key: Segment; value: number; x: number; width: number }[];
}

export interface ChartGeometry {
  width: number;
  height: number;
  /** Where bars start (room for the tier labels) and how wide the longest bar may be. */
  plotX: number;
  plotWidth: number;
  barHeight: number;
  bars: ChartBar[];
  /** Gridline positions and their values, on whole numbers. */
  ticks: { x: number; value: number }[];
}

/** A few round tick values from 0 to at least max. */
export function ticksFor(max: number): number[] {
  if (max <= 0) return [0];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

/**
 * Horizontal stacked bars, one per tier, on one scale (the largest shown tier's assignments or the last tick). A
 * withheld tier gets no bar, only its label: its figures are not known, and a zero-length bar would read as none.
 */
export function chartGeometry(rows: readonly TierRow[], width = 640): ChartGeometry {
  const plotX = 130;
  const plotWidth = width - plotX - 48;
  const barHeight = 32;
  const gap = 18;
  const top = 8;
  const max = Math.max(0, ...rows.map((r) => r.counts?.assigned ?? 0));
  const tickValues = ticksFor(max);
  const scaleMax = Math.max(1, tickValues[tickValues.length - 1]!);
  const scale = (v: number) => (v / scaleMax) * plotWidth;
  const bars = rows.map((r, i): ChartBar => {
    const y = top + i * (barHeight + gap);
    if (!r.counts) return { tier: r.tier ?? null, y, withheld: r.withheld ?? '', assigned: null, segments: [] };
    let x = plotX;
    const segments = SEGMENTS.map((key) => {
      const value = r.counts![key];
      const segment = { key, value, x, width: scale(value) };
      x += segment.width;
      return segment;
    });
    return { tier: r.tier ?? null, y, withheld: null, assigned: r.counts.assigned, segments };
  });
  const height = top + rows.length * (barHeight + gap) + 24;
  return { width, height, plotX, plotWidth, barHeight, bars, ticks: tickValues.map((value) => ({ value, x: plotX + scale(value) })) };
}

export interface CsvLabels {
  header: string[];
  tier: (tier: string | null | undefined) => string;
  total: string;
  withheld: (reason: string) => string;
  rate: (rate: number) => string;
}

/** The report's figures as CSV (what the API returned, withheld cells written as withheld, never as 0). */
export function reportCsv(report: { byTier: readonly TierRow[]; totals?: Counts | null; totalsWithheld?: string | null }, labels: CsvLabels): string {
  const line = (name: string, counts: Counts | null | undefined, withheld: string | null | undefined): string[] => counts
    ? [name, ...(['assigned', 'notStarted', 'inProgress', 'completed', 'overdue'] as const).map((k) => String(counts[k])), labels.rate(counts.completionRate), '']
    : [name, '', '', '', '', '', '', labels.withheld(withheld ?? '')];
  return csvDocument([
    labels.header,
    ...report.byTier.map((r) => line(labels.tier(r.tier), r.counts, r.withheld)),
    line(labels.total, report.totals, report.totalsWithheld),
  ]);
}

/** e.g. eunomia-training-es-ct-mossos-2026-11-30.csv */
export function reportFileName(scope: string, asOf: string): string {
  return `eunomia-training-${scope.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${asOf}.csv`;
}
