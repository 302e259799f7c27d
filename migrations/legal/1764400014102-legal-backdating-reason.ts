import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * legal.provision_versions.backdating_reason: why a version took effect from a date before the day it was written (only
 * an administrator may, and must say why); null for every other version.
 */
export class LegalBackdatingReason1764400014102 implements MigrationInterface {
  name = 'LegalBackdatingReason1764400014102';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE legal.provision_versions ADD COLUMN backdating_reason text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE legal.provision_versions DROP COLUMN backdating_reason');
  }
}
