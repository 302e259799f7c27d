import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An agency may be a unit of another (the EU Internet Referral Unit is part of Europol). */
export class DirectoryAgencyParent1764400008001 implements MigrationInterface {
  name = 'DirectoryAgencyParent1764400008001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE directory.agencies ADD COLUMN parent_id text REFERENCES directory.agencies(id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE directory.agencies DROP COLUMN parent_id');
  }
}
