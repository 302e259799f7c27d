import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canSee } from '../../../lib/access.ts';
import { toPrincipal, viewerOfPrincipal } from '../../../lib/principals.ts';
import type { PrincipalRow } from '../../../lib/principals.ts';
import { checkedCitations } from '../../../lib/citations.ts';
import type { CitedKind } from '../../../lib/citations.ts';
import { badInput, notFound, parseInput } from '../../../lib/errors.ts';
import { emitEvents } from '../../../lib/outbox.ts';
import { today } from '../../../lib/scalars.ts';
import { trainerCovers, followedSql } from '../assignmentAccess.ts';
import { assignmentSelect, toAssignment, MODULE_COLUMNS, passes } from '../views.ts';
import type { CurriculumView } from '../views.ts';
import { assignedCurriculumTarget, curriculumTarget, emitCurriculumEvent, insertModules, lockCurriculum, cancellationTarget, progressTarget } from '../writes.ts';
import { expectRow } from '../../../lib/loaders.ts';
import { reloadAfterWrite } from '../../../lib/lockedWrite.ts';
import type { ModuleRow } from '../views.ts';
import type { Ctx } from './context.ts';
import type { MutationResolvers } from './types.generated.ts';
import { assignInput, content, createInput, moduleInput, progressInput, updateInput } from '../inputs.ts';

const CONTENT_COLUMNS: Record<keyof typeof content, string> = {
  title: 'title', summary: 'summary', audience: 'audience', topics: 'topics', tags: 'tags', learningOutcomes: 'learning_outcomes',
  language: 'language', estimatedHours: 'estimated_hours', visibility: 'visibility', restrictedTo: 'restricted_to',
  relatedProcedures: 'related_procedures', relatedLegalFrameworks: 'related_legal_frameworks', validityMonths: 'validity_months',
};

const RELATED_PROCEDURES: CitedKind = { schema: 'procedures', type: 'Procedure', field: 'relatedProcedures', noun: 'procedure in force' };
const RELATED_FRAMEWORKS: CitedKind = { schema: 'legal', type: 'LegalFramework', field: 'relatedLegalFrameworks', noun: 'legal framework' };

/** A member to assign, as the kernel's principal table holds them. */
type Assignee = PrincipalRow;

/** Whether the assignee could read the curriculum themselves: nobody is assigned what they may not see. */
const assigneeMayRead = (curriculum: CurriculumView, m: Assignee) => canSee(viewerOfPrincipal(toPrincipal(m)), curriculum);

const inAudience = (audience: CurriculumView['audience'], tier: string | null) => audience === 'ALL' || audience === tier;

// What a write returns is what it has just written, which the viewer sees (the write checked it would).
const reloadCurriculum = async (ctx: Ctx, id: string) =>
  expectRow(await reloadAfterWrite(id, ctx.loaders.curriculum, ctx.loaders.modulesOf), id);

const reloadAssignment = async (ctx: Ctx, id: string) =>
  expectRow(await reloadAfterWrite(id, ctx.loaders.assignment, ctx.loaders.progressOf), id);

/** The assignees of a call, checked against the trainer's scope and the curriculum's audience. */
async function assigneesOf(ctx: Ctx, tx: { query: Ctx['db']['query'] }, curriculum: CurriculumView, input: z.infer<typeof assignInput>): Promise<Assignee[]> {
  const columns = 'member_id, agency_id, jurisdiction, jurisdiction_path, org_kind, tier, roles, active';
  if (input.agencyId) {
    const members: Assignee[] = await tx.query(`SELECT ${columns} FROM access.principals WHERE agency_id = $1 AND active ORDER BY member_id`, [input.agencyId]);
    // Only members within the trainer's scope count, so that nothing is told about the others: an agency outside the
    // scope is answered exactly like an unknown one, whoever its members are.
    const reachable = members.filter((m) => trainerCovers(ctx.viewer, m.jurisdiction_path));
    if (reachable.length === 0) throw notFound(`Agency "${input.agencyId}" with active members within your training scope`);
    return reachable.filter((m) => inAudience(curriculum.audience, m.tier) && assigneeMayRead(curriculum, m));
  }
  const ids = input.memberIds!;
  const found: Assignee[] = await tx.query(`SELECT ${columns} FROM access.principals WHERE member_id = ANY($1)`, [ids]);
  const byId = new Map(found.filter((m) => trainerCovers(ctx.viewer, m.jurisdiction_path)).map((m) => [m.member_id, m]));
  // A member outside the trainer's scope is answered exactly like one who does not exist.
  const unreachable = ids.find((id) => !byId.has(id));
  if (unreachable) throw notFound(`Member "${unreachable}" within your training scope`);
  const inactive = found.find((m) => !m.active);
  if (inactive) throw badInput(`Member "${inactive.member_id}" is not active.`);
  const cannotRead = found.find((m) => !assigneeMayRead(curriculum, m));
  if (cannotRead) throw badInput(`Member "${cannotRead.member_id}" may not read "${curriculum.title}" (its visibility or jurisdictions exclude them).`);
  if (curriculum.audience === 'MANAGER' && !input.allowTierMismatch) {
    const mismatch = found.find((m) => m.tier !== 'MANAGER');
    if (mismatch) throw badInput(`"${curriculum.title}" is written for managers and ${mismatch.member_id} is not one; pass allowTierMismatch: true to assign it anyway.`);
  }
  return ids.map((id) => byId.get(id)!);
}

export const Mutation: MutationResolvers = {
  createCurriculum: async (_, args, ctx) => {
    const input = parseInput(createInput, args.input);
    const restrictedTo = input.restrictedTo ?? [];
    curriculumTarget.expectReadable(ctx.viewer, { visibility: input.visibility, restrictedTo });
    const relatedProcedures = await checkedCitations(ctx.db, ctx.viewer, RELATED_PROCEDURES, input.relatedProcedures ?? []);
    const relatedLegalFrameworks = await checkedCitations(ctx.db, ctx.viewer, RELATED_FRAMEWORKS, input.relatedLegalFrameworks ?? []);
    const id = `cur-${randomUUID()}`;
    await ctx.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO training.curricula (id, owner_agency_id, title, summary, audience, topics, tags, learning_outcomes, language, estimated_hours,
           visibility, restricted_to, related_procedures, related_legal_frameworks, validity_months, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [id, ctx.viewer.agencyId, input.title, input.summary, input.audience, input.topics, input.tags ?? [], input.learningOutcomes ?? [],
          input.language, input.estimatedHours, input.visibility, restrictedTo, relatedProcedures, relatedLegalFrameworks,
          input.validityMonths, ctx.viewer.memberId]);
      await insertModules(tx, id, input.modules ?? [], 1);
      await emitCurriculumEvent(tx, { id, version: 1 }, 'curriculum.created', { audience: input.audience, topics: input.topics });
    });
    return reloadCurriculum(ctx, id);
  },

  updateCurriculum: async (_, args, ctx) => {
    const input = parseInput(updateInput, args.input);
    await ctx.db.transaction(async (tx) => {
      const current = await lockCurriculum(tx, ctx.viewer, args.id);
      curriculumTarget.expectVersion(current.version, args.expectedVersion);
      curriculumTarget.expectReadable(ctx.viewer, { visibility: input.visibility ?? current.visibility, restrictedTo: input.restrictedTo ?? current.restrictedTo });
      if (input.relatedProcedures) {
        input.relatedProcedures = await checkedCitations(tx, ctx.viewer, RELATED_PROCEDURES, input.relatedProcedures, current.relatedProcedures);
      }
      if (input.relatedLegalFrameworks) {
        input.relatedLegalFrameworks = await checkedCitations(tx, ctx.viewer, RELATED_FRAMEWORKS, input.relatedLegalFrameworks, current.relatedLegalFrameworks);
      }
      const changed = Object.entries(input).filter(([, v]) => v !== undefined) as [keyof typeof content, unknown][];
      const params: unknown[] = [args.id];
      const sets = changed.map(([key, value]) => {
        params.push(value);
        return `${CONTENT_COLUMNS[key]} = $${params.length}`;
      });
      await tx.query(`UPDATE training.curricula SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`, params);
      await emitCurriculumEvent(tx, { id: args.id, version: current.version + 1 }, 'curriculum.updated', { fields: changed.map(([k]) => k) });
    });
    return reloadCurriculum(ctx, args.id);
  },

  addModule: async (_, args, ctx) => {
    const input = parseInput(moduleInput, args.input);
    await ctx.db.transaction(async (tx) => {
      const current = await lockCurriculum(tx, ctx.viewer, args.curriculumId);
      const [{ next }] = await tx.query('SELECT coalesce(max(position), 0) + 1 AS next FROM training.modules WHERE curriculum_id = $1', [current.id]);
      const [moduleId] = await insertModules(tx, current.id, [input], next);
      await tx.query('UPDATE training.curricula SET version = version + 1, updated_at = now() WHERE id = $1', [current.id]);
      await emitCurriculumEvent(tx, { id: current.id, version: current.version + 1 }, 'curriculum.module_added', { moduleId });
    });
    return reloadCurriculum(ctx, args.curriculumId);
  },

  assignCurriculum: async (_, args, ctx) => {
    const input = parseInput(assignInput, args.input);
    const { createdIds, memberIds } = await ctx.db.transaction(async (tx) => {
      const curriculum = await assignedCurriculumTarget.lock(tx, ctx.viewer, input.curriculumId);
      const assignees = await assigneesOf(ctx, tx, curriculum, input);
      const ids = assignees.map(() => `asg-${randomUUID()}`);
      const created: { id: string; member_id: string }[] = assignees.length === 0 ? [] : await tx.query(
        `INSERT INTO training.assignments (id, curriculum_id, curriculum_version, member_id, assigned_by, via_agency_id, due_on, status)
         SELECT w.id, $3, $4, w.member_id, $5, $6, $7, 'ASSIGNED' FROM unnest($1::text[], $2::text[]) AS w(id, member_id)
         ON CONFLICT (curriculum_id, member_id) WHERE status IN ('ASSIGNED', 'IN_PROGRESS') DO NOTHING
         RETURNING id, member_id`,
        [ids, assignees.map((a) => a.member_id), curriculum.id, curriculum.version, ctx.viewer.memberId, input.agencyId ?? null, input.dueOn]);
      await emitEvents(tx, 'training', created.map((a) => ({
        entityType: 'Assignment',
        entityId: a.id,
        event: 'assignment.created',
        payload: { curriculum: curriculum.id, version: curriculum.version, member: a.member_id, dueOn: input.dueOn, via: input.agencyId ?? null },
      })));
      return { createdIds: created.map((a) => a.id), memberIds: assignees.map((a) => a.member_id) };
    });
    const params: unknown[] = [input.curriculumId, memberIds];
    const { select } = assignmentSelect(params);
    const open = memberIds.length === 0 ? [] : await ctx.db.query(
      `${select} WHERE a.curriculum_id = $1 AND a.member_id = ANY($2) AND a.status IN ('ASSIGNED', 'IN_PROGRESS')
         AND ${followedSql(ctx.viewer, params)} ORDER BY a.member_id`, params);
    return { createdCount: createdIds.length, alreadyAssignedCount: memberIds.length - createdIds.length, assignments: open.map(toAssignment) };
  },

  recordModuleProgress: async (_, args, ctx) => {
    const input = parseInput(progressInput, { completed: args.completed, score: args.score });
    await ctx.db.transaction(async (tx) => {
      const a = await progressTarget.lock(tx, ctx.viewer, args.assignmentId);
      if (a.status === 'COMPLETED' || a.status === 'CANCELLED') throw badInput(`This assignment is ${a.status.toLowerCase()}; progress can no longer be recorded.`);
      const modules: ModuleRow[] = await tx.query(`SELECT ${MODULE_COLUMNS} FROM training.modules m WHERE m.curriculum_id = $1`, [a.curriculumId]);
      if (!modules.some((m) => m.id === args.moduleId)) throw badInput(`Module "${args.moduleId}" is not part of this curriculum.`);
      const progress: { module_id: string; completed: boolean; score: number | null }[] = await tx.query(
        `INSERT INTO training.module_progress (assignment_id, module_id, completed, score) VALUES ($1, $2, $3, $4)
         ON CONFLICT (assignment_id, module_id) DO UPDATE SET completed = EXCLUDED.completed, score = EXCLUDED.score, updated_at = now()
         RETURNING module_id, completed, score`, [args.assignmentId, args.moduleId, input.completed, input.score ?? null]);
      const others: { module_id: string; completed: boolean; score: number | null }[] = await tx.query(
        'SELECT module_id, completed, score FROM training.module_progress WHERE assignment_id = $1 AND module_id <> $2', [args.assignmentId, args.moduleId]);
      const byModule = new Map([...others, ...progress].map((p) => [p.module_id, p]));
      const done = modules.every((m) => passes(m, byModule.get(m.id)));
      const on = today();
      if (done) {
        await tx.query(
          `UPDATE training.assignments SET status = 'COMPLETED', completed_on = $2::date, needs_refresh = false,
             refresh_due_on = ($2::date + make_interval(months => $3))::date, updated_at = now() WHERE id = $1`,
          [args.assignmentId, on, a.validityMonths]);
      } else {
        await tx.query(`UPDATE training.assignments SET status = 'IN_PROGRESS', updated_at = now() WHERE id = $1`, [args.assignmentId]);
      }
      await emitEvents(tx, 'training', [{
        entityType: 'Assignment',
        entityId: args.assignmentId,
        event: done ? 'assignment.completed' : 'assignment.progressed',
        payload: { module: args.moduleId, completed: input.completed, score: input.score ?? null, ...(done ? { completedOn: on } : {}) },
      }]);
    });
    return reloadAssignment(ctx, args.assignmentId);
  },

  cancelAssignment: async (_, args, ctx) => {
    await ctx.db.transaction(async (tx) => {
      const a = await cancellationTarget.lock(tx, ctx.viewer, args.id);
      if (a.status === 'COMPLETED' || a.status === 'CANCELLED') throw badInput(`This assignment is ${a.status.toLowerCase()} and cannot be cancelled.`);
      await tx.query(`UPDATE training.assignments SET status = 'CANCELLED', updated_at = now() WHERE id = $1`, [a.id]);
      await emitEvents(tx, 'training', [{ entityType: 'Assignment', entityId: a.id, event: 'assignment.cancelled', payload: { member: a.memberId } }]);
    });
    return reloadAssignment(ctx, args.id);
  },
};
