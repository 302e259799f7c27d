import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KernelCreatePrincipals1764400000000 implements MigrationInterface {
  name = 'KernelCreatePrincipals1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE access.principals (
      member_id text PRIMARY KEY,
      agency_id text NOT NULL,
      jurisdiction text NOT NULL,
      jurisdiction_path text[] NOT NULL,
      org_kind text NOT NULL CHECK (org_kind IN ('LEA', 'PARTNER', 'ACADEMIA', 'PUBLIC_AUTHORITY')),
      tier text CHECK (tier IN ('PRACTITIONER', 'MANAGER')),
      roles text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE access.seed_runs (
      name text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE access.seed_runs');
    await q.query('DROP TABLE access.principals');
  }
}
