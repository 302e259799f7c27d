import type { z } from 'zod';
import { visibilitySql } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { sqlConditions } from '../../lib/sqlConditions.ts';
import { sql } from '../../lib/sqlFragments.ts';
import { QUADRANTS } from './inputs.ts';
import type { swotMatrixInput } from './inputs.ts';
import type { WorkshopLoaders } from './loaders.ts';
import { SWOT_ITEM_COLUMNS, WORKSHOP_COLUMNS, itemWeightSql } from './views.ts';
import type { SwotItemView, WorkshopView } from './views.ts';
import type { SwotQuadrant, Topic } from './resolvers/types.generated.ts';

/** A quadrant's figures; its items are read when a query asks for them (graphql-js calls a function-valued field). */
export interface SwotQuadrantView {
  quadrant: SwotQuadrant;
  count: number;
  weight: number;
  items: () => Promise<SwotItemView[]>;
}

/** The matrix's figures; the workshops counted are read when a query asks for them. */
export interface SwotMatrixView {
  topic: Topic | null;
  quadrants: SwotQuadrantView[];
  workshops: () => Promise<WorkshopView[]>;
  itemCount: number;
  totalWeight: number;
}

type MatrixInput = NonNullable<z.infer<typeof swotMatrixInput>>;
interface Db { query(sql: string, params?: unknown[]): Promise<any[]> }

/** Items concern a jurisdiction when their workshop's city or one of their jurisdictions is it or lies within it. */
const concernsSql = (codes: string[]) =>
  sql`EXISTS (SELECT 1 FROM unnest(array_append(s.jurisdictions, w.city_code)) AS j(code), unnest(${codes}::text[]) AS f(code)
    WHERE (j.code || '-') LIKE f.code || '-%')`;

/** The matrix's items `s` of workshops `w` the viewer may see, as SQL conditions. */
function itemsInScope(viewer: Viewer, input: MatrixInput, params: unknown[]): string[] {
  const where = sqlConditions(params, [visibilitySql(viewer, 'w', params)]);
  if (input.topic) where.add(sql`s.topic = ${input.topic}`);
  if (input.workshops) where.add(sql`w.id = ANY(${input.workshops})`);
  if (input.jurisdictions?.length) where.add(concernsSql(input.jurisdictions));
  return where.list;
}

/**
 * Items and weight per quadrant. Across all workshops they are the sum of the kept counts (workshops.swot_counts)
 * whose guard the viewer passes; named workshops or jurisdictions are counted from their items.
 */
async function quadrantFigures(db: Db, viewer: Viewer, input: MatrixInput): Promise<Map<string, { count: number; weight: number }>> {
  const params: unknown[] = [];
  let rows: { quadrant: string; count: number; weight: number }[];
  if (input.workshops || input.jurisdictions?.length) {
    rows = await db.query(
      `SELECT s.quadrant, count(*)::int AS count, sum(${itemWeightSql('s')})::int AS weight
       FROM workshops.workshops w JOIN workshops.swot_items s ON s.workshop_id = w.id
       WHERE ${itemsInScope(viewer, input, params).join(' AND ')} GROUP BY s.quadrant`, params);
  } else {
    const kept = sqlConditions(params, [visibilitySql(viewer, 'k', params)]);
    if (input.topic) kept.add(sql`k.topic = ${input.topic}`);
    rows = await db.query(
      `SELECT quadrant, sum(items)::int AS count, sum(weight)::int AS weight FROM (
         SELECT k.quadrant, k.items, k.weight FROM workshops.swot_counts k WHERE ${kept.list.join(' AND ')}
         UNION ALL
         SELECT s.quadrant, 0, count(*) ${PENDING_VOTES} WHERE ${itemsInScope(viewer, input, params).join(' AND ')} GROUP BY s.quadrant
       ) f GROUP BY quadrant`, params);
  }
  return new Map(rows.map((r) => [r.quadrant, r]));
}

/** Votes not yet in their item's kept weight, with the item `s` and its workshop `w`. */
const PENDING_VOTES = `FROM workshops.swot_votes pv JOIN workshops.swot_items s ON s.id = pv.swot_item_id
  JOIN workshops.workshops w ON w.id = s.workshop_id AND NOT pv.counted`;

/**
 * The heaviest `perQuadrant` items of each quadrant, in one statement. Named workshops are read whole and sorted.
 * Otherwise the candidates are the heaviest by kept weight, read in that order (indexed) with each one's workshop
 * looked up until enough are visible, and the items with pending votes (only they can be heavier than their kept
 * weight says). The fence (OFFSET 0) keeps that order: the planner underestimates how many workshops a viewer sees
 * and would otherwise read every visible item to sort them.
 */
async function heaviestItems(db: Db, viewer: Viewer, input: MatrixInput, perQuadrant: number): Promise<SwotItemView[]> {
  const params: unknown[] = [QUADRANTS];
  const where = itemsInScope(viewer, input, params).join(' AND ');
  params.push(perQuadrant);
  const limit = `LIMIT $${params.length}`;
  const candidates = input.workshops
    ? `SELECT s.id FROM workshops.swot_items s JOIN workshops.workshops w ON w.id = s.workshop_id WHERE s.quadrant = q.quadrant AND ${where}`
    : `(SELECT s.id FROM workshops.swot_items s CROSS JOIN LATERAL (SELECT * FROM workshops.workshops w WHERE w.id = s.workshop_id OFFSET 0) w
        WHERE s.quadrant = q.quadrant AND ${where} ORDER BY s.weight DESC, s.workshop_id, s.position ${limit})
       UNION SELECT s.id ${PENDING_VOTES} WHERE s.quadrant = q.quadrant AND ${where}`;
  return db.query(
    `SELECT t.id, t."workshopId", t.topic, t.quadrant, t.statement, t.evidence, t.jurisdictions, t.weight, t.visibility, t."restrictedTo"
     FROM unnest($1::text[]) AS q(quadrant) CROSS JOIN LATERAL (
       SELECT ${SWOT_ITEM_COLUMNS}, s.position FROM (${candidates}) c
       JOIN workshops.swot_items s ON s.id = c.id JOIN workshops.workshops w ON w.id = s.workshop_id
       ORDER BY weight DESC, s.workshop_id, s.position ${limit}) t`, params);
}

/** The visible workshops with at least one item in the matrix, by id. */
async function workshopsCounted(db: Db, viewer: Viewer, input: MatrixInput): Promise<WorkshopView[]> {
  const params: unknown[] = [];
  return db.query(
    `SELECT ${WORKSHOP_COLUMNS} FROM workshops.workshops w
     WHERE EXISTS (SELECT 1 FROM workshops.swot_items s WHERE s.workshop_id = w.id AND ${itemsInScope(viewer, input, params).join(' AND ')})
     ORDER BY w.id`, params);
}

const once = <T>(load: () => Promise<T>) => {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
};

/**
 * The matrix: figures at once (one statement); the listed items and the workshops only when asked for, one statement
 * each however many quadrants, workshops or items there are.
 */
export async function swotMatrixOf(db: Db, viewer: Viewer, loaders: WorkshopLoaders, input: MatrixInput): Promise<SwotMatrixView> {
  const figures = await quadrantFigures(db, viewer, input);
  const items = once(async () => {
    const rows = await heaviestItems(db, viewer, input, input.itemsPerQuadrant ?? 20);
    for (const r of rows) loaders.swotItem.prime(r.id, r);
    return rows;
  });
  const quadrants = QUADRANTS.map((quadrant): SwotQuadrantView => ({
    quadrant,
    count: figures.get(quadrant)?.count ?? 0,
    weight: figures.get(quadrant)?.weight ?? 0,
    items: async () => (await items()).filter((r) => r.quadrant === quadrant),
  }));
  return {
    topic: input.topic ?? null,
    quadrants,
    // Not primed into the loader: items' workshops would then cost a statement or none depending on which answer
    // comes first.
    workshops: () => workshopsCounted(db, viewer, input),
    itemCount: quadrants.reduce((n, q) => n + q.count, 0),
    totalWeight: quadrants.reduce((n, q) => n + q.weight, 0),
  };
}
