// Pure logic of the workshop pages: order, dates, who may act, allowed status changes, SWOT grouping, matrix rows.

export const QUADRANTS = ['STRENGTH', 'WEAKNESS', 'OPPORTUNITY', 'THREAT'] as const;
export type Quadrant = (typeof QUADRANTS)[number];
export const TOPICS = ['COMMUNICATION', 'MONITORING', 'INVESTIGATION'] as const;
export type TopicKey = (typeof TOPICS)[number];

/** Workshops in the order they were held (oldest first, so a series reads in order); ties by id. */
export function chronological<W extends { id: string; startsOn: string }>(workshops: readonly W[]): W[] {
  return [...workshops].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id));
}

/** The Intl locale for a console language: English is written the European way (19 Nov 2024, 24-hour clock). */
export const intlLocale = (language: string): string => (language === 'en' ? 'en-GB' : language);

const calendarDate = (value: string) => new Date(`${value.slice(0, 10)}T00:00:00Z`);

/** "19–20 Nov 2024" (or one day when both are the same), in the console's language, read as calendar dates. */
export function formatDateRange(startsOn: string, endsOn: string, locale: string): string {
  const format = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  if (startsOn.slice(0, 10) === endsOn.slice(0, 10)) return format.format(calendarDate(startsOn));
  return format.formatRange(calendarDate(startsOn), calendarDate(endsOn));
}

/** A UTC instant (ISO 8601) as a date and time in the console's language and the browser's time zone. */
export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(d);
}

export interface WorkshopViewer {
  roles: readonly string[];
  agency: { orgKind: string };
}

/** Votes on SWOT items are for law-enforcement staff (the API refuses anyone else). */
export const mayVote = (viewer: WorkshopViewer | null | undefined): boolean => viewer?.agency.orgKind === 'LEA';

/** Moving a recommendation between statuses is for administrators (the API refuses anyone else). */
export const mayChangeStatus = (viewer: WorkshopViewer | null | undefined): boolean => Boolean(viewer?.roles.includes('ADMIN'));

/**
 * The status changes the API allows from each status (as its schema documents them): PROPOSED -> ENDORSED | REJECTED;
 * ENDORSED -> IN_PROGRESS | REJECTED; IN_PROGRESS -> IMPLEMENTED | ENDORSED (paused); REJECTED -> PROPOSED; IMPLEMENTED
 * is final.
 */
const TRANSITIONS: Record<string, readonly string[]> = {
  PROPOSED: ['ENDORSED', 'REJECTED'],
  ENDORSED: ['IN_PROGRESS', 'REJECTED'],
  IN_PROGRESS: ['IMPLEMENTED', 'ENDORSED'],
  REJECTED: ['PROPOSED'],
  IMPLEMENTED: [],
};

export const allowedTransitions = (status: string): readonly string[] => TRANSITIONS[status] ?? [];

/** A status change's reason, trimmed; null when there is none (the form asks for one before sending). */
export function validReason(text: string): string | null {
  const reason = text.trim();
  return reason.length > 0 ? reason : null;
}

/** Items of one topic (or all when topic is null), grouped in the SWOT order; every quadrant is present. */
export function byQuadrant<I extends { quadrant: string; topic: string }>(items: readonly I[], topic: string | null): Record<Quadrant, I[]> {
  const grouped = { STRENGTH: [], WEAKNESS: [], OPPORTUNITY: [], THREAT: [] } as Record<Quadrant, I[]>;
  for (const item of items) {
    if (topic && item.topic !== topic) continue;
    grouped[item.quadrant as Quadrant]?.push(item);
  }
  return grouped;
}

interface QuadrantFigures { quadrant: string; count: number; weight: number }
interface MatrixFigures { itemCount: number; totalWeight: number; quadrants: readonly QuadrantFigures[] }

export interface MatrixRow {
  /** A topic, or null for all topics together. */
  topic: TopicKey | null;
  cells: { quadrant: Quadrant; count: number; weight: number }[];
  itemCount: number;
  totalWeight: number;
}

/** The readable matrix: one row per topic and a last row for all topics, one cell per quadrant in SWOT order. */
export function matrixRows(perTopic: Record<TopicKey, MatrixFigures>, all: MatrixFigures): MatrixRow[] {
  const row = (topic: TopicKey | null, figures: MatrixFigures): MatrixRow => ({
    topic,
    cells: QUADRANTS.map((quadrant) => {
      const q = figures.quadrants.find((f) => f.quadrant === quadrant);
      return { quadrant, count: q?.count ?? 0, weight: q?.weight ?? 0 };
    }),
    itemCount: figures.itemCount,
    totalWeight: figures.totalWeight,
  });
  return [...TOPICS.map((topic) => row(topic, perTopic[topic])), row(null, all)];
}

export interface ImplementationLink {
  type: string;
  procedure?: { id: string; title: string } | null;
  legalFramework?: { id: string; shortTitle: string } | null;
  curriculum?: { id: string; title: string } | null;
}

/** Where a recommendation's implementing item is read, and its name; null when the API left the target out. */
export function implementationTarget(link: ImplementationLink): { href: string; name: string } | null {
  if (link.type === 'PROCEDURE' && link.procedure) return { href: `/procedures/${encodeURIComponent(link.procedure.id)}`, name: link.procedure.title };
  if (link.type === 'LEGAL_FRAMEWORK' && link.legalFramework) {
    return { href: `/items/LEGAL_FRAMEWORK/${encodeURIComponent(link.legalFramework.id)}`, name: link.legalFramework.shortTitle };
  }
  if (link.type === 'CURRICULUM' && link.curriculum) return { href: `/items/CURRICULUM/${encodeURIComponent(link.curriculum.id)}`, name: link.curriculum.title };
  return null;
}

/** The workshops' own jurisdictions worth filtering the matrix by: the Union, states and regions, by name. */
export function matrixJurisdictions<J extends { code: string; name: string; level: string }>(list: readonly J[]): J[] {
  return list.filter((j) => j.level === 'SUPRANATIONAL' || j.level === 'NATIONAL' || j.level === 'REGIONAL')
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
