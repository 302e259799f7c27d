import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * procedures.procedure_versions.backdating_reason: why a version was put in force from a date before the day it was
 * published (only an administrator may, and must say why); null for every other version.
 */
export class ProceduresBackdatingReason1764400014101 implements MigrationInterface {
  name = 'ProceduresBackdatingReason1764400014101';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE procedures.procedure_versions ADD COLUMN backdating_reason text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE procedures.procedure_versions DROP COLUMN backdating_reason');
  }
}
