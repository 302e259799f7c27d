import { memberReference } from '../../../lib/memberReference.ts';
import { passes } from '../views.ts';
import type { AssignmentResolvers } from './types.generated.ts';

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
