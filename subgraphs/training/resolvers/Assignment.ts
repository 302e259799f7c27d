import { memberReference } from '../../../lib/memberReference.ts';
import { today } from '../../../lib/scalars.ts';
import type { AssignmentView } from '../views.ts';
import type { CurriculumView } from '../views.ts';
import { passes } from '../views.ts';
import { trainingReportOf } from '../trainingReport.ts';
import type { Ctx } from './context.ts';

export const Curriculum = {
  __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.curriculum.load(ref.id),
  modules: (c: CurriculumView, _: unknown, ctx: Ctx) => ctx.loaders.modulesOf.load(c.id),
  // Handed to the procedures and legal subgraphs, which resolve the ones the viewer may see.
  relatedProcedureIds: (c: CurriculumView) => c.relatedProcedures,
  relatedLegalFrameworkIds: (c: CurriculumView) => c.relatedLegalFrameworks,
  ownerAgency: (c: CurriculumView) => ({ id: c.ownerAgencyId }),
};

export const Assignment = {
  __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.assignment.load(ref.id),
  curriculum: (a: AssignmentView, _: unknown, ctx: Ctx) => ctx.loaders.curriculum.load(a.curriculumId),
  assignee: (a: AssignmentView) => ({ id: a.memberId }),
  assignedBy: (a: AssignmentView, _: unknown, ctx: Ctx) => memberReference(ctx.viewer, a.assignedBy),
  assignedVia: (a: AssignmentView) => (a.viaAgencyId ? { id: a.viaAgencyId } : null),
  overdue: (a: AssignmentView) => a.status === 'OVERDUE',
  progress: async (a: AssignmentView, _: unknown, ctx: Ctx) => {
    // Following someone's assignment does not open a curriculum the viewer may not read.
    const [curriculum, modules, recorded] = await Promise.all([
      ctx.loaders.curriculum.load(a.curriculumId), ctx.loaders.modulesOf.load(a.curriculumId), ctx.loaders.progressOf.load(a.id)]);
    if (!curriculum) return [];
    const byModule = new Map(recorded.map((p) => [p.moduleId, p]));
    return modules.map((module) => {
      const p = byModule.get(module.id);
      return { module, completed: p?.completed ?? false, score: p?.score ?? null, passed: passes(module, p) };
    });
  },
};

export const Member = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  assignments: async (m: { id: string }, args: { status?: string | null }, ctx: Ctx) =>
    (await ctx.loaders.assignmentsOfMember.load(m.id)).filter((a) => !args.status || a.status === args.status),
};

export const Agency = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  trainingSummary: async (agency: { id: string }, _: unknown, ctx: Ctx) =>
    trainingReportOf(await ctx.loaders.figuresOfAgency.load(agency.id), today()),
};

// A workshop recommendation's links to curricula: the gateway hands over the ids (a field the workshops subgraph keeps
// @inaccessible) and this subgraph answers those the viewer may see, so a hidden curriculum's id never shows.
export const Recommendation = {
  __resolveReference: (ref: { id: string; curriculumLinkIds?: string[] }) => ref,
  visibleCurriculumLinkIds: async (r: { curriculumLinkIds?: string[] }, _: unknown, ctx: Ctx) => {
    const loaded = await ctx.loaders.curriculum.loadMany(r.curriculumLinkIds ?? []);
    return loaded.flatMap((c) => (c && !(c instanceof Error) ? [c.id] : []));
  },
};
