import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which version of a procedure is in force on a date, without reading the versions' text: compareProcedures and
 * point-in-time reads scan this index only (the text is read for the winners alone).
 */
export class ProceduresVersionsByEffectiveDate1764400006101 implements MigrationInterface {
  name = 'ProceduresVersionsByEffectiveDate1764400006101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX procedure_versions_effective_idx ON procedures.procedure_versions (procedure_id, effective_from DESC)
      INCLUDE (version, status, in_force_until, visibility, restricted_to)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX procedures.procedure_versions_effective_idx');
  }
}
