import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reference is unique among the provisions of a framework that one viewer can see, no longer among all of them:
 * refusing a reference taken by a provision the caller cannot see would tell them it exists. The index keeps the
 * lookups by framework (and reference) that the unique constraint served.
 */
export class LegalProvisionReferencesPerViewer1764400008002 implements MigrationInterface {
  name = 'LegalProvisionReferencesPerViewer1764400008002';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX provisions_framework_reference_idx ON legal.provisions (framework_id, reference)');
    await q.query('ALTER TABLE legal.provisions DROP CONSTRAINT provisions_framework_id_reference_key');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE legal.provisions ADD CONSTRAINT provisions_framework_id_reference_key UNIQUE (framework_id, reference)');
    await q.query('DROP INDEX legal.provisions_framework_reference_idx');
  }
}
