import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A principal's agency followed by the agencies it is part of, for rules about one organisation. */
export class KernelPrincipalsAgencyPath1764400008000 implements MigrationInterface {
  name = 'KernelPrincipalsAgencyPath1764400008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE access.principals ADD COLUMN agency_path text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE access.principals DROP COLUMN agency_path');
  }
}
