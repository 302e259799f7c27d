import type { CurriculumResolvers } from './types.generated.ts';

export const Curriculum: CurriculumResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.curriculum.load(ref.id),
  modules: (c, _, ctx) => ctx.loaders.modulesOf.load(c.id),
  // Handed to the procedures and legal subgraphs, which resolve the ones the viewer may see.
  relatedProcedureIds: (c) => c.relatedProcedures,
  relatedLegalFrameworkIds: (c) => c.relatedLegalFrameworks,
  ownerAgency: (c) => ({ id: c.ownerAgencyId }),
};
