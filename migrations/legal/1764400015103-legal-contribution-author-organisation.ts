import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * legal.contributions.author_agency_path: the author's agency followed by the agencies it is part of, as they were when
 * the contribution was written, so that a reviewer's conflict of interest is judged against the author's organisation
 * then even after the author has moved. Empty for contributions written before it was kept.
 */
export class LegalContributionAuthorOrganisation1764400015103 implements MigrationInterface {
  name = 'LegalContributionAuthorOrganisation1764400015103';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE legal.contributions ADD COLUMN author_agency_path text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE legal.contributions DROP COLUMN author_agency_path');
  }
}
