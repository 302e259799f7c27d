import { memberReference } from '../../../lib/memberReference.ts';
import { today } from '../../../lib/scalars.ts';
import { passes } from '../views.ts';
import { trainingReportOf } from '../trainingReport.ts';
import type { AgencyResolvers, AssignmentResolvers, CurriculumResolvers, MemberResolvers, RecommendationResolvers } from './types.generated.ts';

export const Curriculum: CurriculumResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.curriculum.load(ref.id),
  modules: (c, _, ctx) => ctx.loaders.modulesOf.load(c.id),
  // Handed to the procedures and legal subgraphs, which resolve the ones the viewer may see.
  relatedProcedureIds: (c) => c.relatedProcedures,
  relatedLegalFrameworkIds: (c) => c.relatedLegalFrameworks,
  ownerAgency: (c) => ({ id: c.ownerAgencyId }),
};

export const Assignment: AssignmentResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.assignment.load(ref.id),
  curriculum: (a, _, ctx) => ctx.loaders.curriculum.load(a.curriculumId),
  assignee: (a) => ({ id: a.memberId }),
  assignedBy: (a, _, ctx) => memberReference(ctx.viewer, a.assignedBy),
  assignedVia: (a) => (a.viaAgencyId ? { id: a.viaAgencyId } : null),
  overdue: (a) => a.status === 'OVERDUE',
  progress: async (a, _, ctx) => {
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

export const Member: MemberResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  assignments: async (m, args, ctx) =>
    (await ctx.loaders.assignmentsOfMember.load(m.id)).filter((a) => !args.status || a.status === args.status),
};

export const Agency: AgencyResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  trainingSummary: async (agency, _, ctx) =>
    trainingReportOf(await ctx.loaders.figuresOfAgency.load(agency.id), today()),
};

// A workshop recommendation's links to curricula: the gateway hands over the ids (a field the workshops subgraph keeps
// @inaccessible) and this subgraph answers those the viewer may see, so a hidden curriculum's id never shows.
export const Recommendation: RecommendationResolvers = {
  __resolveReference: (ref) => ref,
  visibleCurriculumLinkIds: async (r, _, ctx) => {
    const loaded = await ctx.loaders.curriculum.loadMany(r.curriculumLinkIds ?? []);
    return loaded.flatMap((c) => (c && !(c instanceof Error) ? [c.id] : []));
  },
};
