import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';

interface SeedVersion {
  version: number;
  heading: string;
  text: string;
  topics: string[];
  positions: Record<string, unknown>;
  validFrom: string;
  changeNote: string | null;
  proposedBy: string | null;
  acceptedBy: string | null;
  contribution: string | null;
}

export interface SeedProvision {
  id: string;
  reference: string;
  visibility: string;
  restrictedTo: string[];
  illustrative: boolean;
  versions: SeedVersion[];
}

export interface SeedFramework {
  id: string; jurisdiction: string; title: string; shortTitle: string; kind: string; celex: string | null; eli: string | null;
  identifier: string | null; adoptedOn: string | null; inForceFrom: string | null; repealedOn: string | null; languages: string[];
  summary: string; topics: string[]; transposes: string | null; visibility: string; restrictedTo: string[]; illustrative: boolean;
  provisions: SeedProvision[];
}

export interface SeedContribution {
  id: string; author: string; authorAgency: string; kind: string; targetFramework: string; targetProvision: string | null;
  proposedReference: string | null; proposedHeading: string | null; proposedText: string; rationale: string; status: string;
  visibility: string; reviewer: string | null; decisionReason: string | null; submittedAt: string; reviewStartedAt: string | null;
  decidedAt: string | null; withdrawnAt: string | null; resultingProvision: string | null; resultingVersion: number | null;
}

interface LegalSeed {
  dimensions: { key: string; label: string; description: string; topic: string; valueType: string; unit: string | null;
    allowedValues: string[] | null; valueLabels: Record<string, string> | null }[];
  frameworks: SeedFramework[];
  contributions: SeedContribution[];
}

export const legalSeed: LegalSeed = JSON.parse(readFileSync(new URL('./data/legal.json', import.meta.url), 'utf8'));

/** Inserts rows of one table from a JSON array in one statement (columns named as in the table). */
const insertAll = (db: { query(sql: string, params: unknown[]): Promise<unknown> }, table: string, columns: string, rows: unknown[]) =>
  db.query(
    `INSERT INTO legal.${table} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::legal.${table}, $1::jsonb) ON CONFLICT DO NOTHING`,
    [JSON.stringify(rows)]);

export async function seedLegal(db: DataSource): Promise<void> {
  const seed = legalSeed;
  await db.transaction(async (tx) => {
    await insertAll(tx, 'position_dimensions', 'key, label, description, topic, value_type, unit, allowed_values, value_labels',
      seed.dimensions.map((d) => ({ key: d.key, label: d.label, description: d.description, topic: d.topic, value_type: d.valueType, unit: d.unit,
        allowed_values: d.allowedValues, value_labels: d.valueLabels ?? {} })));
    await insertAll(tx, 'frameworks',
      'id, jurisdiction_code, title, short_title, kind, celex, eli, identifier, adopted_on, in_force_from, repealed_on, languages, summary, topics, transposes, visibility, restricted_to, illustrative',
      seed.frameworks.map((f) => ({
        id: f.id, jurisdiction_code: f.jurisdiction, title: f.title, short_title: f.shortTitle, kind: f.kind, celex: f.celex, eli: f.eli,
        identifier: f.identifier, adopted_on: f.adoptedOn, in_force_from: f.inForceFrom, repealed_on: f.repealedOn, languages: f.languages,
        summary: f.summary, topics: f.topics, transposes: f.transposes, visibility: f.visibility, restricted_to: f.restrictedTo, illustrative: f.illustrative,
      })));
    await insertAll(tx, 'provisions', 'id, framework_id, reference, position, latest_version, visibility, restricted_to, illustrative',
      seed.frameworks.flatMap((f) => f.provisions.map((p, i) => ({
        id: p.id, framework_id: f.id, reference: p.reference, position: i + 1, latest_version: Math.max(...p.versions.map((v) => v.version)),
        visibility: p.visibility, restricted_to: p.restrictedTo, illustrative: p.illustrative,
      }))));
    await insertAll(tx, 'contributions',
      `id, author_id, author_agency_id, kind, target_framework_id, target_provision_id, proposed_reference, proposed_heading, proposed_text, rationale,
       status, visibility, restricted_to, reviewer_id, decision_reason, submitted_at, review_started_at, decided_at, withdrawn_at, resulting_provision_id, resulting_version`,
      seed.contributions.map((c) => ({
        id: c.id, author_id: c.author, author_agency_id: c.authorAgency, kind: c.kind, target_framework_id: c.targetFramework,
        target_provision_id: c.targetProvision, proposed_reference: c.proposedReference, proposed_heading: c.proposedHeading, proposed_text: c.proposedText,
        rationale: c.rationale, status: c.status, visibility: c.visibility, restricted_to: [], reviewer_id: c.reviewer, decision_reason: c.decisionReason,
        submitted_at: c.submittedAt, review_started_at: c.reviewStartedAt, decided_at: c.decidedAt, withdrawn_at: c.withdrawnAt,
        resulting_provision_id: c.resultingProvision, resulting_version: c.resultingVersion,
      })));
    await insertAll(tx, 'provision_versions',
      'provision_id, version, heading, text, topics, dimension_values, valid_from, valid_until, change_note, proposed_by, accepted_by, contribution_id',
      seed.frameworks.flatMap((f) => f.provisions.flatMap((p) => p.versions.map((v, i) => ({
        provision_id: p.id, version: v.version, heading: v.heading, text: v.text, topics: v.topics, dimension_values: v.positions,
        valid_from: v.validFrom, valid_until: p.versions[i + 1]?.validFrom ?? null, change_note: v.changeNote, proposed_by: v.proposedBy,
        accepted_by: v.acceptedBy, contribution_id: v.contribution,
      })))));
  });
}
