import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addCountsSql, createTriggerSql, dropTriggerSql } from '../../lib/keptCounts.ts';
import type { CountingTrigger } from '../../lib/keptCounts.ts';
import { addGuardStatistics, dropGuardStatistics } from '../../lib/guardStatistics.ts';

/**
 * procedures.published_counts: how many procedures are published, per jurisdiction, topic, agency, status of the
 * published version and its guard (visibility, restricted_to), kept by triggers in the transaction of every write
 * (mutations, seeds, bulk loads). A list's total sums the rows whose guard the viewer passes instead of walking every
 * visible procedure. A version's figures move only while it is the published one; a write to a version first locks
 * its procedure, so that a change of published version and a change of that version's status or guard are counted in
 * the order they commit.
 *
 * Also: the listing order (jurisdiction, topic, id) gets an index of its own, and the planner learns how many versions
 * are unrestricted (lib/guardStatistics.ts).
 */
const KEYS = ['jurisdiction_code', 'topic', 'agency_id', 'status', 'visibility', 'restricted_to'];
const addCounts = (deltas: string) => addCountsSql('procedures.published_counts', KEYS, ['n'], deltas);

/** The figures of procedures `rows` (with their published version as it is now), each counted `sign` 1. */
const ofProcedures = (rows: string, sign: string) => `SELECT p.jurisdiction_code, p.topic, p.agency_id, v.status, v.visibility,
  v.restricted_to, ${sign}1 AS n FROM ${rows} p JOIN procedures.procedure_versions v ON v.procedure_id = p.id AND v.version = p.published_version`;
/** The figures of versions `rows` that are their procedure's published version, each counted `sign` 1. */
const ofVersions = (rows: string, sign: string) => `SELECT p.jurisdiction_code, p.topic, p.agency_id, v.status, v.visibility,
  v.restricted_to, ${sign}1 AS n FROM ${rows} v JOIN procedures.procedures p ON p.id = v.procedure_id AND p.published_version = v.version`;

const TRIGGERS: CountingTrigger[] = [
  { name: 'procedures_counted_on_insert', event: 'INSERT', table: 'procedures', referencing: 'NEW TABLE AS new_rows', fn: 'count_published_procedures' },
  { name: 'procedures_counted_on_update', event: 'UPDATE', table: 'procedures', referencing: 'OLD TABLE AS old_rows NEW TABLE AS new_rows', fn: 'count_published_procedures' },
  { name: 'procedures_counted_on_delete', event: 'DELETE', table: 'procedures', referencing: 'OLD TABLE AS old_rows', fn: 'count_published_procedures' },
  { name: 'procedure_versions_counted_on_insert', event: 'INSERT', table: 'procedure_versions', referencing: 'NEW TABLE AS new_rows', fn: 'count_published_versions' },
  { name: 'procedure_versions_counted_on_update', event: 'UPDATE', table: 'procedure_versions', referencing: 'OLD TABLE AS old_rows NEW TABLE AS new_rows', fn: 'count_published_versions' },
  { name: 'procedure_versions_counted_on_delete', event: 'DELETE', table: 'procedure_versions', referencing: 'OLD TABLE AS old_rows', fn: 'count_published_versions' },
];

export class ProceduresPublishedCounts1764400015301 implements MigrationInterface {
  name = 'ProceduresPublishedCounts1764400015301';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX procedures.procedures_jurisdiction_topic_idx');
    await q.query('CREATE INDEX procedures_listing_idx ON procedures.procedures (jurisdiction_code, topic, id)');
    await q.query(`CREATE TABLE procedures.published_counts (
      jurisdiction_code text NOT NULL,
      topic text NOT NULL,
      agency_id text NOT NULL,
      status text NOT NULL,
      visibility text NOT NULL,
      restricted_to text[] NOT NULL,
      n int NOT NULL,
      PRIMARY KEY (jurisdiction_code, topic, agency_id, status, visibility, restricted_to)
    )`);
    await q.query(`INSERT INTO procedures.published_counts (${KEYS.join(', ')}, n)
      SELECT ${KEYS.map((k) => `d.${k}`).join(', ')}, sum(d.n) FROM (${ofProcedures('procedures.procedures', '')}) d GROUP BY ${KEYS.map((_, i) => i + 1).join(', ')}`);

    await addGuardStatistics(q, ['procedures.procedure_versions', 'procedures.published_counts']);

    const changedProcedures = (rows: string) => `(SELECT x.* FROM ${rows} x JOIN old_rows o ON o.id = x.id JOIN new_rows n ON n.id = x.id
      WHERE (n.published_version, n.jurisdiction_code, n.topic, n.agency_id) IS DISTINCT FROM (o.published_version, o.jurisdiction_code, o.topic, o.agency_id))`;
    await q.query(`CREATE FUNCTION procedures.count_published_procedures() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${addCounts(ofProcedures('new_rows', ''))};
        ELSIF TG_OP = 'DELETE' THEN ${addCounts(ofProcedures('old_rows', '-'))};
        ELSE ${addCounts(`${ofProcedures(changedProcedures('new_rows'), '')} UNION ALL ${ofProcedures(changedProcedures('old_rows'), '-')}`)};
        END IF;
        RETURN NULL;
      END $$`);

    const changedVersions = (rows: string) => `(SELECT x.* FROM ${rows} x JOIN old_rows o ON (o.procedure_id, o.version) = (x.procedure_id, x.version)
      JOIN new_rows n ON (n.procedure_id, n.version) = (x.procedure_id, x.version)
      WHERE (n.status, n.visibility, n.restricted_to) IS DISTINCT FROM (o.status, o.visibility, o.restricted_to))`;
    const lockProcedures = (rows: string) =>
      `PERFORM 1 FROM procedures.procedures WHERE id IN (SELECT procedure_id FROM ${rows}) ORDER BY id FOR NO KEY UPDATE`;
    await q.query(`CREATE FUNCTION procedures.count_published_versions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${lockProcedures('new_rows')};
          ${addCounts(ofVersions('new_rows', ''))};
        ELSIF TG_OP = 'DELETE' THEN
          ${lockProcedures('old_rows')};
          ${addCounts(ofVersions('old_rows', '-'))};
        ELSE
          ${lockProcedures('new_rows')};
          ${addCounts(`${ofVersions(changedVersions('new_rows'), '')} UNION ALL ${ofVersions(changedVersions('old_rows'), '-')}`)};
        END IF;
        RETURN NULL;
      END $$`);
    for (const t of TRIGGERS) await q.query(createTriggerSql('procedures', t));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TRIGGERS) await q.query(dropTriggerSql('procedures', t));
    await q.query('DROP FUNCTION procedures.count_published_versions(), procedures.count_published_procedures()');
    await q.query('DROP TABLE procedures.published_counts');
    await dropGuardStatistics(q, ['procedures.procedure_versions', 'procedures.published_counts']);
    await q.query('DROP INDEX procedures.procedures_listing_idx');
    await q.query('CREATE INDEX procedures_jurisdiction_topic_idx ON procedures.procedures (jurisdiction_code, topic)');
  }
}
