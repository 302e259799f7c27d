import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';

interface SeedVersion {
  version: number;
  status: string;
  effectiveFrom: string | null;
  visibility: string;
  restrictedTo: string[];
  title: string;
  summary: string;
  body: string;
  steps: { action: string; responsibleRole: string; safeguards: string[] }[];
  legalBasis: string[];
  dimensionValues: Record<string, unknown>;
  operationalNotes: string | null;
  resourcing: { staff: number | null; budgetEur: number | null; tooling: string[] } | null;
  changeNote: string | null;
}

interface ProceduresSeed {
  dimensions: { key: string; label: string; description: string; topic: string; valueType: string; unit: string | null;
    allowedValues: string[] | null; valueLabels: Record<string, string> | null }[];
  procedures: {
    id: string; agency: string; jurisdiction: string; topic: string; tags: string[]; language: string;
    reviewStatus: string; lastVerifiedAt: string | null; versions: SeedVersion[];
  }[];
}

export const proceduresSeed: ProceduresSeed = JSON.parse(readFileSync(new URL('./data/procedures.json', import.meta.url), 'utf8'));

/** The date a version stopped being in force: the next published version's start, if any. */
function inForceUntil(versions: SeedVersion[], i: number): string | null {
  const v = versions[i]!;
  if (v.status !== 'SUPERSEDED') return null;
  return versions.slice(i + 1).find((n) => n.effectiveFrom)?.effectiveFrom ?? null;
}

export async function seedProcedures(db: DataSource): Promise<void> {
  const seed = proceduresSeed;
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO procedures.dimensions (key, label, description, topic, value_type, unit, allowed_values, value_labels)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS d(key text, label text, description text, topic text, value_type text, unit text, allowed_values text[], value_labels jsonb)
       ON CONFLICT (key) DO NOTHING`,
      [JSON.stringify(seed.dimensions.map((d) => ({ key: d.key, label: d.label, description: d.description, topic: d.topic, value_type: d.valueType, unit: d.unit, allowed_values: d.allowedValues, value_labels: d.valueLabels ?? {} })))],
    );
    const heads = seed.procedures.map((p) => {
      const published = [...p.versions].reverse().find((v) => v.status !== 'DRAFT');
      return {
        id: p.id, agency_id: p.agency, jurisdiction_code: p.jurisdiction, topic: p.topic,
        latest_version: Math.max(...p.versions.map((v) => v.version)), published_version: published?.version ?? null,
        review_status: p.reviewStatus, last_verified_at: p.lastVerifiedAt,
      };
    });
    await tx.query(
      `INSERT INTO procedures.procedures (id, agency_id, jurisdiction_code, topic, latest_version, published_version, review_status, last_verified_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS p(id text, agency_id text, jurisdiction_code text, topic text,
         latest_version int, published_version int, review_status text, last_verified_at date)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(heads)],
    );
    const versions = seed.procedures.flatMap((p) => p.versions.map((v, i) => ({
      procedure_id: p.id, version: v.version, status: v.status, title: v.title, summary: v.summary, body: v.body, tags: p.tags,
      language: p.language, visibility: v.visibility, restricted_to: v.restrictedTo ?? [], effective_from: v.effectiveFrom,
      in_force_until: inForceUntil(p.versions, i), published_at: v.effectiveFrom ? `${v.effectiveFrom}T09:00:00Z` : null,
      steps: v.steps, legal_basis: v.legalBasis ?? [], dimension_values: v.dimensionValues ?? {}, operational_notes: v.operationalNotes,
      resourcing: v.resourcing, change_note: v.changeNote, created_by: null,
    })));
    await tx.query(
      `INSERT INTO procedures.procedure_versions (procedure_id, version, status, title, summary, body, tags, language, visibility, restricted_to,
         effective_from, in_force_until, published_at, steps, legal_basis, dimension_values, operational_notes, resourcing, change_note, created_by)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(procedure_id text, version int, status text, title text, summary text, body text,
         tags text[], language text, visibility text, restricted_to text[], effective_from date, in_force_until date, published_at timestamptz,
         steps jsonb, legal_basis text[], dimension_values jsonb, operational_notes text, resourcing jsonb, change_note text, created_by text)
       ON CONFLICT (procedure_id, version) DO NOTHING`,
      [JSON.stringify(versions)],
    );
  });
}
