import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';

interface SeedRecommendation {
  id: string; statement: string; rationale: string; addressees: string[]; topics: string[]; priority: string; status: string;
  history: { from: string | null; to: string; reason: string; changedBy: string | null; changedAt: string }[];
  links: { type: string; id: string }[];
}

interface WorkshopsSeed {
  workshops: {
    id: string; title: string; series: string | null; theme: string; city: string; startsOn: string; endsOn: string; organiser: string;
    topics: string[]; participantCount: number; participantOrgKinds: string[]; summary: string; language: string; reportStatus: string; visibility: string;
    restrictedTo: string[];
    swotItems: { id: string; topic: string; quadrant: string; statement: string; evidence: string | null; jurisdictions: string[] }[];
    keyMessages: { id: string; text: string; attribution: string | null }[];
    recommendations: SeedRecommendation[];
  }[];
  votes: { item: string; member: string }[];
}

export const workshopsSeed: WorkshopsSeed = JSON.parse(readFileSync(new URL('./data/workshops.json', import.meta.url), 'utf8'));

export async function seedWorkshops(db: DataSource): Promise<void> {
  const seed = workshopsSeed;
  const each = <T>(pick: (w: WorkshopsSeed['workshops'][number]) => T[]) => seed.workshops.flatMap((w) => pick(w).map((x, i) => ({ w, x, i })));
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO workshops.workshops (id, title, series, theme, city_code, starts_on, ends_on, organiser_id, topics, participant_count,
         participant_org_kinds, summary, language, report_status, visibility, restricted_to)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id text, title text, series text, theme text, city_code text, starts_on date,
         ends_on date, organiser_id text, topics text[], participant_count int, participant_org_kinds text[], summary text, language text, report_status text,
         visibility text, restricted_to text[])
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(seed.workshops.map((w) => ({
        id: w.id, title: w.title, series: w.series, theme: w.theme, city_code: w.city, starts_on: w.startsOn, ends_on: w.endsOn,
        organiser_id: w.organiser, topics: w.topics, participant_count: w.participantCount, participant_org_kinds: w.participantOrgKinds,
        summary: w.summary, language: w.language, report_status: w.reportStatus, visibility: w.visibility, restricted_to: w.restrictedTo,
      })))]);
    await tx.query(
      `INSERT INTO workshops.swot_items (id, workshop_id, topic, quadrant, statement, evidence, jurisdictions, position)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id text, workshop_id text, topic text, quadrant text, statement text, evidence text,
         jurisdictions text[], position int) ON CONFLICT DO NOTHING`,
      [JSON.stringify(each((w) => w.swotItems).map(({ w, x, i }) => ({ ...x, workshop_id: w.id, position: i + 1 })))]);
    await tx.query(
      `INSERT INTO workshops.swot_votes (swot_item_id, member_id)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(item text, member text) ON CONFLICT DO NOTHING`,
      [JSON.stringify(seed.votes)]);
    await tx.query(
      `INSERT INTO workshops.key_messages (id, workshop_id, text, attribution, position)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id text, workshop_id text, text text, attribution text, position int) ON CONFLICT DO NOTHING`,
      [JSON.stringify(each((w) => w.keyMessages).map(({ w, x, i }) => ({ ...x, workshop_id: w.id, position: i + 1 })))]);
    const recommendations = each((w) => w.recommendations);
    await tx.query(
      `INSERT INTO workshops.recommendations (id, workshop_id, statement, rationale, addressees, topics, priority, status, position, created_at, updated_at)
       SELECT x.*, x.created_at FROM jsonb_to_recordset($1::jsonb) AS x(id text, workshop_id text, statement text, rationale text,
         addressees text[], topics text[], priority text, status text, position int, created_at timestamptz) ON CONFLICT DO NOTHING`,
      [JSON.stringify(recommendations.map(({ w, x, i }) => ({
        id: x.id, workshop_id: w.id, statement: x.statement, rationale: x.rationale, addressees: x.addressees, topics: x.topics,
        priority: x.priority, status: x.status, position: i + 1, created_at: x.history[0]!.changedAt,
      })))]);
    await tx.query(
      `INSERT INTO workshops.recommendation_status_changes (recommendation_id, from_status, to_status, reason, changed_by, changed_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(recommendation_id text, from_status text, to_status text, reason text,
         changed_by text, changed_at timestamptz)`,
      [JSON.stringify(recommendations.flatMap(({ x }) => x.history.map((h) => ({
        recommendation_id: x.id, from_status: h.from, to_status: h.to, reason: h.reason, changed_by: h.changedBy, changed_at: h.changedAt,
      }))))]);
    await tx.query(
      `INSERT INTO workshops.recommendation_links (recommendation_id, target_type, target_id, linked_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(recommendation_id text, target_type text, target_id text, linked_at timestamptz)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(recommendations.flatMap(({ x }) => x.links.map((l) => ({
        recommendation_id: x.id, target_type: l.type, target_id: l.id, linked_at: x.history[0]!.changedAt,
      }))))]);
  });
}
