import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addValueLabelsColumn } from '../../lib/typedValues.ts';

// The labels of the seeded dimensions' allowed values, frozen with this migration. Seeds load once per database, so a
// database seeded before it gets its labels here; a fresh one gets them from the seeds, which run after migrations.
const SEEDED_LABELS: Record<string, Record<string, string>> = {
  monitoring_scope: {
    PUBLIC_SOURCES_ONLY: 'Public sources only',
    PUBLIC_AND_CLOSED_GROUPS_WITH_WARRANT: 'Public and closed groups, with a warrant',
    PUBLIC_AND_CLOSED_GROUPS_WITH_INTERNAL_APPROVAL: 'Public and closed groups, with internal approval',
  },
};

/**
 * legal.position_dimensions.value_labels: what people read for each allowed value of an ENUM or LIST dimension, keyed
 * by the code stored in positions (as procedures.dimensions.value_labels). A value without a label here keeps its code.
 */
export class LegalDimensionValueLabels1764400007002 implements MigrationInterface {
  name = 'LegalDimensionValueLabels1764400007002';

  async up(q: QueryRunner): Promise<void> {
    await addValueLabelsColumn(q, 'legal.position_dimensions', SEEDED_LABELS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE legal.position_dimensions DROP COLUMN value_labels');
  }
}
