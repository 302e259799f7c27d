import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Unit-wide questions (a trainer assigning an agency, an agency's training report) look principals up by agency. */
export class KernelPrincipalsByAgency1764400000200 implements MigrationInterface {
  name = 'KernelPrincipalsByAgency1764400000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX principals_agency_idx ON access.principals (agency_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX access.principals_agency_idx');
  }
}
