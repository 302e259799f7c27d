import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';

interface TrainingSeed {
  curricula: {
    id: string; owner: string; createdBy: string; title: string; summary: string; audience: string; topics: string[]; tags: string[];
    learningOutcomes: string[]; language: string; estimatedHours: number; visibility: string; restrictedTo: string[];
    relatedProcedures: string[]; relatedLegalFrameworks: string[]; version: number; validityMonths: number;
    modules: { title: string; outline: string; kind: string; durationMinutes: number; passMark: number | null }[];
  }[];
  assignments: {
    id: string; curriculum: string; member: string; assignedBy: string; via: string | null; dueOn: string; status: string;
    completedOn: string | null; progress: { module: number; completed: boolean; score: number | null }[];
  }[];
}

export const trainingSeed: TrainingSeed = JSON.parse(readFileSync(new URL('./data/training.json', import.meta.url), 'utf8'));

/** Module ids follow the subgraph's own rule: the curriculum id and the module's position. */
export const seedModuleId = (curriculumId: string, position: number) => `${curriculumId}-m${position}`;

export async function seedTraining(db: DataSource): Promise<void> {
  const seed = trainingSeed;
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO training.curricula (id, owner_agency_id, title, summary, audience, topics, tags, learning_outcomes, language, estimated_hours,
         visibility, restricted_to, related_procedures, related_legal_frameworks, version, validity_months, created_by)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS c(id text, owner_agency_id text, title text, summary text, audience text, topics text[],
         tags text[], learning_outcomes text[], language text, estimated_hours numeric, visibility text, restricted_to text[],
         related_procedures text[], related_legal_frameworks text[], version int, validity_months int, created_by text)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(seed.curricula.map((c) => ({
        id: c.id, owner_agency_id: c.owner, title: c.title, summary: c.summary, audience: c.audience, topics: c.topics, tags: c.tags,
        learning_outcomes: c.learningOutcomes, language: c.language, estimated_hours: c.estimatedHours, visibility: c.visibility,
        restricted_to: c.restrictedTo, related_procedures: c.relatedProcedures, related_legal_frameworks: c.relatedLegalFrameworks,
        version: c.version, validity_months: c.validityMonths, created_by: c.createdBy,
      })))],
    );
    await tx.query(
      `INSERT INTO training.modules (id, curriculum_id, position, title, outline, kind, duration_minutes, pass_mark)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS m(id text, curriculum_id text, position int, title text, outline text, kind text,
         duration_minutes int, pass_mark int)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(seed.curricula.flatMap((c) => c.modules.map((m, i) => ({
        id: seedModuleId(c.id, i + 1), curriculum_id: c.id, position: i + 1, title: m.title, outline: m.outline, kind: m.kind,
        duration_minutes: m.durationMinutes, pass_mark: m.passMark,
      }))))],
    );
    await tx.query(
      `INSERT INTO training.assignments (id, curriculum_id, curriculum_version, member_id, assigned_by, via_agency_id, due_on, status,
         completed_on, refresh_due_on)
       SELECT s.id, s.curriculum_id, c.version, s.member_id, s.assigned_by, s.via_agency_id, s.due_on, s.status, s.completed_on,
         (s.completed_on + make_interval(months => c.validity_months))::date
       FROM jsonb_to_recordset($1::jsonb) AS s(id text, curriculum_id text, member_id text, assigned_by text, via_agency_id text,
         due_on date, status text, completed_on date)
       JOIN training.curricula c ON c.id = s.curriculum_id
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(seed.assignments.map((a) => ({
        id: a.id, curriculum_id: a.curriculum, member_id: a.member, assigned_by: a.assignedBy, via_agency_id: a.via, due_on: a.dueOn,
        status: a.status, completed_on: a.completedOn,
      })))],
    );
    await tx.query(
      `INSERT INTO training.module_progress (assignment_id, module_id, completed, score)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS p(assignment_id text, module_id text, completed boolean, score int)
       ON CONFLICT (assignment_id, module_id) DO NOTHING`,
      [JSON.stringify(seed.assignments.flatMap((a) => a.progress.map((p) => ({
        assignment_id: a.id, module_id: seedModuleId(a.curriculum, p.module), completed: p.completed, score: p.score,
      }))))],
    );
  });
}
