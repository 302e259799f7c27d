import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addCountsSql, createTriggerSql, dropTriggerSql } from '../../lib/keptCounts.ts';
import type { CountingTrigger } from '../../lib/keptCounts.ts';

/**
 * SWOT figures kept up to date in the transaction of every write, so that a matrix over all workshops reads a few
 * hundred rows instead of every item and vote:
 * - swot_items.weight: the item's counted votes (swot_votes stays the record of who voted; a vote not yet counted
 *   is pending, see weigh_swot_items);
 * - swot_counts: items and weight per topic and quadrant for each guard (visibility, restricted_to) that workshops
 *   carry; a viewer's matrix sums the rows whose guard the viewer passes, with the same rule as the workshops.
 * Triggers keep both, whoever writes (mutations, seeds, bulk loads), and move an item's figures when its workshop's
 * guard changes.
 */
/** Adds signed figures (visibility, restricted_to, topic, quadrant, items, weight) selected by `deltas`. */
export const addCounts = (deltas: string) =>
  addCountsSql('workshops.swot_counts', ['visibility', 'restricted_to', 'topic', 'quadrant'], ['items', 'weight'], deltas);

const TRIGGERS: CountingTrigger[] = [
  { name: 'swot_items_counted_on_insert', event: 'INSERT', table: 'swot_items', referencing: 'NEW TABLE AS new_items', fn: 'count_swot_items' },
  { name: 'swot_items_counted_on_update', event: 'UPDATE', table: 'swot_items', referencing: 'OLD TABLE AS old_items NEW TABLE AS new_items', fn: 'count_swot_items' },
  { name: 'swot_items_counted_on_delete', event: 'DELETE', table: 'swot_items', referencing: 'OLD TABLE AS old_items', fn: 'count_swot_items' },
  { name: 'swot_votes_weighed_on_insert', event: 'INSERT', table: 'swot_votes', referencing: 'NEW TABLE AS new_votes', fn: 'weigh_swot_items' },
  { name: 'swot_votes_weighed_on_delete', event: 'DELETE', table: 'swot_votes', referencing: 'OLD TABLE AS old_votes', fn: 'weigh_swot_items' },
  { name: 'workshops_guard_moves_swot_counts', event: 'UPDATE', table: 'workshops', referencing: 'OLD TABLE AS old_workshops NEW TABLE AS new_workshops', fn: 'move_swot_counts' },
];

export class WorkshopsSwotCounts1764400015201 implements MigrationInterface {
  name = 'WorkshopsSwotCounts1764400015201';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE workshops.swot_items ADD COLUMN weight int NOT NULL DEFAULT 0 CHECK (weight >= 0)');
    await q.query('ALTER TABLE workshops.swot_votes ADD COLUMN counted boolean NOT NULL DEFAULT false');
    await q.query('UPDATE workshops.swot_votes SET counted = true');
    await q.query('CREATE INDEX swot_votes_pending_idx ON workshops.swot_votes (swot_item_id) WHERE NOT counted');
    await q.query(`UPDATE workshops.swot_items s SET weight = v.n
      FROM (SELECT swot_item_id, count(*)::int AS n FROM workshops.swot_votes GROUP BY swot_item_id) v WHERE v.swot_item_id = s.id`);
    await q.query('CREATE INDEX swot_items_heaviest_idx ON workshops.swot_items (quadrant, weight DESC, workshop_id, position)');
    await q.query(`CREATE TABLE workshops.swot_counts (
      visibility text NOT NULL,
      restricted_to text[] NOT NULL,
      topic text NOT NULL,
      quadrant text NOT NULL,
      items int NOT NULL,
      weight int NOT NULL,
      PRIMARY KEY (visibility, restricted_to, topic, quadrant)
    )`);
    await q.query(`INSERT INTO workshops.swot_counts (visibility, restricted_to, topic, quadrant, items, weight)
      SELECT w.visibility, w.restricted_to, s.topic, s.quadrant, count(*), sum(s.weight)
      FROM workshops.swot_items s JOIN workshops.workshops w ON w.id = s.workshop_id GROUP BY 1, 2, 3, 4`);

    const itemFigures = (rows: string, sign: string) => `SELECT w.visibility, w.restricted_to, s.topic, s.quadrant, ${sign}1 AS items,
      ${sign}s.weight AS weight FROM ${rows} s JOIN workshops.workshops w ON w.id = s.workshop_id`;
    await q.query(`CREATE FUNCTION workshops.count_swot_items() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${addCounts(itemFigures('new_items', ''))};
        ELSIF TG_OP = 'DELETE' THEN ${addCounts(itemFigures('old_items', '-'))};
        ELSE ${addCounts(`${itemFigures('new_items', '')} UNION ALL ${itemFigures('old_items', '-')}`)};
        END IF;
        RETURN NULL;
      END $$`);

    // A vote never waits for another: it folds itself (and earlier pending votes of its items) into the kept weights
    // only when it can lock them at once; otherwise it stays pending (counted = false) for a later vote to fold, and
    // readers add the pending votes, which are few.
    await q.query(`CREATE FUNCTION workshops.weigh_swot_items() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          WITH items AS (
            SELECT s.id, s.workshop_id, s.topic, s.quadrant FROM workshops.swot_items s
            WHERE s.id IN (SELECT swot_item_id FROM new_votes) ORDER BY s.id FOR NO KEY UPDATE SKIP LOCKED
          ), classes AS (
            SELECT k.visibility, k.restricted_to, k.topic, k.quadrant FROM workshops.swot_counts k
            WHERE (k.visibility, k.restricted_to, k.topic, k.quadrant) IN (
              SELECT w.visibility, w.restricted_to, i.topic, i.quadrant FROM items i JOIN workshops.workshops w ON w.id = i.workshop_id)
            ORDER BY 1, 2, 3, 4 FOR UPDATE SKIP LOCKED
          ), foldable AS (
            SELECT i.id FROM items i JOIN workshops.workshops w ON w.id = i.workshop_id
            JOIN classes c ON (c.visibility, c.restricted_to, c.topic, c.quadrant) = (w.visibility, w.restricted_to, i.topic, i.quadrant)
          ), folded AS (
            UPDATE workshops.swot_votes v SET counted = true FROM foldable f WHERE v.swot_item_id = f.id AND NOT v.counted
            RETURNING v.swot_item_id
          )
          UPDATE workshops.swot_items s SET weight = s.weight + p.n
          FROM (SELECT swot_item_id, count(*)::int AS n FROM folded GROUP BY 1) p WHERE s.id = p.swot_item_id;
        ELSE
          UPDATE workshops.swot_items s SET weight = s.weight - v.n
          FROM (SELECT swot_item_id, count(*)::int AS n FROM old_votes WHERE counted GROUP BY 1 ORDER BY 1) v WHERE s.id = v.swot_item_id;
        END IF;
        RETURN NULL;
      END $$`);

    await q.query(`CREATE FUNCTION workshops.move_swot_counts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${addCounts(`SELECT g.visibility, g.restricted_to, s.topic, s.quadrant, g.sign * count(*) AS items, g.sign * sum(s.weight) AS weight
           FROM (SELECT n.id, n.visibility, n.restricted_to, 1 AS sign FROM new_workshops n JOIN old_workshops o ON o.id = n.id
                   WHERE (n.visibility, n.restricted_to) IS DISTINCT FROM (o.visibility, o.restricted_to)
                 UNION ALL
                 SELECT o.id, o.visibility, o.restricted_to, -1 FROM new_workshops n JOIN old_workshops o ON o.id = n.id
                   WHERE (n.visibility, n.restricted_to) IS DISTINCT FROM (o.visibility, o.restricted_to)) g
           JOIN workshops.swot_items s ON s.workshop_id = g.id GROUP BY 1, 2, 3, 4, g.sign`)};
        RETURN NULL;
      END $$`);
    for (const t of TRIGGERS) await q.query(createTriggerSql('workshops', t));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TRIGGERS) await q.query(dropTriggerSql('workshops', t));
    await q.query('DROP FUNCTION workshops.move_swot_counts(), workshops.weigh_swot_items(), workshops.count_swot_items()');
    await q.query('DROP TABLE workshops.swot_counts');
    await q.query('ALTER TABLE workshops.swot_votes DROP COLUMN counted');
    await q.query('ALTER TABLE workshops.swot_items DROP COLUMN weight');
  }
}
