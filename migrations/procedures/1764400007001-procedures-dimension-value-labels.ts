import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addValueLabelsColumn } from '../../lib/typedValues.ts';

// The labels of the seeded dimensions' allowed values, frozen with this migration. Seeds load once per database, so a
// database seeded before it gets its labels here; a fresh one gets them from the seeds, which run after migrations.
const SEEDED_LABELS: Record<string, Record<string, string>> = {
  official_channels_used: {
    X: 'X', FACEBOOK: 'Facebook', INSTAGRAM: 'Instagram', TIKTOK: 'TikTok', YOUTUBE: 'YouTube', TELEGRAM: 'Telegram',
    WHATSAPP: 'WhatsApp', MASTODON: 'Mastodon',
  },
  post_approval_level: {
    INDIVIDUAL_OFFICER: 'Individual officer', UNIT_SUPERVISOR: 'Unit supervisor', CENTRAL_PRESS_OFFICE: 'Central press office',
    SENIOR_COMMAND: 'Senior command',
  },
  monitoring_scope: {
    PUBLIC_SOURCES_ONLY: 'Public sources only',
    PUBLIC_AND_CLOSED_GROUPS_WITH_WARRANT: 'Public and closed groups, with a warrant',
    PUBLIC_AND_CLOSED_GROUPS_WITH_INTERNAL_APPROVAL: 'Public and closed groups, with internal approval',
  },
  monitoring_triggers: {
    SCHEDULED_EVENT: 'Scheduled event', SPECIFIC_THREAT: 'Specific threat', ONGOING_INVESTIGATION: 'Ongoing investigation',
    CRISIS_INCIDENT: 'Crisis or major incident', MISSING_PERSON: 'Missing person', GENERAL_TREND_ANALYSIS: 'General trend analysis',
  },
  evidence_capture_method: {
    MANUAL_SCREENSHOT_WITH_LOG: 'Manual screenshot with a log', FORENSIC_CAPTURE_TOOL: 'Forensic capture tool',
    HASHED_WEB_ARCHIVE: 'Hashed web archive',
  },
  cross_border_data_routes: {
    EUROPEAN_PRODUCTION_ORDER: 'European Production Order', EUROPEAN_INVESTIGATION_ORDER: 'European Investigation Order',
    MLA_REQUEST: 'Mutual legal assistance request', VOLUNTARY_DISCLOSURE: 'Voluntary disclosure by the provider',
  },
};

/**
 * procedures.dimensions.value_labels: what people read for each allowed value of an ENUM or LIST dimension (display,
 * CSV, the console's select inputs), keyed by the code stored in dimension values. Every allowed value has one; a value
 * this migration has no label for keeps its code as its label.
 */
export class ProceduresDimensionValueLabels1764400007001 implements MigrationInterface {
  name = 'ProceduresDimensionValueLabels1764400007001';

  async up(q: QueryRunner): Promise<void> {
    await addValueLabelsColumn(q, 'procedures.dimensions', SEEDED_LABELS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE procedures.dimensions DROP COLUMN value_labels');
  }
}
