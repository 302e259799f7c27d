import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addCounts } from './1764400015201-workshops-swot-counts.ts';

const MOVED = `SELECT n.id FROM new_workshops n JOIN old_workshops o ON o.id = n.id
  WHERE (n.visibility, n.restricted_to) IS DISTINCT FROM (o.visibility, o.restricted_to)`;

const moveCounts = (holdItems: boolean) => `CREATE OR REPLACE FUNCTION workshops.move_swot_counts() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${holdItems ? `PERFORM 1 FROM workshops.swot_items s WHERE s.workshop_id IN (${MOVED}) ORDER BY s.id FOR NO KEY UPDATE;` : ''}
    ${addCounts(`SELECT g.visibility, g.restricted_to, s.topic, s.quadrant, g.sign * count(*) AS items, g.sign * sum(s.weight) AS weight
       FROM (SELECT n.id, n.visibility, n.restricted_to, 1 AS sign FROM new_workshops n WHERE n.id IN (${MOVED})
             UNION ALL
             SELECT o.id, o.visibility, o.restricted_to, -1 FROM old_workshops o WHERE o.id IN (${MOVED})) g
       JOIN workshops.swot_items s ON s.workshop_id = g.id GROUP BY 1, 2, 3, 4, g.sign`)};
    RETURN NULL;
  END $$`;

const itemFigures = (rows: string, sign: string) => `SELECT w.visibility, w.restricted_to, s.topic, s.quadrant, ${sign}1 AS items,
  ${sign}s.weight AS weight FROM ${rows} s JOIN workshops.workshops w ON w.id = s.workshop_id`;

const countItems = (holdGuards: boolean) => {
  const hold = (rows: string) => (holdGuards ? `PERFORM 1 FROM workshops.workshops w WHERE w.id IN (${rows}) ORDER BY w.id FOR SHARE;` : '');
  return `CREATE OR REPLACE FUNCTION workshops.count_swot_items() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      ${hold('SELECT workshop_id FROM new_items')}
      ${addCounts(itemFigures('new_items', ''))};
    ELSIF TG_OP = 'DELETE' THEN
      ${hold('SELECT workshop_id FROM old_items')}
      ${addCounts(itemFigures('old_items', '-'))};
    ELSE
      ${hold('SELECT workshop_id FROM new_items UNION SELECT workshop_id FROM old_items')}
      ${addCounts(`${itemFigures('new_items', '')} UNION ALL ${itemFigures('old_items', '-')}`)};
    END IF;
    RETURN NULL;
  END $$`;
};

/**
 * The kept SWOT counts (1764400015201) under concurrent writes. A workshop whose guard changes holds its items while
 * their figures move, so that a vote being counted on one of them ends first (its weight then moves with the item) or
 * stays pending; an item written holds its workshop's guard, so that it is counted under the guard that commits.
 */
export class WorkshopsSwotCountsLocks1764400015202 implements MigrationInterface {
  name = 'WorkshopsSwotCountsLocks1764400015202';

  async up(q: QueryRunner): Promise<void> {
    await q.query(moveCounts(true));
    await q.query(countItems(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(moveCounts(false));
    await q.query(countItems(false));
  }
}
